namespace Annotate.Agreement.Spans;

/// <summary>
/// One-to-one matching of two coders' spans on one document. Written without LINQ and with one sort per call: a
/// project report matches every pair of annotators, per label, in every document (millions of calls at 10,000
/// documents), where grouping and ordering with LINQ allocated most of what the report allocates.
/// </summary>
internal static class SpanMatcher
{
    public static List<(LabelledSpan First, LabelledSpan Second)> Match(List<LabelledSpan> first, List<LabelledSpan> second, SpanMatching matching) =>
        matching == SpanMatching.Exact ? MatchExactly(first, second) : MatchByOverlap(first, second, sameLabel: true);

    /// <summary>
    /// Equal spans pair off as multisets: two identical spans of one coder match two of the other. The first
    /// coder's spans are taken by (start, end, label), ties in list order, and each takes the other coder's
    /// earliest equal span still free.
    /// </summary>
    private static List<(LabelledSpan, LabelledSpan)> MatchExactly(List<LabelledSpan> first, List<LabelledSpan> second)
    {
        var matches = new List<(LabelledSpan, LabelledSpan)>();
        if (first.Count == 0 || second.Count == 0)
            return matches;
        // Both sides in (start, end, label) order, ties by position: equal spans then sit side by side, in list
        // order, and a merge pairs the i-th of a run on one side with the i-th of the same run on the other.
        var a = Sorted(first);
        var b = Sorted(second);
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var order = CompareExtentAndLabel(first[a[i]], second[b[j]]);
            if (order == 0)
                matches.Add((first[a[i++]], second[b[j++]]));
            else if (order < 0)
                i++;
            else
                j++;
        }

        return matches;
    }

    /// <summary>How many spans <see cref="MatchExactly"/> pairs off, without listing them.</summary>
    public static int CountExact(List<LabelledSpan> first, List<LabelledSpan> second)
    {
        if (first.Count == 0 || second.Count == 0)
            return 0;
        if (second.Count <= 256)
        {
            // A multiset matching pairs off min(count in first, count in second) of each span, in whatever order it
            // goes: for the few spans one annotator gives one label in one document, a scan needs no sort.
            Span<bool> taken = stackalloc bool[second.Count];
            var matched = 0;
            foreach (var x in first)
            {
                for (var k = 0; k < second.Count; k++)
                {
                    if (!taken[k] && CompareExtentAndLabel(x, second[k]) == 0)
                    {
                        (taken[k], matched) = (true, matched + 1);
                        break;
                    }
                }
            }

            return matched;
        }

        var a = Sorted(first);
        var b = Sorted(second);
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            var order = CompareExtentAndLabel(first[a[i]], second[b[j]]);
            if (order == 0)
                (count, i, j) = (count + 1, i + 1, j + 1);
            else if (order < 0)
                i++;
            else
                j++;
        }

        return count;
    }

    private static int[] Sorted(List<LabelledSpan> spans)
    {
        var order = new int[spans.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (x, y) =>
        {
            var byValue = CompareExtentAndLabel(spans[x], spans[y]);
            return byValue != 0 ? byValue : x.CompareTo(y);
        });
        return order;
    }

    private static int CompareExtentAndLabel(LabelledSpan x, LabelledSpan y)
    {
        var order = x.Start.CompareTo(y.Start);
        order = order != 0 ? order : x.End.CompareTo(y.End);
        return order != 0 ? order : string.CompareOrdinal(x.Label, y.Label);
    }

    /// <summary>
    /// Greedy one-to-one matching by largest shared stretch (ties: earlier start, then shorter distance between the
    /// spans' ends), the usual choice of span-level evaluation tools; deterministic for a given input.
    /// </summary>
    public static List<(LabelledSpan First, LabelledSpan Second)> MatchByOverlap(List<LabelledSpan> first, List<LabelledSpan> second, bool sameLabel)
    {
        var matches = new List<(LabelledSpan, LabelledSpan)>();
        var candidates = Candidates(first, second, sameLabel);
        if (candidates.Length == 0)
            return matches;
        var usedA = new bool[first.Count];
        var usedB = new bool[second.Count];
        foreach (var c in candidates)
        {
            if (!usedA[c.A] && !usedB[c.B])
            {
                (usedA[c.A], usedB[c.B]) = (true, true);
                matches.Add((first[c.A], second[c.B]));
            }
        }

        return matches;
    }

    /// <summary>How many pairs <see cref="MatchByOverlap"/> (same label) makes, without listing them.</summary>
    public static int CountByOverlap(List<LabelledSpan> first, List<LabelledSpan> second)
    {
        var most = first.Count * second.Count;
        if (most == 0)
            return 0;
        // The usual few spans a side: the candidates on the stack (a report counts millions of these).
        Span<Candidate> buffer = most <= 256 ? stackalloc Candidate[most] : default;
        var candidates = most <= 256 ? buffer[..Fill(first, second, true, buffer)] : Candidates(first, second, sameLabel: true);
        candidates.Sort(GreedyOrder);
        Span<bool> usedA = first.Count <= 256 ? stackalloc bool[first.Count] : new bool[first.Count];
        Span<bool> usedB = second.Count <= 256 ? stackalloc bool[second.Count] : new bool[second.Count];
        var count = 0;
        foreach (var c in candidates)
        {
            if (!usedA[c.A] && !usedB[c.B])
            {
                (usedA[c.A], usedB[c.B]) = (true, true);
                count++;
            }
        }

        return count;
    }

    // Every overlapping pair into a buffer of first.Count × second.Count, unsorted; returns how many there are.
    private static int Fill(List<LabelledSpan> first, List<LabelledSpan> second, bool sameLabel, Span<Candidate> buffer)
    {
        var count = 0;
        for (var a = 0; a < first.Count; a++)
        {
            var x = first[a];
            for (var b = 0; b < second.Count; b++)
            {
                var y = second[b];
                var overlap = Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start);
                if (overlap > 0 && (!sameLabel || x.Label == y.Label))
                    buffer[count++] = new Candidate(overlap, Math.Min(x.Start, y.Start), Math.Abs(x.End - y.End), a, b);
            }
        }

        return count;
    }

    // The greedy order: largest overlap, earlier start, closer ends. The index pair makes every key distinct, so any sort gives this order.
    private static readonly Comparison<Candidate> GreedyOrder = static (x, y) =>
    {
        var order = y.Overlap.CompareTo(x.Overlap);
        order = order != 0 ? order : x.Start.CompareTo(y.Start);
        order = order != 0 ? order : x.EndGap.CompareTo(y.EndGap);
        order = order != 0 ? order : x.A.CompareTo(y.A);
        return order != 0 ? order : x.B.CompareTo(y.B);
    };

    // Every overlapping pair, in the greedy order.
    private static Candidate[] Candidates(List<LabelledSpan> first, List<LabelledSpan> second, bool sameLabel)
    {
        var candidates = new List<Candidate>();
        for (var a = 0; a < first.Count; a++)
        {
            var x = first[a];
            for (var b = 0; b < second.Count; b++)
            {
                var y = second[b];
                var overlap = Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start);
                if (overlap > 0 && (!sameLabel || x.Label == y.Label))
                    candidates.Add(new Candidate(overlap, Math.Min(x.Start, y.Start), Math.Abs(x.End - y.End), a, b));
            }
        }

        var sorted = candidates.ToArray();
        Array.Sort(sorted, GreedyOrder);
        return sorted;
    }

    private readonly record struct Candidate(int Overlap, int Start, int EndGap, int A, int B);
}
