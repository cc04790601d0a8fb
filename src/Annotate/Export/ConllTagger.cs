using Annotate.Agreement.Spans;

namespace Annotate.Export;

/// <summary>A span BIO could not hold: it overlaps a span kept before it, or covers no token.</summary>
internal sealed record ConllDropped(string Annotator, string Document, string SpanId, string Label, int Start, int End, string Quote, string Overlaps, string Reason);

/// <summary>A span whose start or end fell inside a token, written as the whole tokens it touches.</summary>
internal sealed record ConllWidened(string Annotator, string Document, string SpanId, string Label, int Start, int End, int TokenStart, int TokenEnd, string Quote);

/// <summary>One document's tokens, each with its BIO tag and whether a blank line (sentence or line break) precedes it.</summary>
internal sealed record ConllTokens(IReadOnlyList<Token> Tokens, IReadOnlyList<string> Tags, IReadOnlyList<bool> BreakBefore);

/// <summary>
/// Turns one annotator's spans of one layer into BIO tags over <see cref="TextTokenizer"/> tokens. BIO cannot hold
/// overlaps, so the rule is fixed: earliest start first, then the longest, then label and id; a span touching a
/// token already taken is dropped (and reported). Boundaries inside a token are widened to the whole token.
/// </summary>
internal static class ConllTagger
{
    public static ConllTokens Tag(string documentId, string annotator, string text, IEnumerable<ExportSpan> spans,
        ICollection<ConllDropped> dropped, ICollection<ConllWidened> widened) =>
        Tag(documentId, annotator, text, TextTokenizer.Tokenize(documentId, text), spans, dropped, widened, null);

    /// <param name="tokens">The text's tokens, in order (tokenized once per document, shared by every annotator and layer).</param>
    /// <param name="breakable">From <see cref="Breakable"/> for these tokens (null: worked out here).</param>
    public static ConllTokens Tag(string documentId, string annotator, string text, List<Token> tokens, IEnumerable<ExportSpan> spans,
        ICollection<ConllDropped> dropped, ICollection<ConllWidened> widened, bool[]? breakable)
    {
        var tags = Enumerable.Repeat("O", tokens.Count).ToArray();
        var taken = new string?[tokens.Count];
        var ordered = spans.OrderBy(s => s.Start).ThenByDescending(s => s.End).ThenBy(s => s.Label, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal);
        foreach (var span in ordered)
        {
            var quote = text[span.Start..span.End];
            var first = FirstEndingAfter(tokens, span.Start);
            var last = FirstEndingAfter(tokens, span.End - 1) is var l && l < tokens.Count && tokens[l].Start < span.End ? l : l - 1;
            first = first < tokens.Count ? first : -1;
            if (first < 0 || last < first)
            {
                dropped.Add(new ConllDropped(annotator, documentId, span.Id, span.Label, span.Start, span.End, quote, "", "no-token"));
                continue;
            }

            if (Enumerable.Range(first, last - first + 1).FirstOrDefault(i => taken[i] is not null, -1) is var clash and >= 0)
            {
                dropped.Add(new ConllDropped(annotator, documentId, span.Id, span.Label, span.Start, span.End, quote, taken[clash]!, "overlap"));
                continue;
            }

            if (tokens[first].Start < span.Start || tokens[last].End > span.End)
                widened.Add(new ConllWidened(annotator, documentId, span.Id, span.Label, span.Start, span.End, tokens[first].Start, tokens[last].End, quote));
            for (var i = first; i <= last; i++)
            {
                taken[i] = span.Id;
                tags[i] = (i == first ? "B-" : "I-") + span.Label;
            }
        }

        // A blank line at a line break or after a sentence end, but never inside a span (its I- tags stay together).
        breakable ??= Breakable(text, tokens);
        var breaks = new bool[tokens.Count];
        for (var i = 1; i < tokens.Count; i++)
            breaks[i] = breakable[i] && !tags[i].StartsWith("I-", StringComparison.Ordinal);

        return new ConllTokens(tokens, tags, breaks);
    }

    /// <summary>Which tokens follow a line break or a sentence end: the same for every annotator and layer of a document.</summary>
    public static bool[] Breakable(string text, List<Token> tokens)
    {
        var breakable = new bool[tokens.Count];
        for (var i = 1; i < tokens.Count; i++)
        {
            var gap = text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
            var previous = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].End - tokens[i - 1].Start);
            breakable[i] = gap.Contains('\n') || previous is "." or "!" or "?" or "…";
        }

        return breakable;
    }

    /// <summary>The index of the first token that ends after <paramref name="offset"/> (tokens.Count when none): a binary search.</summary>
    private static int FirstEndingAfter(List<Token> tokens, int offset)
    {
        var (low, high) = (0, tokens.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (tokens[middle].End > offset)
                high = middle;
            else
                low = middle + 1;
        }

        return low;
    }
}
