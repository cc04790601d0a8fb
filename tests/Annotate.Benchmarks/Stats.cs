namespace Annotate.Benchmarks;

internal static class Stats
{
    /// <summary>The nearest-rank percentile of values sorted in ascending order; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, int percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
