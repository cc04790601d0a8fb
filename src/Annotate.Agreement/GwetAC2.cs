namespace Annotate.Agreement;

public static partial class CodingAgreement
{
    /// <summary>
    /// Gwet's weighted AC2 (Gwet 2014), with missing data. Agreement weights by the rank of the category among the
    /// q categories (declared, else observed): linear 1 − |k − l| / (q − 1), quadratic 1 − (k − l)² / (q − 1)²,
    /// unweighted the identity (then AC2 is <see cref="GwetAC1"/>).
    /// p_a = mean over units with r_i ≥ 2 of Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)) with r*_ik = Σ_l w_kl r_il;
    /// p_e = T_w / (q (q − 1)) · Σ_k π_k (1 − π_k) with T_w = Σ_kl w_kl.
    /// Undefined with fewer than two categories or fewer than two units with two ratings.
    /// </summary>
    public static Coefficient GwetAC2(RatingTable table, KappaWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(table);
        var q = table.Categories.Count;
        if (q < 2)
            return Coefficient.NotDefined("fewer than two categories");
        return WeightedAC2(table, AgreementWeights(q, weighting));
    }

    /// <summary>
    /// Gwet's AC2 with the user's own distances, as agreement weights w_kl = 1 − d_kl / max d (Gwet 2014 allows any
    /// weights between 0 and 1 with w_kk = 1; his linear and quadratic weights are this form for |k − l| and (k − l)²).
    /// Undefined when every distance is 0, else as <see cref="GwetAC2(RatingTable, KappaWeighting)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A pair of the table's categories has no distance; the message names it.</exception>
    public static Coefficient GwetAC2(RatingTable table, CategoryDistances distances)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(distances);
        var d = distances.Matrix(table.Categories);
        if (table.Categories.Count < 2)
            return Coefficient.NotDefined("fewer than two categories");
        var max = d.Max();
        if (max == 0)
            return Coefficient.NotDefined("every distance is 0: no disagreement is possible");
        return WeightedAC2(table, [.. d.Select(x => 1 - (x / max))]);
    }

    private static Coefficient WeightedAC2(RatingTable table, double[] w)
    {
        var q = table.Categories.Count;
        if (Multirater(table, w, out var reason) is not { } m)
            return Coefficient.NotDefined(reason!);
        var spread = m.Prevalence.Sum(p => p * (1 - p));
        var chance = w.Sum() / (q * (q - 1.0)) * spread;
        return Coefficient.Of((m.Agreement - chance) / (1 - chance));
    }

    // Flat q × q agreement weights by category rank.
    private static double[] AgreementWeights(int q, KappaWeighting weighting)
    {
        var w = new double[q * q];
        for (var k = 0; k < q; k++)
        {
            for (var l = 0; l < q; l++)
            {
                var d = Math.Abs(k - l) / (q - 1.0);
                w[(k * q) + l] = weighting switch
                {
                    KappaWeighting.Linear => 1 - d,
                    KappaWeighting.Quadratic => 1 - (d * d),
                    _ => k == l ? 1 : 0,
                };
            }
        }

        return w;
    }
}
