namespace Annotate.Agreement.Spans;

/// <summary>One coder's labelled span: [<paramref name="Start"/>, <paramref name="End"/>) on a document's continuum.</summary>
/// <param name="Document">The document (continuum) the span is on; "" for a single continuum.</param>
/// <param name="Coder">Who marked it.</param>
/// <param name="Start">First position, inclusive.</param>
/// <param name="End">Last position, exclusive; greater than <paramref name="Start"/>.</param>
/// <param name="Label">The label (category) given to the span.</param>
public sealed record LabelledSpan(string Document, string Coder, int Start, int End, string Label)
{
    /// <summary>How many positions this span shares with another (0 when they do not overlap).</summary>
    public int OverlapWith(LabelledSpan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));
    }
}

/// <summary>How two coders' spans count as the same span.</summary>
public enum SpanMatching
{
    /// <summary>Same start, same end, same label.</summary>
    Exact,

    /// <summary>Same label and at least one shared position; each span matches at most one other.</summary>
    Overlap,
}

/// <summary>
/// Pairwise span agreement: <see cref="F1"/> is 2·matches / (spans of the one coder + spans of the other), summed
/// over every pair of coders and every document (micro-averaged). It is symmetric, so no coder is the reference.
/// </summary>
/// <param name="F1">The F1 score, or undefined when no pair of coders has any span.</param>
/// <param name="Matches">Matched span pairs, over all coder pairs.</param>
/// <param name="Spans">Spans counted, over all coder pairs (each span counts once per pair it is in).</param>
public sealed record SpanF1(Coefficient F1, long Matches, long Spans);

/// <summary>
/// Disagreements between pairs of coders, each span pair or unmatched span counted once per coder pair:
/// <see cref="Boundary"/> (same label, overlapping, different extent), <see cref="Label"/> (same extent, different
/// label), <see cref="BoundaryAndLabel"/> (overlapping, different extent and label), <see cref="Missed"/> (a span
/// the other coder has nothing overlapping for).
/// </summary>
public sealed record SpanDisagreements(long Agreements, long Boundary, long Label, long BoundaryAndLabel, long Missed);

/// <summary>Two coders' matches on one document, per label (<see cref="SpanAgreement.MatchesByPair"/>).</summary>
/// <param name="A">The first coder.</param>
/// <param name="B">The second coder.</param>
/// <param name="ByLabel">For each label either coder used there: exact matches, overlap matches, and both coders' spans of it.</param>
public sealed record PairMatches(string A, string B, IReadOnlyDictionary<string, LabelMatches> ByLabel);

/// <summary>One label's matches between two coders: exact, by overlap, and the spans counted (both coders').</summary>
public readonly record struct LabelMatches(long Exact, long Overlap, long Spans);
