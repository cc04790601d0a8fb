using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annotate.Corpus;

/// <summary>Walks a Markdig syntax tree, emitting canonical text blocks and (optionally) matching HTML.</summary>
internal sealed class MarkdownWalker(DocumentTextBuilder builder, StringBuilder? html)
{
    public void Container(ContainerBlock container, string context, int depth)
    {
        foreach (var child in container)
        {
            switch (child)
            {
                case ListBlock list:
                    Wrapped(list.IsOrdered ? "ol" : "ul", () => Container(list, BlockKinds.ListItem, depth + 1));
                    break;
                case ListItemBlock item:
                    Wrapped("li", () => Container(item, BlockKinds.ListItem, depth));
                    break;
                case QuoteBlock quote:
                    Wrapped("blockquote", () => Container(quote, BlockKinds.Quote, depth + 1));
                    break;
                case Table table:
                    Wrapped("table", () => Wrapped("tbody", () => Container(table, BlockKinds.TableCell, depth)));
                    break;
                case TableRow row:
                    Wrapped("tr", () => Cells(row));
                    break;
                case ContainerBlock other:
                    Container(other, context, depth);
                    break;
                case LeafBlock leaf:
                    Leaf(leaf, context, depth);
                    break;
            }
        }
    }

    private void Cells(TableRow row)
    {
        foreach (var cell in row.OfType<TableCell>())
        {
            var inline = new InlineText();
            foreach (var paragraph in cell.OfType<LeafBlock>())
            {
                if (paragraph.Inline is not null)
                {
                    inline.Append(paragraph.Inline);
                }
            }

            var tag = row.IsHeader ? "th" : "td";
            if (!Emit(tag, BlockKinds.TableCell, 0, inline))
            {
                html?.Append('<').Append(tag).Append("></").Append(tag).Append('>'); // keeps the columns in place
            }
        }
    }

    private void Leaf(LeafBlock leaf, string context, int depth)
    {
        switch (leaf)
        {
            case HeadingBlock heading:
                Emit($"h{Math.Clamp(heading.Level, 1, 6)}", BlockKinds.Heading, heading.Level, InlineText.Of(heading.Inline));
                break;
            case CodeBlock code:
                var content = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()));
                var block = builder.Add(BlockKinds.Code, 0, content);
                if (block is not null && html is not null)
                {
                    html.Append("<pre").Append(ArticleRenderer.BlockAttributes(block)).Append("><code>");
                    ArticleRenderer.AppendEncoded(html, content);
                    html.Append("</code></pre>");
                }

                break;
            case ThematicBreakBlock or LinkReferenceDefinition:
                break;
            default:
                if (leaf.Inline is not null)
                {
                    var tag = context == BlockKinds.Paragraph || context == BlockKinds.Quote || context == BlockKinds.ListItem ? "p" : "div";
                    Emit(tag, context, depth, InlineText.Of(leaf.Inline));
                }

                break;
        }
    }

    /// <summary>Adds a block (unless empty) and its element; returns whether a block was added.</summary>
    private bool Emit(string tag, string kind, int level, InlineText inline)
    {
        var content = inline.Text.ToString();
        var markup = inline.Html.ToString();
        if (!content.IsNormalized(NormalizationForm.FormC))
        {
            // Markup split a combining sequence (e.g. "*e*" + U+0301): the text must still be NFC, so this block
            // is shown without its inline formatting rather than with offsets that a normalising client would shift.
            content = content.Normalize(NormalizationForm.FormC);
            var plain = new StringBuilder(content.Length);
            ArticleRenderer.AppendWithHardBreaks(plain, content);
            markup = plain.ToString();
        }

        var block = builder.Add(kind, level, content);
        if (block is not null && html is not null)
        {
            html.Append('<').Append(tag).Append(ArticleRenderer.BlockAttributes(block)).Append('>')
                .Append(markup).Append("</").Append(tag).Append('>');
        }

        return block is not null;
    }

    private void Wrapped(string tag, Action inner)
    {
        html?.Append('<').Append(tag).Append('>');
        inner();
        html?.Append("</").Append(tag).Append('>');
    }
}
