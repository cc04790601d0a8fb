namespace Annotate.Agreement;

public static partial class CodingAgreement
{
    /// <summary>
    /// Cohen's kappa for exactly two coders over the units both rated: 1 − Σ w_ij o_ij / Σ w_ij e_ij, with
    /// e_ij from the two coders' own marginals. Weights use the rank of each category among the categories
    /// observed in those units (as R's irr::kappa2 and scikit-learn): linear |i − j|, quadratic (i − j)²;
    /// unweighted gives the classic (p_o − p_e) / (1 − p_e).
    /// Undefined unless there are two coders and two or more units rated by both, or when chance disagreement is 0.
    /// </summary>
    public static Coefficient CohenKappa(RatingTable table, KappaWeighting weighting = KappaWeighting.Unweighted)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (ContingencyTable(table, out var reason) is not { } cross)
            return Coefficient.NotDefined(reason!);

        var k = cross.Categories;
        var rank = ObservedRanks(cross);
        var weights = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var distance = Math.Abs(rank[i] - rank[j]);
                weights[(i * k) + j] = weighting switch
                {
                    KappaWeighting.Linear => distance,
                    KappaWeighting.Quadratic => (double)distance * distance,
                    _ => i == j ? 0 : 1,
                };
            }
        }

        return WeightedKappa(cross, weights);
    }

    /// <summary>
    /// Weighted Cohen's kappa (Cohen 1968) with the user's own distances as disagreement weights:
    /// κ_w = 1 − Σ d_ij o_ij / Σ d_ij e_ij (Artstein &amp; Poesio 2008, §2.6). Undefined as <see cref="CohenKappa(RatingTable, KappaWeighting)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A pair of the table's categories has no distance; the message names it.</exception>
    public static Coefficient CohenKappa(RatingTable table, CategoryDistances distances)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(distances);
        var weights = distances.Matrix(table.Categories);
        return ContingencyTable(table, out var reason) is { } cross ? WeightedKappa(cross, weights) : Coefficient.NotDefined(reason!);
    }

    // 1 − Σ w_ij o_ij / Σ w_ij e_ij for disagreement weights w, e_ij from the two coders' own marginals.
    private static Coefficient WeightedKappa(Contingency cross, double[] weights)
    {
        var (k, n) = (cross.Categories, cross.Units);
        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = weights[(i * k) + j];
                observed += w * cross.Cells[(i * k) + j];
                expected += w * cross.First[i] * cross.Second[j] / n;
            }
        }

        return expected == 0
            ? Coefficient.NotDefined("no chance disagreement: both coders used one and the same category")
            : Coefficient.Of(1 - (observed / expected));
    }

    /// <summary>
    /// Scott's pi for exactly two coders over the units both rated: (p_o − p_e) / (1 − p_e), with p_e = Σ_c p_c²
    /// from the pooled marginals of both coders. Undefined as <see cref="CohenKappa"/>.
    /// </summary>
    public static Coefficient ScottPi(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (ContingencyTable(table, out var reason) is not { } cross)
            return Coefficient.NotDefined(reason!);

        double agree = 0, chance = 0;
        for (var c = 0; c < cross.Categories; c++)
        {
            agree += cross.Cells[(c * cross.Categories) + c];
            var pooled = (cross.First[c] + cross.Second[c]) / (2.0 * cross.Units);
            chance += pooled * pooled;
        }

        return chance >= 1
            ? Coefficient.NotDefined("no chance disagreement: both coders used one and the same category")
            : Coefficient.Of(((agree / cross.Units) - chance) / (1 - chance));
    }

    private sealed record Contingency(int Categories, long Units, long[] Cells, long[] First, long[] Second);

    // Cross-tabulates the two coders over the units both rated (first coder in rows).
    private static Contingency? ContingencyTable(RatingTable table, out string? undefined)
    {
        undefined = null;
        if (table.CoderCount != 2)
        {
            undefined = $"needs exactly two coders, not {table.CoderCount}";
            return null;
        }

        var k = table.Categories.Count;
        var cross = new Contingency(k, 0, new long[k * k], new long[k], new long[k]);
        long units = 0;
        for (var u = 0; u < table.UnitCount; u++)
        {
            var coders = table.CoderSpan(u);
            if (coders.Length != 2)
                continue;
            var values = table.CategorySpan(u);
            var (a, b) = coders[0] == 0 ? (values[0], values[1]) : (values[1], values[0]);
            cross.Cells[(a * k) + b]++;
            cross.First[a]++;
            cross.Second[b]++;
            units++;
        }

        if (units < 2)
        {
            undefined = "fewer than two units rated by both coders";
            return null;
        }

        return cross with { Units = units };
    }

    // The rank of each category among those either coder used; unused categories keep a rank that is never weighted.
    private static int[] ObservedRanks(Contingency cross)
    {
        var rank = new int[cross.Categories];
        var next = 0;
        for (var c = 0; c < cross.Categories; c++)
        {
            rank[c] = next;
            if (cross.First[c] + cross.Second[c] > 0)
                next++;
        }

        return rank;
    }
}
