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
        var w = AgreementWeights(q, weighting);

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
