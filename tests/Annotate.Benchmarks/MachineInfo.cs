using System.Diagnostics;

namespace Annotate.Benchmarks;

/// <summary>Facts about the machine and this process for the reports.</summary>
internal static class MachineInfo
{
    /// <summary>CPU time used by this process so far (all threads, user + kernel).</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Flushes dirty file data to disk (runs sync(1)) so a timed phase does not pay for writing out files an earlier
    /// step left in the page cache: on ext4 an fsync can wait for other files' pending data too.
    /// </summary>
    public static void Sync()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync(1) on this machine: the timings then include some write-back of earlier steps.
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or "n/a": other work on the machine skews timings.</summary>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]}" : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary>Linux PSI: the share of time some runnable task waited for a CPU (10 s and 60 s averages), or "n/a".</summary>
    public static string CpuPressure()
    {
        try
        {
            var some = File.ReadLines("/proc/pressure/cpu").First().Split(' ');
            return $"{some[1].Replace("avg10=", "", StringComparison.Ordinal)}% (10 s) / {some[2].Replace("avg60=", "", StringComparison.Ordinal)}% (60 s)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or IndexOutOfRangeException)
        {
            return "n/a";
        }
    }
}
