namespace Annotate.Agreement.Spans;

/// <summary>How one span of a reference and one of another coder relate (or that a span has no counterpart).</summary>
public enum SpanDifferenceKind
{
    /// <summary>Same extent and label.</summary>
    Matched,

    /// <summary>Same label, overlapping, different extent.</summary>
    Boundary,

    /// <summary>Same extent, different label.</summary>
    Label,

    /// <summary>Overlapping, different extent and label.</summary>
    BoundaryAndLabel,

    /// <summary>A reference span the other coder has nothing overlapping for.</summary>
    Missed,

    /// <summary>A span of the other coder the reference has nothing overlapping for.</summary>
    Extra,
}

/// <summary>One pairing of the comparison: <paramref name="Reference"/> is null for Extra, <paramref name="Other"/> for Missed.</summary>
public sealed record SpanDifference(SpanDifferenceKind Kind, LabelledSpan? Reference, LabelledSpan? Other);

/// <summary>
/// Two coders' spans on one document set side by side, span by span: exact matches first, then the rest paired by
/// overlap whatever the label (<see cref="SpanAgreement.Disagreements"/> counts exactly these pairings).
/// </summary>
public static class SpanComparison
{
    public static IReadOnlyList<SpanDifference> Compare(IReadOnlyList<LabelledSpan> reference, IReadOnlyList<LabelledSpan> other)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        var first = new List<LabelledSpan>(reference);
        var second = new List<LabelledSpan>(other);
        var exact = SpanMatcher.Match(first, second, SpanMatching.Exact);
        var result = new List<SpanDifference>(first.Count + second.Count);
        // Remove matched spans one instance at a time: a coder may mark the same stretch twice.
        foreach (var (a, b) in exact)
        {
            first.Remove(a);
            second.Remove(b);
            result.Add(new SpanDifference(SpanDifferenceKind.Matched, a, b));
        }

        var overlapping = SpanMatcher.MatchByOverlap(first, second, sameLabel: false);
        foreach (var (a, b) in overlapping)
        {
            var sameExtent = a.Start == b.Start && a.End == b.End;
            var kind = (sameExtent, a.Label == b.Label) switch
            {
                (true, _) => SpanDifferenceKind.Label,
                (false, true) => SpanDifferenceKind.Boundary,
                (false, false) => SpanDifferenceKind.BoundaryAndLabel,
            };
            result.Add(new SpanDifference(kind, a, b));
        }

        var pairedA = overlapping.Select(p => p.First).ToList();
        var pairedB = overlapping.Select(p => p.Second).ToList();
        result.AddRange(Unpaired(first, pairedA).Select(a => new SpanDifference(SpanDifferenceKind.Missed, a, null)));
        result.AddRange(Unpaired(second, pairedB).Select(b => new SpanDifference(SpanDifferenceKind.Extra, null, b)));
        return result;
    }

    // The spans left once the paired ones are taken out, instance by instance (records compare by value).
    private static List<LabelledSpan> Unpaired(List<LabelledSpan> spans, List<LabelledSpan> paired)
    {
        var rest = new List<LabelledSpan>(spans);
        foreach (var span in paired)
        {
            rest.Remove(span);
        }

        return rest;
    }
}
