namespace Annotate.Agreement.Relations;

/// <summary>One-to-one matching of two coders' relations of one type on one document.</summary>
internal static class RelationMatcher
{
    /// <summary>
    /// Exact: equal ends (in order, or either order when both relations are undirected) pair off as multisets, as
    /// exact span matching does.
    /// </summary>
    public static int MatchExactly(List<LabelledRelation> first, List<LabelledRelation> second, bool endLabels)
    {
        var waiting = new Dictionary<RelationKey, int>();
        foreach (var relation in second)
            waiting[RelationKey.Of(relation, endLabels)] = waiting.GetValueOrDefault(RelationKey.Of(relation, endLabels)) + 1;
        var matches = 0;
        foreach (var relation in first)
        {
            var key = RelationKey.Of(relation, endLabels);
            if (waiting.TryGetValue(key, out var left) && left > 0)
            {
                waiting[key] = left - 1;
                matches++;
            }
        }

        return matches;
    }

    /// <summary>
    /// Overlap: a pair of relations is a candidate when the sources overlap and the targets overlap (or, both being
    /// undirected, each end overlaps the other's opposite end); candidates are taken greedily by the most positions
    /// the two ends share, as span F1's overlap matching takes spans. Ties go by the relations' positions, never by
    /// their order in the lists, so the count does not depend on which coder comes first.
    /// </summary>
    public static int MatchByOverlap(List<LabelledRelation> first, List<LabelledRelation> second, bool endLabels)
    {
        var candidates = new List<(int Shared, RelationKey Low, RelationKey High, int A, int B)>();
        for (var a = 0; a < first.Count; a++)
        {
            for (var b = 0; b < second.Count; b++)
            {
                var shared = Shared(first[a], second[b], endLabels);
                if (shared > 0)
                {
                    var (x, y) = (RelationKey.Of(first[a], endLabels: true), RelationKey.Of(second[b], endLabels: true));
                    var low = x.CompareTo(y) <= 0;
                    candidates.Add((shared, low ? x : y, low ? y : x, a, b));
                }
            }
        }

        candidates.Sort((c, d) =>
        {
            var order = d.Shared.CompareTo(c.Shared);
            order = order != 0 ? order : c.Low.CompareTo(d.Low);
            order = order != 0 ? order : c.High.CompareTo(d.High);
            return order != 0 ? order : (c.A, c.B).CompareTo((d.A, d.B)); // identical relations: any of them, the count is the same
        });
        var usedA = new bool[first.Count];
        var usedB = new bool[second.Count];
        var matches = 0;
        foreach (var c in candidates)
        {
            if (!usedA[c.A] && !usedB[c.B])
            {
                (usedA[c.A], usedB[c.B]) = (true, true);
                matches++;
            }
        }

        return matches;
    }

    // Positions shared by the ends, in the better orientation the two relations allow; 0 when an end has no counterpart.
    private static int Shared(LabelledRelation a, LabelledRelation b, bool endLabels)
    {
        var straight = Overlap(a.Source, b.Source, endLabels) is > 0 and var s && Overlap(a.Target, b.Target, endLabels) is > 0 and var t ? s + t : 0;
        if (a.Directed || b.Directed)
            return straight;
        var crossed = Overlap(a.Source, b.Target, endLabels) is > 0 and var s2 && Overlap(a.Target, b.Source, endLabels) is > 0 and var t2 ? s2 + t2 : 0;
        return Math.Max(straight, crossed);
    }

    private static int Overlap(RelationEnd a, RelationEnd b, bool endLabels) => endLabels && a.Label != b.Label ? 0 : a.OverlapWith(b);
}

/// <summary>
/// A relation's ends as a comparable key: an undirected relation's ends in a fixed order (the smaller first), so that
/// either order gives the same key; with <c>endLabels</c> false the labels are left out.
/// </summary>
internal readonly record struct RelationKey(int FirstStart, int FirstEnd, string FirstLabel, int SecondStart, int SecondEnd, string SecondLabel) : IComparable<RelationKey>
{
    public static RelationKey Of(LabelledRelation relation, bool endLabels)
    {
        var (source, target) = (relation.Source, relation.Target);
        var (sl, tl) = endLabels ? (source.Label, target.Label) : ("", "");
        if (!relation.Directed && Compare(target.Start, target.End, tl, source.Start, source.End, sl) < 0)
            return new RelationKey(target.Start, target.End, tl, source.Start, source.End, sl);
        return new RelationKey(source.Start, source.End, sl, target.Start, target.End, tl);
    }

    public int CompareTo(RelationKey other)
    {
        var order = Compare(FirstStart, FirstEnd, FirstLabel, other.FirstStart, other.FirstEnd, other.FirstLabel);
        return order != 0 ? order : Compare(SecondStart, SecondEnd, SecondLabel, other.SecondStart, other.SecondEnd, other.SecondLabel);
    }

    private static int Compare(int start, int end, string label, int otherStart, int otherEnd, string otherLabel)
    {
        var order = start.CompareTo(otherStart);
        order = order != 0 ? order : end.CompareTo(otherEnd);
        return order != 0 ? order : string.CompareOrdinal(label, otherLabel);
    }
}
