namespace Annotate.Agreement;

/// <summary>Krippendorff's alpha with the quantities it is made of.</summary>
/// <param name="Alpha">α = 1 − D_o / D_e, or undefined (NaN) with the reason.</param>
/// <param name="ObservedDisagreement">D_o = Σ o_ck δ²_ck / n; NaN when fewer than two values are pairable.</param>
/// <param name="ExpectedDisagreement">D_e = Σ n_c n_k δ²_ck / (n (n − 1)); NaN when fewer than two values are pairable.</param>
/// <param name="Coincidences">The coincidence matrix the figures come from.</param>
public sealed record AlphaResult(
    Coefficient Alpha, double ObservedDisagreement, double ExpectedDisagreement, CoincidenceMatrix Coincidences);

public static partial class CodingAgreement
{
    /// <summary>
    /// Krippendorff's alpha for any number of coders and missing values, at the given level of measurement
    /// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). Ordinal uses the cumulative
    /// marginal frequencies of the ranks; interval and ratio need a numeric table.
    /// Undefined when fewer than two values or units are pairable, or when all pairable values are alike.
    /// </summary>
    /// <exception cref="ArgumentException">Interval or ratio level on string categories, or ratio level with negative values.</exception>
    public static AlphaResult KrippendorffAlpha(RatingTable table, MeasurementLevel level = MeasurementLevel.Nominal)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (level is MeasurementLevel.Interval or MeasurementLevel.Ratio && table.NumericCategories is null)
            throw new ArgumentException($"The {level} level needs numeric values (RatingTable.FromNumeric).", nameof(level));
        if (level is MeasurementLevel.Ratio && table.NumericCategories!.Any(v => v < 0))
            throw new ArgumentException("The ratio level needs values of zero or more.", nameof(level));

        var o = CoincidenceMatrix.From(table);
        return o.Total < 2 ? FromCoincidences(o, []) : FromCoincidences(o, SquaredDifferences(table, o, level));
    }

    /// <summary>
    /// Krippendorff's alpha with the user's own distances between categories (<see cref="CategoryDistances"/>): each
    /// distance is used as δ²_ck as given, not squared again, so interval alpha is the distances (c − k)².
    /// Undefined as at any level.
    /// </summary>
    /// <exception cref="ArgumentException">A pair of the table's categories has no distance; the message names it.</exception>
    public static AlphaResult KrippendorffAlpha(RatingTable table, CategoryDistances distances)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(distances);
        var delta = distances.Matrix(table.Categories);
        return FromCoincidences(CoincidenceMatrix.From(table), delta);
    }

    /// <summary>
    /// Nominal alpha from a coincidence matrix (δ² = 1 between different categories), e.g. from
    /// <see cref="CoincidenceMatrix.Sum"/> of matrices cached per document.
    /// </summary>
    public static AlphaResult KrippendorffAlpha(CoincidenceMatrix o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var k = o.Categories.Count;
        var delta = new double[k * k];
        for (var c = 0; c < k; c++)
            for (var d = 0; d < k; d++)
                delta[(c * k) + d] = c == d ? 0 : 1;
        return FromCoincidences(o, delta);
    }

    private static AlphaResult FromCoincidences(CoincidenceMatrix o, double[] delta)
    {
        var n = o.Total;
        if (n < 2)
            return new AlphaResult(Coefficient.NotDefined("fewer than two pairable values"), double.NaN, double.NaN, o);

        var k = o.Categories.Count;
        double observed = 0, expected = 0;
        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                observed += o[c, d] * delta[(c * k) + d];
                expected += o.Marginals[c] * o.Marginals[d] * delta[(c * k) + d];
            }
        }

        var dObserved = observed / n;
        var dExpected = expected / (n * (n - 1));
        var alpha = o.PairableUnits < 2 ? Coefficient.NotDefined("only one unit has two or more values")
            : dExpected == 0 ? Coefficient.NotDefined("no variation: all pairable values are alike")
            : Coefficient.Of(1 - (dObserved / dExpected));
        return new AlphaResult(alpha, dObserved, dExpected, o);
    }

    // δ²_ck for every pair of categories, flat row-major.
    private static double[] SquaredDifferences(RatingTable table, CoincidenceMatrix o, MeasurementLevel level)
    {
        var k = o.Categories.Count;
        var delta = new double[k * k];
        var cumulative = new double[k + 1];
        for (var c = 0; c < k; c++)
            cumulative[c + 1] = cumulative[c] + o.Marginals[c];
        var values = table.NumericCategories;
        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                delta[(c * k) + d] = level switch
                {
                    MeasurementLevel.Nominal => c == d ? 0 : 1,
                    MeasurementLevel.Ordinal => Square(
                        cumulative[Math.Max(c, d) + 1] - cumulative[Math.Min(c, d)] - ((o.Marginals[c] + o.Marginals[d]) / 2)),
                    MeasurementLevel.Interval => Square(values![c] - values[d]),
                    MeasurementLevel.Ratio => c == d ? 0 : Square((values![c] - values[d]) / (values[c] + values[d])),
                    _ => throw new ArgumentOutOfRangeException(nameof(level)),
                };
            }
        }

        return delta;
    }

    private static double Square(double x) => x * x;
}
