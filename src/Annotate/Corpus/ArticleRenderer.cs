using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annotate.Corpus;

/// <summary>
/// Turns an article body into its canonical text and, in the same walk, into HTML whose block elements carry
/// data-start/data-end offsets and whose text content equals the canonical text of each block. One walk for both
/// keeps the text that annotations point into and the text the reader shows from ever drifting apart.
/// </summary>
internal static class ArticleRenderer
{
    // Raw HTML is disabled: an HTML tag in an article shows up as the literal text it is.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    /// <summary>Canonical text and blocks only (what the corpus load needs).</summary>
    public static DocumentText ToText(string body, ArticleFormat format) => Render(body, format, html: null);

    /// <summary>Canonical text with unsanitised HTML; callers sanitise with <see cref="ArticleHtml"/>.</summary>
    public static (DocumentText Text, string Html) ToHtml(string body, ArticleFormat format)
    {
        var html = new StringBuilder(body.Length * 2);
        var text = Render(body, format, html);
        return (text, html.ToString());
    }

    private static DocumentText Render(string body, ArticleFormat format, StringBuilder? html)
    {
        var builder = new DocumentTextBuilder();
        if (format == ArticleFormat.PlainText)
        {
            PlainTextBlocks(body, builder, html);
        }
        else
        {
            var walker = new MarkdownWalker(builder, html);
            walker.Container(Markdown.Parse(body, Pipeline), context: BlockKinds.Paragraph, depth: 0);
        }

        return builder.Build();
    }

    /// <summary>Plain text: paragraphs are separated by blank lines; line breaks inside a paragraph are kept.</summary>
    private static void PlainTextBlocks(string body, DocumentTextBuilder builder, StringBuilder? html)
    {
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var content = paragraph.Trim('\n');
            if (builder.Add(BlockKinds.Paragraph, 0, content) is not { } block || html is null)
            {
                continue;
            }

            html.Append("<p").Append(BlockAttributes(block)).Append('>');
            AppendWithHardBreaks(html, content);
            html.Append("</p>");
        }
    }

    /// <summary>Encoded text whose line breaks stay visible as line breaks (and stay '\n' in the text content).</summary>
    internal static void AppendWithHardBreaks(StringBuilder html, string content)
    {
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            html.Append(i > 0 ? HardBreak : "");
            AppendEncoded(html, lines[i]);
        }
    }

    internal const string HardBreak = "<span class=\"hardbreak\">\n</span>";

    internal static string BlockAttributes(Block block) =>
        FormattableString.Invariant($" data-block=\"{block.Index}\" data-start=\"{block.Start}\" data-end=\"{block.End}\"");

    /// <summary>Minimal HTML text encoding: only what would change the markup, so text stays readable and small.</summary>
    internal static void AppendEncoded(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                _ => html.Append(c),
            };
        }
    }

    /// <summary>http, https and mailto links are kept; javascript:, data:, relative and malformed ones are dropped.</summary>
    internal static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
    }
}
