using System.Globalization;

namespace Annotate.Benchmarks;

/// <summary>
/// One label key at the writer, in milliseconds after the key's event time (NaN: never): the writer's own highlight,
/// its save sent, answered (first byte) and acknowledged (last byte), and per reader the hub message's arrival and
/// the highlight drawn.
/// </summary>
internal sealed record LiveLatencySample(double WriterDrawn, double Sent, double Answered, double Acked, (double Received, double Drawn)[] Readers);

/// <summary>The samples of one run (or of all runs) and their report row.</summary>
internal sealed class LiveLatencyRun(string name, int readerCount)
{
    public const string Header = """
        | run | readers | spans | samples | misses | p50 ms | p90 ms | p99 ms | max ms | writer's own highlight p50 / p99 ms | save sent p50 ms | save acknowledged p50 / p99 ms | hub message at readers p50 / p99 ms | reader draws after message p50 / p99 ms | server CPU | server CPU ms per span |
        |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|
        """;

    private readonly List<LiveLatencySample> samples = [];
    private readonly int readers = readerCount;
    private int notCreated;
    private double cpuSeconds;
    private double seconds;

    public double P99 => Stats.Percentile(Sorted(s => s.Readers.Select(r => r.Drawn)), 99);

    public void Add(LiveLatencySample? sample)
    {
        if (sample is null)
        {
            notCreated++;
        }
        else
        {
            samples.Add(sample);
        }
    }

    /// <summary>The server's CPU time over the run's wall time.</summary>
    public void AddServerCpu(double cpu, double wall)
    {
        cpuSeconds += cpu;
        seconds += wall;
    }

    public static LiveLatencyRun Combine(IReadOnlyList<LiveLatencyRun> runs)
    {
        var all = new LiveLatencyRun("all", runs[0].readers);
        foreach (var run in runs)
        {
            all.samples.AddRange(run.samples);
            all.notCreated += run.notCreated;
            all.AddServerCpu(run.cpuSeconds, run.seconds);
        }

        return all;
    }

    public string Row()
    {
        var delays = Sorted(s => s.Readers.Select(r => r.Drawn));
        var own = Sorted(s => [s.WriterDrawn]);
        var acked = Sorted(s => [s.Acked]);
        var received = Sorted(s => s.Readers.Select(r => r.Received));
        var render = Sorted(s => s.Readers.Select(r => r.Drawn - r.Received));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {readers} | {samples.Count + notCreated} | {delays.Count} | {Misses} | {P(delays, 50)} | {P(delays, 90)} | {P(delays, 99)} | {(delays.Count > 0 ? delays[^1] : double.NaN):F1} | {P(own, 50)} / {P(own, 99)} | {P(Sorted(s => [s.Sent]), 50)} | {P(acked, 50)} / {P(acked, 99)} | {P(received, 50)} / {P(received, 99)} | {P(render, 50)} / {P(render, 99)} | {100 * cpuSeconds / Math.Max(0.001, seconds):F0}% | {1000 * cpuSeconds / Math.Max(1, samples.Count + notCreated):F1} |");
    }

    public string Summary(double targetMs)
    {
        var delays = Sorted(s => s.Readers.Select(r => r.Drawn));
        var p99 = Stats.Percentile(delays, 99);
        var verdict = p99 < targetMs ? "met" : "missed";
        return string.Create(CultureInfo.InvariantCulture,
            $"Label key to span drawn at {readers} readers: p50 {P(delays, 50)} ms, p90 {P(delays, 90)} ms, p99 {P(delays, 99)} ms, max {(delays.Count > 0 ? delays[^1] : double.NaN):F1} ms over {delays.Count} samples; {Misses} misses (not drawn within 5 s), {notCreated} keys without a span. Target p99 < {targetMs:F0} ms: {verdict}.");
    }

    /// <summary>
    /// Where the time goes, as means (they add up): in the writer's page before the save is sent, the save until the
    /// server's answer starts (the broadcast leaves after the same commit), on to the reader's hub message, and the
    /// reader's drawing; over all samples and over the slowest 10% and 1%.
    /// </summary>
    public string Breakdown()
    {
        var parts = samples
            .SelectMany(s => s.Readers.Select(r => new[] { r.Drawn, s.Sent, s.Answered - s.Sent, r.Received - s.Answered, r.Drawn - r.Received }))
            .Where(p => !p.Any(double.IsNaN)).OrderBy(p => p[0]).ToList();
        var table = new System.Text.StringBuilder();
        table.AppendLine("| samples (mean ms) | key to drawn at reader | key to save sent (writer) | save sent to server's answer | answer to hub message at reader | message to drawn (reader) |");
        table.AppendLine("|---|--:|--:|--:|--:|--:|");
        foreach (var (label, share) in new[] { ("all", 1.0), ("slowest 10%", 0.1), ("slowest 1%", 0.01) })
        {
            var slice = parts.Skip((int)(parts.Count * (1 - share))).ToList();
            var means = Enumerable.Range(0, 5).Select(i => slice.Count == 0 ? double.NaN : slice.Average(p => p[i]));
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} ({slice.Count}) | {string.Join(" | ", means.Select(m => m.ToString("F1", CultureInfo.InvariantCulture)))} |");
        }

        return table.ToString();
    }

    private int Misses => samples.Sum(s => s.Readers.Count(r => double.IsNaN(r.Drawn)));

    private List<double> Sorted(Func<LiveLatencySample, IEnumerable<double>> select) =>
        [.. samples.SelectMany(select).Where(v => !double.IsNaN(v)).Order()];

    private static string P(List<double> sorted, int percent) => Stats.Percentile(sorted, percent).ToString("F1", CultureInfo.InvariantCulture);
}
