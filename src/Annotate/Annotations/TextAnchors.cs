using System.Globalization;
using Annotate.Corpus;

namespace Annotate.Annotations;

/// <summary>A span's place in a text, with the context that finds it again after the text changes.</summary>
internal sealed record TextAnchor(int Start, int End, string Quote, string Prefix, string Suffix);

/// <summary>
/// Quotes with context (as the W3C TextQuoteSelector keeps them), boundary checks, and re-anchoring of a span in a
/// new version of its text. Offsets are UTF-16 code units.
/// </summary>
internal static class TextAnchors
{
    public const int ContextLength = 32;

    public static TextAnchor At(string text, int start, int end)
    {
        var prefixStart = Math.Max(0, start - ContextLength);
        if (prefixStart > 0 && char.IsLowSurrogate(text[prefixStart]))
        {
            prefixStart--;
        }

        var suffixEnd = Math.Min(text.Length, end + ContextLength);
        if (suffixEnd < text.Length && char.IsLowSurrogate(text[suffixEnd]))
        {
            suffixEnd++;
        }

        return new TextAnchor(start, end, text[start..end], text[prefixStart..start], text[end..suffixEnd]);
    }

    /// <summary>
    /// Whether an offset falls between two user-perceived characters: not inside a surrogate pair, and not before a
    /// combining mark or inside an emoji sequence. Segmentation starts at the enclosing block, which always begins
    /// on a boundary, so long texts cost only one block's work.
    /// </summary>
    public static bool IsCharacterBoundary(string text, IReadOnlyList<Block> blocks, int offset)
    {
        if (offset <= 0 || offset >= text.Length)
        {
            return true;
        }

        var block = blocks.LastOrDefault(b => b.Start <= offset);
        var position = block?.Start ?? 0;
        while (position < offset)
        {
            position += StringInfo.GetNextTextElementLength(text.AsSpan(position));
        }

        return position == offset;
    }

    /// <summary>Finds a quote again in a new text; null when it is gone (the annotation becomes an orphan).</summary>
    public static TextAnchor? Reanchor(string newText, string quote, string prefix, string suffix, int oldStart)
    {
        if (quote.Length == 0)
        {
            return null;
        }

        var best = -1;
        var bestScore = (Context: -1, Distance: int.MaxValue);
        var searched = 0;
        for (var at = newText.IndexOf(quote, StringComparison.Ordinal); at >= 0 && searched < 10_000; at = newText.IndexOf(quote, at + 1, StringComparison.Ordinal), searched++)
        {
            var score = (Context: CommonSuffix(newText.AsSpan(0, at), prefix) + CommonPrefix(newText.AsSpan(at + quote.Length), suffix),
                Distance: Math.Abs(at - oldStart));
            if (score.Context > bestScore.Context || (score.Context == bestScore.Context && score.Distance < bestScore.Distance))
            {
                (best, bestScore) = (at, score);
            }
        }

        return best < 0 ? null : At(newText, best, best + quote.Length);
    }

    private static int CommonSuffix(ReadOnlySpan<char> text, string prefix)
    {
        var n = 0;
        while (n < prefix.Length && n < text.Length && text[^(n + 1)] == prefix[^(n + 1)])
        {
            n++;
        }

        return n;
    }

    private static int CommonPrefix(ReadOnlySpan<char> text, string suffix)
    {
        var n = 0;
        while (n < suffix.Length && n < text.Length && text[n] == suffix[n])
        {
            n++;
        }

        return n;
    }
}
