namespace Annotate.Agreement.Spans;

/// <summary>One-to-one matching of two coders' spans on one document.</summary>
internal static class SpanMatcher
{
    public static List<(LabelledSpan First, LabelledSpan Second)> Match(List<LabelledSpan> first, List<LabelledSpan> second, SpanMatching matching) =>
        matching == SpanMatching.Exact ? MatchExactly(first, second) : MatchByOverlap(first, second, sameLabel: true);

    /// <summary>Equal spans pair off as multisets: two identical spans of one coder match two of the other.</summary>
    private static List<(LabelledSpan, LabelledSpan)> MatchExactly(List<LabelledSpan> first, List<LabelledSpan> second)
    {
        var waiting = second.GroupBy(s => (s.Start, s.End, s.Label)).ToDictionary(g => g.Key, g => new Queue<LabelledSpan>(g));
        var matches = new List<(LabelledSpan, LabelledSpan)>();
        foreach (var span in first.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Label, StringComparer.Ordinal))
        {
            if (waiting.TryGetValue((span.Start, span.End, span.Label), out var queue) && queue.TryDequeue(out var other))
            {
                matches.Add((span, other));
            }
        }

        return matches;
    }

    /// <summary>
    /// Greedy one-to-one matching by largest shared stretch (ties: earlier start, then shorter distance between the
    /// spans' ends), the usual choice of span-level evaluation tools; deterministic for a given input.
    /// </summary>
    public static List<(LabelledSpan First, LabelledSpan Second)> MatchByOverlap(List<LabelledSpan> first, List<LabelledSpan> second, bool sameLabel)
    {
        var candidates = new List<(int Overlap, int Start, int EndGap, int A, int B)>();
        for (var a = 0; a < first.Count; a++)
        {
            for (var b = 0; b < second.Count; b++)
            {
                var overlap = first[a].OverlapWith(second[b]);
                if (overlap > 0 && (!sameLabel || first[a].Label == second[b].Label))
                {
                    candidates.Add((overlap, Math.Min(first[a].Start, second[b].Start), Math.Abs(first[a].End - second[b].End), a, b));
                }
            }
        }

        var usedA = new bool[first.Count];
        var usedB = new bool[second.Count];
        var matches = new List<(LabelledSpan, LabelledSpan)>();
        foreach (var c in candidates.OrderByDescending(c => c.Overlap).ThenBy(c => c.Start).ThenBy(c => c.EndGap).ThenBy(c => c.A).ThenBy(c => c.B))
        {
            if (!usedA[c.A] && !usedB[c.B])
            {
                (usedA[c.A], usedB[c.B]) = (true, true);
                matches.Add((first[c.A], second[c.B]));
            }
        }

        return matches;
    }
}
