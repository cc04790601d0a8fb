namespace Annotate.Agreement;

public static partial class CodingAgreement
{
    /// <summary>
    /// Fleiss' kappa, in Gwet's (2014) generalisation to incomplete data: p_a is the mean over units with
    /// r_i ≥ 2 ratings of Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1)); π_k is the mean over units with any rating of
    /// r_ik / r_i; p_e = Σ_k π_k². κ = (p_a − p_e) / (1 − p_e). Equals Fleiss (1971) on complete data.
    /// Undefined when fewer than two units have two ratings or when p_e = 1 (one category throughout).
    /// </summary>
    public static Coefficient FleissKappa(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Multirater(table, AgreementWeights(table.Categories.Count, KappaWeighting.Unweighted), out var reason) is not { } m)
            return Coefficient.NotDefined(reason!);
        var chance = m.Prevalence.Sum(p => p * p);
        return chance >= 1 - 1e-15
            ? Coefficient.NotDefined("no variation: all ratings are in one category")
            : Coefficient.Of((m.Agreement - chance) / (1 - chance));
    }

    /// <summary>
    /// Gwet's AC1 (Gwet 2008, 2014), with missing data: p_a as in <see cref="FleissKappa"/>,
    /// p_e = Σ_k π_k (1 − π_k) / (q − 1) for q categories (declared, else observed).
    /// Defined when all ratings fall in one category (p_e is then 0). Undefined with fewer than two categories
    /// or fewer than two units with two ratings.
    /// </summary>
    public static Coefficient GwetAC1(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var q = table.Categories.Count;
        if (q < 2)
            return Coefficient.NotDefined("fewer than two categories");
        if (Multirater(table, AgreementWeights(table.Categories.Count, KappaWeighting.Unweighted), out var reason) is not { } m)
            return Coefficient.NotDefined(reason!);
        var chance = m.Prevalence.Sum(p => p * (1 - p)) / (q - 1);
        return Coefficient.Of((m.Agreement - chance) / (1 - chance));
    }

    private sealed record MultiraterTotals(double Agreement, double[] Prevalence);

    // One pass over units: mean (weighted) agreement over units with ≥ 2 ratings, category prevalence over units
    // with ≥ 1. A unit's agreement is Σ_k r_k (Σ_l w_kl r_l − 1) / (r (r − 1)); with identity weights that is
    // Σ_k r_k (r_k − 1) / (r (r − 1)), the unweighted form.
    private static MultiraterTotals? Multirater(RatingTable table, double[] weights, out string? undefined)
    {
        undefined = null;
        var q = table.Categories.Count;
        var counts = new int[q];
        var present = new int[q];
        var prevalence = new double[q];
        double agreement = 0;
        long rated = 0, pairable = 0;
        for (var u = 0; u < table.UnitCount; u++)
        {
            var values = table.CategorySpan(u);
            var r = values.Length;
            if (r == 0)
                continue;
            rated++;
            var distinct = 0;
            foreach (var c in values)
            {
                if (counts[c]++ == 0)
                    present[distinct++] = c;
            }

            double unit = 0;
            for (var i = 0; i < distinct; i++)
            {
                var k = present[i];
                prevalence[k] += (double)counts[k] / r;
                double weighted = 0;
                for (var j = 0; j < distinct; j++)
                    weighted += weights[(k * q) + present[j]] * counts[present[j]];
                unit += counts[k] * (weighted - 1);
            }

            for (var i = 0; i < distinct; i++)
                counts[present[i]] = 0;
            if (r < 2)
                continue;
            pairable++;
            agreement += unit / ((double)r * (r - 1));
        }

        if (pairable < 2)
        {
            undefined = "fewer than two units have two or more ratings";
            return null;
        }

        for (var c = 0; c < q; c++)
            prevalence[c] /= rated;
        return new MultiraterTotals(agreement / pairable, prevalence);
    }
}
