namespace Annotate.Agreement;

/// <summary>The level of measurement of the values, which chooses Krippendorff's difference function.</summary>
public enum MeasurementLevel
{
    /// <summary>Categories without order: any two different values differ by 1.</summary>
    Nominal,

    /// <summary>Ranked categories: differences grow with the marginal frequencies between two ranks.</summary>
    Ordinal,

    /// <summary>Numbers with meaningful differences: squared difference.</summary>
    Interval,

    /// <summary>Numbers with a meaningful zero: squared difference relative to the sum.</summary>
    Ratio,
}

/// <summary>Disagreement weights for Cohen's kappa, by rank among the categories observed.</summary>
public enum KappaWeighting
{
    /// <summary>Every disagreement counts 1.</summary>
    Unweighted,

    /// <summary>Disagreement weight |i − j| for ranks i and j.</summary>
    Linear,

    /// <summary>Disagreement weight (i − j)² for ranks i and j.</summary>
    Quadratic,
}
