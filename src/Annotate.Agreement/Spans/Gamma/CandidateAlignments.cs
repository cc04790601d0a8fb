namespace Annotate.Agreement.Spans.Gamma;

/// <summary>A unitary alignment worth considering: its units (indices, ascending) and its disorder.</summary>
internal sealed record Candidate(int[] Members, double Disorder);

/// <summary>
/// The unitary alignments that can be part of a best alignment. A unitary alignment holds one unit or ∅ per annotator;
/// its disorder is the sum of the dissimilarities over all pairs of annotators (Δ∅ where either side is ∅) divided by
/// the number of pairs, as in pygamma-agreement. A unit alone costs Δ∅, so a unitary alignment of k units is only
/// worth it when its disorder is at most k·Δ∅ (paper, section 5.1.1; pygamma keeps a looser n·Δ∅): any other is beaten
/// by splitting it into k lone units, and dropping it cannot change the minimum. Ties are kept so that the search can
/// prefer fewer unitary alignments, as pygamma's solver did on its examples. Since every dissimilarity is 0 or more,
/// each pair in a kept alignment costs at most n·C(n,2)·Δ∅, which bounds the neighbour search.
/// </summary>
internal sealed class CandidateAlignments
{
    private CandidateAlignments(GammaUnit[] units, List<Candidate>[] byAnchor)
    {
        Units = units;
        ByAnchor = byAnchor;
    }

    /// <summary>All units, sorted by start, end, annotator and label.</summary>
    public GammaUnit[] Units { get; }

    /// <summary>For each unit, the candidates whose first (lowest-index) unit it is.</summary>
    public List<Candidate>[] ByAnchor { get; }

    public static CandidateAlignments Build(GammaContinuum continuum, GammaDissimilarity dissimilarity, GammaLimits limits)
    {
        var units = continuum.ByAnnotator.SelectMany(u => u)
            .OrderBy(u => u.Start).ThenBy(u => u.End).ThenBy(u => u.Annotator).ThenBy(u => u.Category).ToArray();
        var n = continuum.Annotators;
        var pairs = n * (n - 1) / 2;
        var pairLimit = n * pairs * dissimilarity.DeltaEmpty;
        var forward = Neighbours(units, dissimilarity, pairLimit, limits);

        var byAnchor = new List<Candidate>[units.Length];
        long kept = 0;
        long examined = 0;
        var examinedLimit = limits.MaxCandidates * 16; // the pair limit prunes loosely: most of what it lets through is kept
        var chosen = new List<int>(n);
        for (var anchor = 0; anchor < units.Length; anchor++)
        {
            var found = byAnchor[anchor] = [];
            var groups = new List<(int Unit, double Distance)>[n];
            foreach (var (other, distance) in forward[anchor])
            {
                (groups[units[other].Annotator] ??= []).Add((other, distance));
            }

            chosen.Clear();
            chosen.Add(anchor);
            Extend(0, 0);

            void Extend(int annotator, double sum)
            {
                if (annotator == n)
                {
                    if (++examined > examinedLimit)
                    {
                        throw new GammaSearchTooLargeException($"more than {examinedLimit:N0} unitary alignments examined (units too dense or too many annotators for an exact alignment)");
                    }

                    var k = chosen.Count;
                    var disorder = (sum + ((pairs - (k * (k - 1) / 2)) * dissimilarity.DeltaEmpty)) / pairs;
                    if (k >= 2 && disorder <= k * dissimilarity.DeltaEmpty)
                    {
                        // Counted as they are found: one anchor alone can have 2^(n−1) of them (n annotators on the same words).
                        if (++kept > limits.MaxCandidates)
                        {
                            throw new GammaSearchTooLargeException($"more than {limits.MaxCandidates:N0} candidate unitary alignments (units too dense or too many annotators for an exact alignment)");
                        }

                        found.Add(new Candidate([.. chosen.Order()], disorder));
                    }

                    return;
                }

                Extend(annotator + 1, sum);
                if (groups[annotator] is not { } group)
                {
                    return;
                }

                foreach (var (unit, distance) in group)
                {
                    var added = distance;
                    var compatible = true;
                    for (var i = 1; i < chosen.Count && compatible; i++)
                    {
                        var (low, high) = chosen[i] < unit ? (chosen[i], unit) : (unit, chosen[i]);
                        compatible = forward[low].TryGetValue(high, out var d);
                        added += d;
                    }

                    if (compatible && sum + added <= pairLimit)
                    {
                        chosen.Add(unit);
                        Extend(annotator + 1, sum + added);
                        chosen.RemoveAt(chosen.Count - 1);
                    }
                }
            }
        }

        return new CandidateAlignments(units, byAnchor);
    }

    /// <summary>
    /// For each unit, the later units of other annotators cheaper than the pair limit. Sorted by start, a later unit's
    /// positional part is at least ((its start − this start) / (this length + the longest length))² · alpha · Δ∅, so
    /// the scan stops once that alone is past the limit.
    /// </summary>
    private static Dictionary<int, double>[] Neighbours(GammaUnit[] units, GammaDissimilarity dissimilarity, double pairLimit, GammaLimits limits)
    {
        var longest = units.Length == 0 ? 0 : units.Max(u => u.Length);
        var reach = dissimilarity.Alpha > 0 ? Math.Sqrt(pairLimit / (dissimilarity.Alpha * dissimilarity.DeltaEmpty)) : double.PositiveInfinity;
        var forward = new Dictionary<int, double>[units.Length];
        long computed = 0;
        for (var i = 0; i < units.Length; i++)
        {
            forward[i] = [];
            var horizon = units[i].Start + (reach * (units[i].Length + longest));
            for (var j = i + 1; j < units.Length && units[j].Start <= horizon; j++)
            {
                if (units[j].Annotator == units[i].Annotator)
                {
                    continue;
                }

                if (++computed > limits.MaxPairs)
                {
                    throw new GammaSearchTooLargeException($"more than {limits.MaxPairs:N0} unit pairs to compare (units too dense for an exact alignment)");
                }

                var d = dissimilarity.Between(units[i], units[j]);
                if (d <= pairLimit)
                {
                    forward[i][j] = d;
                }
            }
        }

        return forward;
    }
}
