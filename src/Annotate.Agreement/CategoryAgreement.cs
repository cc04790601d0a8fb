namespace Annotate.Agreement;

/// <summary>Agreement on one category.</summary>
/// <param name="Category">The category, as in <see cref="RatingTable.Categories"/>.</param>
/// <param name="PairableValues">n_c: how many pairable values fall in the category.</param>
/// <param name="SpecificAgreement">
/// Positive specific agreement o_cc / n_c: given one coder chose the category for a unit, the chance another
/// coder of that unit did too (with two coders, 2a / (2a + b + c)). Undefined when the category has no pairable value.
/// </param>
/// <param name="Alpha">Nominal alpha after recoding every value to "this category" or "another category".</param>
public sealed record CategoryAgreement(string Category, double PairableValues, Coefficient SpecificAgreement, Coefficient Alpha);

public static partial class CodingAgreement
{
    /// <summary>Per-category specific agreement and binarised alpha, both read off the coincidence matrix.</summary>
    public static IReadOnlyList<CategoryAgreement> PerCategory(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var o = CoincidenceMatrix.From(table);
        var n = o.Total;
        var result = new List<CategoryAgreement>(o.Categories.Count);
        for (var c = 0; c < o.Categories.Count; c++)
        {
            var nc = o.Marginals[c];
            var specific = nc == 0 ? Coefficient.NotDefined("the category has no pairable value") : Coefficient.Of(o[c, c] / nc);
            result.Add(new CategoryAgreement(o.Categories[c], nc, specific, BinaryAlpha(o, c)));
        }

        return result;
    }

    // With values recoded to c / not c, the 2 × 2 coincidence matrix has off-diagonal n_c − o_cc, so
    // α = 1 − (n − 1) (n_c − o_cc) / (n_c (n − n_c)).
    private static Coefficient BinaryAlpha(CoincidenceMatrix o, int c)
    {
        var (n, nc) = (o.Total, o.Marginals[c]);
        if (n < 2)
            return Coefficient.NotDefined("fewer than two pairable values");
        if (o.PairableUnits < 2)
            return Coefficient.NotDefined("only one unit has two or more values");
        if (nc == 0 || nc == n)
            return Coefficient.NotDefined("no variation: the category is never or always chosen");
        return Coefficient.Of(1 - ((n - 1) * (nc - o[c, c]) / (nc * (n - nc))));
    }
}
