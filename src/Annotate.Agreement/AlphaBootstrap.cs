namespace Annotate.Agreement;

/// <summary>A bootstrap confidence interval for Krippendorff's alpha.</summary>
/// <param name="Low">The lower bound: the bootstrap alpha at the (1 − confidence) / 2 percentile.</param>
/// <param name="High">The upper bound: the bootstrap alpha at the (1 + confidence) / 2 percentile.</param>
/// <param name="Confidence">The confidence level asked for, e.g. 0.95.</param>
/// <param name="Samples">The number of bootstrap samples drawn.</param>
/// <param name="ProbabilityBelow">q: the share of bootstrap alphas below the minimum asked for (0.8 unless given).</param>
public sealed record AlphaInterval(double Low, double High, double Confidence, int Samples, double ProbabilityBelow);

public static partial class CodingAgreement
{
    /// <summary>
    /// A bootstrap interval for <see cref="KrippendorffAlpha"/> by the algorithm of Hayes and Krippendorff's KALPHA macro
    /// (Hayes &amp; Krippendorff 2007, Communication Methods and Measures 1(1); Krippendorff, "Algorithm for bootstrapping
    /// a distribution of α", 2006/2011). Each sample draws, with replacement, as many pairs of values as the data hold
    /// (Σ_u m_u (m_u − 1) / 2) from the coincidence matrix, cell (c, k) with probability o_ck / n (pairs within units,
    /// weighted 1/(m_u − 1)); α* = 1 − D_o* / D_e keeps the observed D_e; α* below −1 counts as −1, and a sample whose
    /// pairs all hold one and the same value has no variation and counts as 0. Deterministic for a seed.
    /// </summary>
    /// <param name="table">The coding data.</param>
    /// <param name="level">The level of measurement, as for <see cref="KrippendorffAlpha"/>.</param>
    /// <param name="samples">Bootstrap samples, 100 to 1,000,000 (KALPHA uses at least 1,000).</param>
    /// <param name="seed">Seed for <see cref="Random"/>; the same seed and data give the same interval.</param>
    /// <param name="confidence">Confidence level, strictly between 0 and 1.</param>
    /// <param name="minimum">The smallest acceptable alpha for <see cref="AlphaInterval.ProbabilityBelow"/>, −1 to 1.</param>
    /// <returns>The interval, or <see langword="null"/> when alpha itself is undefined for the data.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Samples, confidence or minimum out of range.</exception>
    /// <exception cref="ArgumentException">As <see cref="KrippendorffAlpha"/> for the level.</exception>
    public static AlphaInterval? KrippendorffAlphaBootstrap(
        RatingTable table, MeasurementLevel level, int samples, int seed = 0, double confidence = 0.95, double minimum = 0.8)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckBootstrap(samples, confidence, minimum);
        var result = KrippendorffAlpha(table, level);
        return result.Alpha.IsDefined
            ? Bootstrap(table, result, SquaredDifferences(table, result.Coincidences, level), samples, seed, confidence, minimum)
            : null;
    }

    /// <summary>The bootstrap interval of alpha with the user's own distances, as <see cref="KrippendorffAlpha(RatingTable, CategoryDistances)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Samples, confidence or minimum out of range.</exception>
    /// <exception cref="ArgumentException">A pair of the table's categories has no distance.</exception>
    public static AlphaInterval? KrippendorffAlphaBootstrap(
        RatingTable table, CategoryDistances distances, int samples, int seed = 0, double confidence = 0.95, double minimum = 0.8)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(distances);
        CheckBootstrap(samples, confidence, minimum);
        var result = KrippendorffAlpha(table, distances);
        return result.Alpha.IsDefined
            ? Bootstrap(table, result, distances.Matrix(table.Categories), samples, seed, confidence, minimum)
            : null;
    }

    private static void CheckBootstrap(int samples, double confidence, double minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, 1_000_000);
        if (confidence is not (> 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie strictly between 0 and 1.");
        if (minimum is not (>= -1 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "The minimum alpha must lie between -1 and 1.");
    }

    // Draws the samples from a defined alpha and its δ² matrix.
    private static AlphaInterval Bootstrap(
        RatingTable table, AlphaResult result, double[] delta, int samples, int seed, double confidence, double minimum)
    {
        var cells = PairCells(result.Coincidences, delta);
        var pairs = PairCount(table);
        var scale = 1 / (result.ExpectedDisagreement * pairs);
        var random = new Random(seed);
        var sampler = new PairSampler(cells.Probability);
        var counts = new long[cells.Probability.Length];
        var alphas = new double[samples];
        for (var s = 0; s < samples; s++)
        {
            sampler.Draw(random, pairs, counts);
            double disagreement = 0;
            var oneValue = false;
            for (var j = 0; j < counts.Length; j++)
            {
                disagreement += counts[j] * cells.Difference[j];
                oneValue |= counts[j] == pairs && cells.Diagonal[j];
            }

            alphas[s] = oneValue ? 0 : Math.Max(-1, 1 - (disagreement * scale));
        }

        Array.Sort(alphas);
        var tail = (1 - confidence) / 2;
        var low = Math.Max(0, (int)Math.Floor((tail * samples) + 1e-9) - 1);
        var high = Math.Min(samples - 1, (int)Math.Floor(((1 - tail) * samples) + 1e-9));
        var below = alphas.Count(a => a < minimum);
        return new AlphaInterval(alphas[low], alphas[high], confidence, samples, (double)below / samples);
    }

    private sealed record PairCellSet(double[] Probability, double[] Difference, bool[] Diagonal);

    // The unordered cells c ≤ k of the coincidence matrix with any pairs: probability o_cc / n on the diagonal, 2 o_ck / n off it.
    private static PairCellSet PairCells(CoincidenceMatrix o, double[] delta)
    {
        var k = o.Categories.Count;
        List<double> probability = [], difference = [];
        List<bool> diagonal = [];
        for (var c = 0; c < k; c++)
        {
            for (var d = c; d < k; d++)
            {
                var p = (c == d ? o[c, d] : 2 * o[c, d]) / o.Total;
                if (p <= 0)
                    continue;
                probability.Add(p);
                difference.Add(delta[(c * k) + d]);
                diagonal.Add(c == d);
            }
        }

        return new PairCellSet([.. probability], [.. difference], [.. diagonal]);
    }

    // Σ_u m_u (m_u − 1) / 2: the pairs of values within units, as many as KALPHA draws per sample.
    private static long PairCount(RatingTable table)
    {
        long pairs = 0;
        for (var u = 0; u < table.UnitCount; u++)
        {
            long m = table.CategorySpan(u).Length;
            pairs += m * (m - 1) / 2;
        }

        return pairs;
    }
}
