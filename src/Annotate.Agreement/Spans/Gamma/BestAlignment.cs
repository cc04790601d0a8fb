using System.Runtime.CompilerServices;

namespace Annotate.Agreement.Spans.Gamma;

/// <summary>The best alignment's total: the sum of its unitary alignments' disorders, and how many there are.</summary>
internal readonly record struct AlignmentTotal(double Disorder, int UnitaryAlignments)
{
    public AlignmentTotal Plus(AlignmentTotal other) => new(Disorder + other.Disorder, UnitaryAlignments + other.UnitaryAlignments);
}

/// <summary>
/// The exact minimum-disorder partition of a continuum's units into unitary alignments: the optimum pygamma-agreement
/// finds with a mixed-integer program, found here without a solver. Units that share a candidate are joined into
/// independent groups (connected components); each group is solved by dynamic programming over its units in order:
/// the state is the lowest unit not yet aligned plus the set of later units already used, and each step aligns that
/// lowest unit alone or in one of the candidates it anchors. Every partition is one path, so the minimum is exact.
/// Candidates are local (bounded by the neighbour reach), so the sets stay small on real annotations; the number of
/// states is bounded by <see cref="GammaLimits.MaxStates"/>.
/// </summary>
internal static class BestAlignment
{
    /// <summary>Totals this close are a tie, broken towards fewer unitary alignments (sums differ only in rounding).</summary>
    private const double Tie = 1e-12;

    public static AlignmentTotal Of(GammaContinuum continuum, GammaDissimilarity dissimilarity, GammaLimits limits)
    {
        var candidates = CandidateAlignments.Build(continuum, dissimilarity, limits);
        var total = new AlignmentTotal(0, 0);
        var states = new StrongBox<long>(0); // shared by the groups: the limit is per search
        foreach (var group in Groups(candidates))
        {
            total = total.Plus(group.Length == 1
                ? new AlignmentTotal(dissimilarity.DeltaEmpty, 1)
                : Solve(group, candidates, dissimilarity.DeltaEmpty, limits, states));
        }

        return total;
    }

    /// <summary>Units joined by candidates (union-find), each group in ascending unit order.</summary>
    private static IEnumerable<int[]> Groups(CandidateAlignments candidates)
    {
        var parent = Enumerable.Range(0, candidates.Units.Length).ToArray();
        int Root(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var list in candidates.ByAnchor)
        {
            foreach (var candidate in list)
            {
                foreach (var member in candidate.Members)
                {
                    parent[Root(member)] = Root(candidate.Members[0]);
                }
            }
        }

        return Enumerable.Range(0, parent.Length).GroupBy(Root).Select(g => g.ToArray());
    }

    private static AlignmentTotal Solve(int[] group, CandidateAlignments candidates, double deltaEmpty, GammaLimits limits, StrongBox<long> states)
    {
        var local = new Dictionary<int, int>(group.Length);
        for (var i = 0; i < group.Length; i++)
        {
            local[group[i]] = i;
        }

        var pending = new SortedDictionary<int, Dictionary<UsedUnits, AlignmentTotal>> { [0] = new() { [UsedUnits.None] = default } };
        while (pending.Count > 0)
        {
            var (lowest, frontier) = pending.First();
            pending.Remove(lowest);
            if (lowest == group.Length)
            {
                return frontier[UsedUnits.None];
            }

            foreach (var (used, total) in frontier)
            {
                Step(lowest, used, [], new AlignmentTotal(total.Disorder + deltaEmpty, total.UnitaryAlignments + 1));
                foreach (var candidate in candidates.ByAnchor[group[lowest]])
                {
                    var others = new int[candidate.Members.Length - 1];
                    var free = true;
                    for (var m = 1; m < candidate.Members.Length && free; m++)
                    {
                        others[m - 1] = local[candidate.Members[m]];
                        free = !used.Contains(others[m - 1]);
                    }

                    if (free)
                    {
                        Step(lowest, used, others, new AlignmentTotal(total.Disorder + candidate.Disorder, total.UnitaryAlignments + 1));
                    }
                }
            }
        }

        throw new InvalidOperationException("The alignment search ended without aligning every unit.");

        void Step(int lowest, UsedUnits used, int[] others, AlignmentTotal total)
        {
            var (next, after) = used.With(others).After(lowest);
            if (!pending.TryGetValue(next, out var frontier))
            {
                pending[next] = frontier = [];
            }

            if (!frontier.TryGetValue(after, out var best))
            {
                if (++states.Value > limits.MaxStates)
                {
                    throw new GammaSearchTooLargeException($"more than {limits.MaxStates:N0} states in the exact alignment search (too many overlapping units)");
                }

                frontier[after] = total;
            }
            else if (total.Disorder < best.Disorder - Tie || (total.Disorder <= best.Disorder + Tie && total.UnitaryAlignments < best.UnitaryAlignments))
            {
                frontier[after] = total;
            }
        }
    }
}

/// <summary>The units (local indices, ascending) already aligned beyond the lowest free unit.</summary>
internal readonly struct UsedUnits : IEquatable<UsedUnits>
{
    private readonly int[] units;
    private readonly int hash;

    private UsedUnits(int[] units)
    {
        this.units = units;
        var h = new HashCode();
        foreach (var u in units)
        {
            h.Add(u);
        }

        hash = h.ToHashCode();
    }

    public static UsedUnits None { get; } = new([]);

    public bool Contains(int unit) => Array.BinarySearch(units, unit) >= 0;

    public UsedUnits With(int[] more) => more.Length == 0 ? this : new([.. units.Concat(more).Order()]);

    /// <summary>The lowest free unit after <paramref name="lowest"/> is aligned, and the used units beyond it.</summary>
    public (int Next, UsedUnits After) After(int lowest)
    {
        var next = lowest + 1;
        var i = 0;
        while (i < units.Length && units[i] == next)
        {
            next++;
            i++;
        }

        return (next, i == 0 ? this : new UsedUnits(units[i..]));
    }

    public bool Equals(UsedUnits other) => units.AsSpan().SequenceEqual(other.units);

    public override bool Equals(object? obj) => obj is UsedUnits other && Equals(other);

    public override int GetHashCode() => hash;
}
