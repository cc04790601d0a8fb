using System.Diagnostics;

namespace Annotate.Cli;

/// <summary>
/// With ANNOTATE_TIMINGS=1, a command writes how long each stage took to standard error, counted from the process's
/// start (runtime start-up included): where the time of a whole `annotate agreement FILE` goes (docs/benchmarks.md).
/// </summary>
internal sealed class StageTimings
{
    private readonly DateTime started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private DateTime last;

    private StageTimings()
    {
        last = started;
        Mark("process start to here");
    }

    /// <summary>The timings of this run, when asked for: the reader marks its own stages on it.</summary>
    public static StageTimings? Current { get; private set; }

    public static StageTimings? FromEnvironment() =>
        Current ??= Environment.GetEnvironmentVariable("ANNOTATE_TIMINGS") == "1" ? new StageTimings() : null;

    public void Mark(string stage)
    {
        var now = DateTime.UtcNow;
        Console.Error.WriteLine($"[timing] {stage}: {(now - last).TotalMilliseconds:0} ms (total {(now - started).TotalMilliseconds:0} ms, GC heap {GC.GetTotalMemory(false) >> 20} MB)");
        last = now;
    }
}
