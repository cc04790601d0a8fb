namespace Annotate.Corpus;

/// <summary>The kinds of block the canonical text is divided into.</summary>
internal static class BlockKinds
{
    public const string Heading = "heading";
    public const string Paragraph = "paragraph";
    public const string ListItem = "listItem";
    public const string Quote = "quote";
    public const string Code = "code";
    public const string TableCell = "tableCell";
}

/// <summary>
/// One block of a document's canonical text: [Start, End) in UTF-16 code units, the same units as JavaScript strings.
/// </summary>
public sealed record Block(int Index, string Kind, int Level, int Start, int End);

/// <summary>The text annotations point into, and its division into rendered blocks.</summary>
internal sealed record DocumentText(string Text, IReadOnlyList<Block> Blocks)
{
    /// <summary>Blocks are separated by a blank line in the canonical text.</summary>
    public const string BlockSeparator = "\n\n";

    public int WordCount => CountWords(Text);

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark;
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar || (inWord && (c is '\'' or '’' or '-'));
        }

        return count;
    }
}

/// <summary>Builds canonical text block by block, keeping the offsets right.</summary>
internal sealed class DocumentTextBuilder
{
    private readonly System.Text.StringBuilder text = new();
    private readonly List<Block> blocks = [];

    public int Length => text.Length;

    /// <summary>Adds a block unless it is empty or only white space; returns the block or null.</summary>
    public Block? Add(string kind, int level, string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        if (blocks.Count > 0)
        {
            text.Append(DocumentText.BlockSeparator);
        }

        var start = text.Length;
        text.Append(content);
        var block = new Block(blocks.Count, kind, level, start, text.Length);
        blocks.Add(block);
        return block;
    }

    public DocumentText Build() => new(text.ToString(), blocks);
}
