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

    /// <summary>
    /// What <see cref="Compare"/> finds, counted (Missed and Extra together) without listing the pairings: one
    /// coder's spans on one document each (equal spans are then the same in every field, so which of them a
    /// matching takes makes no difference). <see cref="SpanAgreement.Disagreements"/> counts every pair of
    /// annotators in every document.
    /// </summary>
    internal static SpanDisagreements Count(List<LabelledSpan> first, List<LabelledSpan> second)
    {
        // Compare's exact step removes, for each match, the first span equal to the matched one: the earliest of
        // equal spans, which are the ones the exact matching takes (it takes equal spans in list order).
        var exact = SpanMatcher.Match(first, second, SpanMatching.Exact);
        var restA = exact.Count == 0 ? first : Without(first, exact.Count, static p => p.First, exact);
        var restB = exact.Count == 0 ? second : Without(second, exact.Count, static p => p.Second, exact);
        long boundary = 0, label = 0, both = 0;
        var overlapping = SpanMatcher.MatchByOverlap(restA, restB, sameLabel: false);
        foreach (var (a, b) in overlapping)
        {
            if (a.Start == b.Start && a.End == b.End)
                label++;
            else if (a.Label == b.Label)
                boundary++;
            else
                both++;
        }

        return new SpanDisagreements(exact.Count, boundary, label, both, restA.Count + restB.Count - (2L * overlapping.Count));
    }

    // The spans left once the matched ones are taken out, each match taking the earliest equal span still there.
    private static List<LabelledSpan> Without(List<LabelledSpan> spans, int count, Func<(LabelledSpan First, LabelledSpan Second), LabelledSpan> side,
        List<(LabelledSpan First, LabelledSpan Second)> matches)
    {
        var taken = new bool[spans.Count];
        for (var m = 0; m < count; m++)
        {
            var matched = side(matches[m]);
            for (var i = 0; i < spans.Count; i++)
            {
                if (!taken[i] && spans[i].Equals(matched))
                {
                    taken[i] = true;
                    break;
                }
            }
        }

        var rest = new List<LabelledSpan>(spans.Count - count);
        for (var i = 0; i < spans.Count; i++)
        {
            if (!taken[i])
                rest.Add(spans[i]);
        }

        return rest;
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
