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
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, 1_000_000);
        if (confidence is not (> 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie strictly between 0 and 1.");
        if (minimum is not (>= -1 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "The minimum alpha must lie between -1 and 1.");

        var result = KrippendorffAlpha(table, level);
        if (!result.Alpha.IsDefined)
            return null;

        var cells = PairCells(result.Coincidences, SquaredDifferences(table, result.Coincidences, level));
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

/// <summary>
/// Draws how many of M pairs fall in each cell. When cells are fewer than pairs, one multinomial draw by conditional
/// binomials (cost per sample ~ cells, not pairs); otherwise M single draws through an alias table (cost ~ pairs).
/// </summary>
internal sealed class PairSampler
{
    private readonly double[] probability;
    private readonly double[] aliasCut;
    private readonly int[] alias;

    public PairSampler(double[] probability)
    {
        this.probability = probability;
        (aliasCut, alias) = AliasTable(probability);
    }

    public void Draw(Random random, long pairs, long[] counts)
    {
        Array.Clear(counts);
        if (probability.Length <= pairs)
        {
            var left = pairs;
            var rest = 1.0;
            for (var j = 0; j < counts.Length - 1 && left > 0; j++)
            {
                counts[j] = Binomial(random, left, Math.Clamp(probability[j] / rest, 0, 1));
                left -= counts[j];
                rest -= probability[j];
            }

            counts[^1] += left;
            return;
        }

        for (long i = 0; i < pairs; i++)
        {
            var j = random.Next(probability.Length);
            counts[random.NextDouble() < aliasCut[j] ? j : alias[j]]++;
        }
    }

    // Vose's alias method: every column j keeps itself with probability cut[j], else stands for alias[j].
    private static (double[] Cut, int[] Alias) AliasTable(double[] p)
    {
        var n = p.Length;
        var cut = new double[n];
        var alias = new int[n];
        var scaled = p.Select(x => x * n).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var j = 0; j < n; j++)
            (scaled[j] < 1 ? small : large).Push(j);
        while (small.Count > 0 && large.Count > 0)
        {
            var (s, l) = (small.Pop(), large.Peek());
            (cut[s], alias[s]) = (scaled[s], l);
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1)
                small.Push(large.Pop());
        }

        foreach (var j in small.Concat(large))
            (cut[j], alias[j]) = (1, j);
        return (cut, alias);
    }

    /// <summary>An exact Binomial(n, p) variate: inversion when n·p &lt; 10, else Hörmann's (1993) BTRS.</summary>
    internal static long Binomial(Random random, long n, double p)
    {
        if (n <= 0 || p <= 0)
            return 0;
        if (p >= 1)
            return n;
        if (p > 0.5)
            return n - Binomial(random, n, 1 - p);
        return n * p < 10 ? Inversion(random, n, p) : Btrs(random, n, p);
    }

    // Sequential search from 0 with the pmf recurrence f(x) = f(x − 1) · ((n + 1) / x − 1) · p / q.
    private static long Inversion(Random random, long n, double p)
    {
        var odds = p / (1 - p);
        var f = Math.Pow(1 - p, n);
        var u = random.NextDouble();
        long x = 0;
        while (u > f && x < n)
        {
            u -= f;
            x++;
            f *= ((n + 1.0) / x - 1) * odds;
        }

        return x;
    }

    // Transformed rejection with squeeze (Hörmann 1993, "The generation of binomial random variates", algorithm BTRS).
    private static long Btrs(Random random, long n, double p)
    {
        var q = 1 - p;
        var spq = Math.Sqrt(n * p * q);
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var vr = 0.92 - (4.2 / b);
        var alpha = (2.83 + (5.1 / b)) * spq;
        var logOdds = Math.Log(p / q);
        var m = (long)Math.Floor((n + 1) * p);
        var logMode = LogFactorial(m) + LogFactorial(n - m);
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = (long)Math.Floor((((2 * a / us) + b) * u) + c);
            if (k < 0 || k > n)
                continue;
            if (us >= 0.07 && v <= vr)
                return k;
            // Accept when v under the hat is below f(k) / f(m), compared in logs.
            var logV = Math.Log(v * alpha / ((a / (us * us)) + b));
            if (logV <= logMode - LogFactorial(k) - LogFactorial(n - k) + ((k - m) * logOdds))
                return k;
        }
    }

    private static readonly double[] SmallLogFactorials = BuildLogFactorials(256);

    private static double[] BuildLogFactorials(int count)
    {
        var table = new double[count];
        for (var i = 2; i < count; i++)
            table[i] = table[i - 1] + Math.Log(i);
        return table;
    }

    // ln k!: exact sums below 256, else Stirling's series (error below 1e-17 there).
    private static double LogFactorial(long k)
    {
        if (k < SmallLogFactorials.Length)
            return SmallLogFactorials[k];
        var x = k + 1.0;
        var x2 = x * x;
        return ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI)) + ((1 / 12.0 - (1 / 360.0 - 1 / (1260.0 * x2)) / x2) / x);
    }
}
