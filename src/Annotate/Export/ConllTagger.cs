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
    private static readonly string[] SentenceEnds = [".", "!", "?", "…"];

    public static ConllTokens Tag(string documentId, string annotator, string text, IEnumerable<ExportSpan> spans,
        ICollection<ConllDropped> dropped, ICollection<ConllWidened> widened)
    {
        var tokens = TextTokenizer.Tokenize(documentId, text);
        var tags = Enumerable.Repeat("O", tokens.Count).ToArray();
        var taken = new string?[tokens.Count];
        var ordered = spans.OrderBy(s => s.Start).ThenByDescending(s => s.End).ThenBy(s => s.Label, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal);
        foreach (var span in ordered)
        {
            var quote = text[span.Start..span.End];
            var first = tokens.FindIndex(t => t.End > span.Start);
            var last = tokens.FindLastIndex(t => t.Start < span.End);
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

        var breaks = new bool[tokens.Count];
        for (var i = 1; i < tokens.Count; i++)
        {
            // A blank line at a line break or after a sentence end, but never inside a span (its I- tags stay together).
            var gap = text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
            var sentenceEnd = SentenceEnds.Contains(text[tokens[i - 1].Start..tokens[i - 1].End]);
            breaks[i] = !tags[i].StartsWith("I-", StringComparison.Ordinal) && (gap.Contains('\n') || sentenceEnd);
        }

        return new ConllTokens(tokens, tags, breaks);
    }
}
