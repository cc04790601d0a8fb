namespace Annotate.Agreement;

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
