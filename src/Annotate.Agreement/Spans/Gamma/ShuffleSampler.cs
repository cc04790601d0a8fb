namespace Annotate.Agreement.Spans.Gamma;

/// <summary>
/// The paper's sampler (Mathet et al. 2015, section 5.2) as pygamma-agreement's ShuffleContinuumSampler does it with
/// integer pivots: for each of the n random annotators, an integer pivot is drawn uniformly from what is left of the
/// continuum [min(0, first start), last end] once the pivots already drawn have each removed half a mean unit length on
/// either side; a randomly chosen observed annotator's units are shifted by the pivot, those pushed past the end
/// wrapping around to the start.
/// </summary>
internal sealed class ShuffleSampler(GammaContinuum observed)
{
    private readonly double lower = Math.Min(0, observed.ByAnnotator.SelectMany(u => u).Min(u => u.Start));
    private readonly double upper = Math.Max(0, observed.ByAnnotator.SelectMany(u => u).Max(u => u.End));
    private readonly double halfGap = observed.ByAnnotator.SelectMany(u => u).Average(u => u.Length) / 2;

    public GammaContinuum Sample(Random random)
    {
        while (true)
        {
            var available = new List<(double Start, double End)> { (lower, upper) };
            var byAnnotator = new List<List<GammaUnit>>(observed.Annotators);
            for (var a = 0; a < observed.Annotators; a++)
            {
                double pivot;
                if (available.Count > 0)
                {
                    pivot = Pivot(available, random);
                    available = Without(available, pivot, halfGap);
                }
                else
                {
                    pivot = lower + (random.NextDouble() * (upper - lower));
                }

                var source = observed.ByAnnotator[random.Next(observed.Annotators)];
                var shifted = new List<GammaUnit>(source.Length);
                foreach (var unit in source)
                {
                    var shift = unit.Start + pivot > upper ? pivot + lower - upper : pivot;
                    shifted.Add(unit with { Start = unit.Start + shift, End = unit.End + shift });
                }

                byAnnotator.Add(shifted);
            }

            if (byAnnotator.Any(u => u.Count > 0))
            {
                return GammaContinuum.Of(byAnnotator, out _);
            }
        }
    }

    /// <summary>A segment drawn by length, then an integer point in it (truncated, as pygamma's int pivot).</summary>
    private static double Pivot(List<(double Start, double End)> segments, Random random)
    {
        var total = segments.Sum(s => s.End - s.Start);
        if (!(total > 0))
        {
            return 1; // pygamma's fallback when no length is left to draw from
        }

        var x = random.NextDouble() * total;
        foreach (var (start, end) in segments)
        {
            if (x < end - start || (start, end) == segments[^1])
            {
                return Math.Truncate(start + (random.NextDouble() * (end - start)));
            }

            x -= end - start;
        }

        return 1;
    }

    /// <summary>
    /// The segments minus [pivot − distance, pivot + distance]. pygamma stretches a segment lying wholly on one side
    /// of that zone up to its edge; here such a segment is kept as it is.
    /// </summary>
    private static List<(double Start, double End)> Without(List<(double Start, double End)> segments, double pivot, double distance)
    {
        var result = new List<(double, double)>();
        foreach (var (start, end) in segments)
        {
            if (start >= pivot - distance)
            {
                if (end > pivot + distance)
                {
                    result.Add((Math.Max(start, pivot + distance), end));
                }
            }
            else
            {
                result.Add((start, Math.Min(end, pivot - distance)));
                if (end > pivot + distance)
                {
                    result.Add((pivot + distance, end));
                }
            }
        }

        return result;
    }
}
