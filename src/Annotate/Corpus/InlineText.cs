using System.Text;
using Markdig.Syntax.Inlines;

namespace Annotate.Corpus;

/// <summary>The text and HTML of a run of inlines; the HTML's text content is exactly <see cref="Text"/>.</summary>
internal sealed class InlineText
{
    /// <summary>Deeper inline nesting is refused: no article needs it, and unbounded recursion would end the process.</summary>
    public const int MaxDepth = 64;

    private int depth;
    private bool insideLink;

    public StringBuilder Text { get; } = new();

    public StringBuilder Html { get; } = new();

    public static InlineText Of(ContainerInline? inline)
    {
        var result = new InlineText();
        if (inline is not null)
        {
            result.Append(inline);
        }

        return result;
    }

    public void Append(ContainerInline container)
    {
        if (++depth > MaxDepth)
        {
            throw new CorpusFileException("too-deep", $"Inline formatting (emphasis, links) is nested more than {MaxDepth} levels deep.");
        }

        foreach (var inline in container)
        {
            Inline(inline);
        }

        depth--;
    }

    private void Inline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                Literal(literal.Content.AsSpan());
                break;
            case CodeInline code:
                Wrap("code", () => Literal(code.Content.AsSpan()));
                break;
            case HtmlEntityInline entity:
                Literal(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline lineBreak when lineBreak.IsHard:
                Text.Append('\n');
                Html.Append(ArticleRenderer.HardBreak);
                break;
            case LineBreakInline:
                Literal(" ");
                break;
            case AutolinkInline autolink:
                Link(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, () => Literal(autolink.Url));
                break;
            case LinkInline { IsImage: true }:
                // Images are left out: their alt text is not visible text, and remote images would leak readers' visits.
                break;
            case LinkInline link:
                Link(link.GetDynamicUrl?.Invoke() ?? link.Url, () => Append(link));
                break;
            case EmphasisInline emphasis:
                Wrap(EmphasisTag(emphasis), () => Append(emphasis));
                break;
            case ContainerInline container:
                Append(container);
                break;
            default:
                Literal(inline.ToString().AsSpan());
                break;
        }
    }

    private void Literal(ReadOnlySpan<char> text)
    {
        // A carriage return can only arrive through an entity (&#13;); browsers read it as a line feed.
        var content = text.Contains('\r') ? text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').AsSpan() : text;
        Text.Append(content);
        ArticleRenderer.AppendEncoded(Html, content);
    }

    private void Wrap(string tag, Action inner)
    {
        Html.Append('<').Append(tag).Append('>');
        inner();
        Html.Append("</").Append(tag).Append('>');
    }

    private void Link(string? url, Action inner)
    {
        // A link inside a link is shown as text: HTML cannot nest anchors.
        if (insideLink || ArticleRenderer.SafeUrl(url) is not { } safe)
        {
            inner();
            return;
        }

        Html.Append("<a href=\"");
        ArticleRenderer.AppendEncoded(Html, safe);
        Html.Append("\" rel=\"nofollow noopener noreferrer\">");
        insideLink = true;
        inner();
        insideLink = false;
        Html.Append("</a>");
    }

    private static string EmphasisTag(EmphasisInline emphasis) => (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
    {
        ('~', 2) => "del",
        ('~', _) => "sub",
        ('^', _) => "sup",
        ('+', _) => "ins",
        ('=', _) => "mark",
        (_, >= 2) => "strong",
        _ => "em",
    };
}
