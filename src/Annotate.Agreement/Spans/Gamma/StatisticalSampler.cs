namespace Annotate.Agreement.Spans.Gamma;

/// <summary>
/// pygamma-agreement's default StatisticalContinuumSampler. From the observed continuum it takes the mean and
/// (population) standard deviation of: units per annotator; gaps between an annotator's consecutive units (with a 0,
/// and each annotator's first start when above 0); unit lengths; and the frequency of each label. A random continuum
/// gives each annotator |trunc(N(units))| units (at least one for the first, so the continuum is never empty), each
/// starting a N(gap) after the previous one's end, |N(length)| long (redrawn below 10⁻⁶), with a label drawn by
/// frequency.
/// </summary>
internal sealed class StatisticalSampler
{
    private const double SegmentPrecision = 1e-6; // pyannote.core's SEGMENT_PRECISION: shorter segments are refused

    private readonly int annotators;
    private readonly (double Mean, double Deviation) count;
    private readonly (double Mean, double Deviation) gap;
    private readonly (double Mean, double Deviation) length;
    private readonly double[] cumulativeLabels;

    public StatisticalSampler(GammaContinuum observed, int labels)
    {
        annotators = observed.Annotators;
        count = MeanAndDeviation(observed.ByAnnotator.Select(u => (double)u.Length));
        var gaps = new List<double> { 0 };
        foreach (var units in observed.ByAnnotator)
        {
            for (var i = 1; i < units.Length; i++)
            {
                gaps.Add(units[i].Start - units[i - 1].End);
            }
        }

        gaps.AddRange(observed.ByAnnotator.Where(u => u.Length > 0 && u[0].Start > 0).Select(u => u[0].Start));
        gap = MeanAndDeviation(gaps);
        var all = observed.ByAnnotator.SelectMany(u => u).ToList();
        length = MeanAndDeviation(all.Select(u => u.Length));
        cumulativeLabels = new double[labels];
        foreach (var unit in all)
        {
            cumulativeLabels[unit.Category]++;
        }

        for (var i = 0; i < labels; i++)
        {
            cumulativeLabels[i] = (i > 0 ? cumulativeLabels[i - 1] : 0) + (cumulativeLabels[i] / all.Count);
        }
    }

    public GammaContinuum Sample(Random random)
    {
        var byAnnotator = new List<List<GammaUnit>>(annotators);
        var empty = true;
        for (var a = 0; a < annotators; a++)
        {
            var units = new List<GammaUnit>();
            var n = Math.Abs((int)Math.Truncate(random.NextNormal(count.Mean, count.Deviation)));
            if (empty)
            {
                n = Math.Max(1, n);
            }

            double last = 0;
            for (var i = 0; i < n; i++)
            {
                var start = last + random.NextNormal(gap.Mean, gap.Deviation);
                var end = start + Math.Abs(random.NextNormal(length.Mean, length.Deviation));
                while (end - start < SegmentPrecision)
                {
                    end = start + Math.Abs(random.NextNormal(length.Mean, length.Deviation));
                }

                units.Add(new GammaUnit(start, end, random.NextCategory(cumulativeLabels), a));
                last = end;
            }

            empty &= units.Count == 0;
            byAnnotator.Add(units);
        }

        return GammaContinuum.Of(byAnnotator, out _);
    }

    private static (double Mean, double Deviation) MeanAndDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return (mean, Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count));
    }
}

/// <summary>The draws the samplers need from a seeded <see cref="Random"/>.</summary>
internal static class RandomDraws
{
    /// <summary>A normal draw (Box–Muller).</summary>
    public static double NextNormal(this Random random, double mean, double deviation)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>An index drawn with the probabilities whose running sums are <paramref name="cumulative"/>.</summary>
    public static int NextCategory(this Random random, double[] cumulative)
    {
        var x = random.NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
