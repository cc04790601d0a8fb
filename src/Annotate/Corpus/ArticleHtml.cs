using Ganss.Xss;

namespace Annotate.Corpus;

/// <summary>
/// Sanitises the reader's HTML. Our renderer already escapes text and drops unsafe links, but the article is
/// untrusted input, so the output passes an allow-list sanitiser too: only the tags and attributes we emit survive.
/// </summary>
internal sealed class ArticleHtml
{
    private readonly HtmlSanitizer sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "ul", "ol", "li", "blockquote", "pre", "code",
            "table", "tbody", "tr", "td", "th", "em", "strong", "del", "ins", "sub", "sup", "mark", "a", "span",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "rel", "class" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
    })
    {
        AllowDataAttributes = true,
    };

    public string Sanitize(string html) => sanitizer.Sanitize(html);
}

/// <summary>How an article file is written.</summary>
internal enum ArticleFormat
{
    Markdown,
    PlainText,
}
