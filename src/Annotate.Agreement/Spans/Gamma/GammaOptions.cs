namespace Annotate.Agreement.Spans.Gamma;

/// <summary>How gamma measures disorder and estimates chance; the defaults are pygamma-agreement's.</summary>
/// <param name="Alpha">Weight of the positional dissimilarity (0 or more; pygamma's default 1).</param>
/// <param name="Beta">Weight of the categorical dissimilarity (0 or more; pygamma's default 1).</param>
/// <param name="Samples">Random continua drawn to estimate the expected disorder (pygamma's default 30).</param>
/// <param name="Seed">Seed of the random generator, so that a result can be reproduced.</param>
/// <param name="DeltaEmpty">Δ∅: the cost of a unit aligned with the empty unit, more than 0 (default 1).</param>
/// <param name="CategoryDistance">
/// Distance between two labels in [0, 1], symmetric, 0 for a label and itself; <see langword="null"/> for 0 when the
/// labels are the same and 1 otherwise.
/// </param>
/// <param name="Sampler">How the random continua are drawn (pygamma's default: <see cref="GammaSampler.Statistical"/>).</param>
public sealed record GammaOptions(
    double Alpha = 1,
    double Beta = 1,
    int Samples = 30,
    int Seed = 0,
    double DeltaEmpty = 1,
    Func<string, string, double>? CategoryDistance = null,
    GammaSampler Sampler = GammaSampler.Statistical)
{
    /// <summary>The most samples allowed: each one is a full best-alignment search.</summary>
    public const int MaxSamples = 10_000;
}

/// <summary>How gamma draws the random continua of its expected disorder.</summary>
public enum GammaSampler
{
    /// <summary>
    /// pygamma-agreement's default (StatisticalContinuumSampler): each annotator's units are drawn from normal
    /// distributions fitted to the observed number of units per annotator, gaps between units and unit lengths, and
    /// labels by their observed frequency.
    /// </summary>
    Statistical,

    /// <summary>
    /// The sampler of the paper (section 5.2) and the Java Gamma software (pygamma's ShuffleContinuumSampler with
    /// integer pivots): each random annotator copies a randomly chosen annotator's units, shifted by a random pivot
    /// and wrapped around the continuum, pivots kept at least half a mean unit length apart.
    /// </summary>
    Shuffle,
}

/// <summary>Gamma with its observed and expected disorder.</summary>
/// <param name="Gamma">γ = 1 − observed / expected; exactly 1 when the observed disorder is 0; or undefined with a reason.</param>
/// <param name="ObservedDisorder">Disorder of the best alignment of the annotations; NaN when it could not be computed.</param>
/// <param name="ExpectedDisorder">Mean disorder of the best alignments of the random continua; NaN when not computed.</param>
/// <param name="ExpectedStandardError">Standard error of that mean (sample standard deviation / √samples): the precision reached.</param>
/// <param name="Samples">Random continua drawn.</param>
/// <param name="UnitaryAlignments">Unitary alignments in the best alignment (units aligned together, or a unit alone).</param>
/// <param name="Notes">What the user should know about the data as it was counted (duplicates, skipped documents).</param>
public sealed record GammaResult(
    Coefficient Gamma,
    double ObservedDisorder,
    double ExpectedDisorder,
    double ExpectedStandardError,
    int Samples,
    int UnitaryAlignments,
    IReadOnlyList<string> Notes);
