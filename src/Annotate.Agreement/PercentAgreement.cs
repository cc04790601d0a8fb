namespace Annotate.Agreement;

public static partial class CodingAgreement
{
    /// <summary>
    /// Percent agreement: in each unit with at least two values, the share of ordered pairs of coders that
    /// agree, Σ_c n_uc (n_uc − 1) / (m_u (m_u − 1)); averaged over those units with equal weight.
    /// Undefined when no unit has two or more values.
    /// </summary>
    public static Coefficient PercentAgreement(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (agreement, units) = MeanPairwiseAgreement(table);
        return units == 0 ? Coefficient.NotDefined("no unit has two or more values") : Coefficient.Of(agreement);
    }

    /// <summary>
    /// Bennett, Alpert and Goldstein's S: (p_o − 1/q) / (1 − 1/q), where p_o is <see cref="PercentAgreement"/>
    /// and q the number of categories (declared, else observed). Undefined with fewer than two categories.
    /// </summary>
    public static Coefficient BennettS(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var q = table.Categories.Count;
        if (q < 2)
            return Coefficient.NotDefined("fewer than two categories");
        var observed = PercentAgreement(table);
        return observed.IsDefined ? Coefficient.Of((observed.Value - (1.0 / q)) / (1 - (1.0 / q))) : observed;
    }

    /// <summary>
    /// Randolph's (2005) free-marginal multirater kappa: Fleiss' mean pairwise agreement against chance 1/q.
    /// It is Bennett's S generalised to any number of coders, and this library computes both the same way.
    /// </summary>
    public static Coefficient RandolphKappa(RatingTable table) => BennettS(table);

    // Mean over units with ≥ 2 values of the proportion of agreeing ordered coder pairs.
    private static (double Agreement, long Units) MeanPairwiseAgreement(RatingTable table)
    {
        var counts = new int[table.Categories.Count];
        double sum = 0;
        long units = 0;
        for (var u = 0; u < table.UnitCount; u++)
        {
            var values = table.CategorySpan(u);
            var m = values.Length;
            if (m < 2)
                continue;
            long agreeing = 0;
            foreach (var c in values)
                agreeing += counts[c]++;
            foreach (var c in values)
                counts[c] = 0;
            // Σ_c C(n_c, 2) unordered agreeing pairs over C(m, 2).
            sum += 2.0 * agreeing / ((double)m * (m - 1));
            units++;
        }

        return (units == 0 ? double.NaN : sum / units, units);
    }
}
