using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Annotate.Benchmarks;

/// <summary>
/// `cli-speed`: the whole `annotate agreement FILE` process against the Python pipeline a researcher would write
/// (pandas.read_csv + pivot + a numpy coincidence-matrix alpha, python/pandas_alpha.py) on the same generated file:
/// N runs of each, interleaved, wall time, CPU time and peak resident memory of each process from /usr/bin/time, medians.
/// Targets: at least 5× faster than Python and under 150 MB. Both sides print alpha; they must agree.
/// </summary>
internal static class CliSpeedBenchmark
{
    public const string Command = "cli-speed";
    private const double SpeedTarget = 5;
    private const double MemoryTargetMiB = 150;
    private static readonly string[] Labels = ["claim", "evidence", "rebuttal", "background", "quote", "other"];

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--units", "--coders", "--runs", "--annotate", "--python", "--file", "--seed");
        var units = args.Int("--units", 200_000, 1);
        var coders = args.Int("--coders", 5, 2);
        var runs = args.Int("--runs", 5, 1);
        var seed = args.Int("--seed", 15, 0);
        var root = AppServer.RepositoryRoot();
        // What a user runs for speed (README): the published program, compiled ahead of time for this platform.
        var annotate = args.String("--annotate") ?? Path.Combine(root, "src", "Annotate", "bin", "Release", "net10.0", RuntimeInformation.RuntimeIdentifier, "publish", "annotate");
        var python = args.String("--python") ?? "/usr/bin/python3";
        var script = Path.Combine(root, "tests", "Annotate.Benchmarks", "python", "pandas_alpha.py");
        if (!File.Exists(annotate))
            throw new ArgumentException($"{annotate} is missing: publish it (dotnet publish src/Annotate -c Release) or pass --annotate PATH.");
        if (!File.Exists("/usr/bin/time"))
            throw new ArgumentException("/usr/bin/time is missing (apt-get install -y time): it measures each process's peak memory.");

        var file = args.String("--file") ?? Path.Combine(Path.GetTempPath(), $"annotate-ratings-{units}x{coders}-{seed}.csv");
        if (!File.Exists(file))
            Generate(file, units, coders, seed);
        Console.Error.WriteLine($"{file}: {new FileInfo(file).Length / 1048576.0:F1} MiB, {units:N0} units × {coders} coders; load {MachineInfo.LoadAverage()}");

        var ours = new List<(double Seconds, double Cpu, double MiB, string Alpha)>();
        var theirs = new List<(double Seconds, double Cpu, double MiB, string Alpha)>();
        for (var r = 0; r < runs; r++)
        {
            ours.Add(await TimeAsync(annotate, ["agreement", file, "--format", "json"], AlphaFromJson));
            theirs.Add(await TimeAsync(python, [script, file], output => output.Trim()));
            Console.Error.WriteLine($"run {r + 1}: annotate {ours[^1].Seconds:F2} s (CPU {ours[^1].Cpu:F2} s) {ours[^1].MiB:F0} MiB, python {theirs[^1].Seconds:F2} s (CPU {theirs[^1].Cpu:F2} s) {theirs[^1].MiB:F0} MiB; load {MachineInfo.LoadAverage()}");
        }

        var (ourTime, ourCpu, ourMemory) = (Median(ours.Select(o => o.Seconds)), Median(ours.Select(o => o.Cpu)), Median(ours.Select(o => o.MiB)));
        var (theirTime, theirCpu, theirMemory) = (Median(theirs.Select(o => o.Seconds)), Median(theirs.Select(o => o.Cpu)), Median(theirs.Select(o => o.MiB)));
        var agree = Math.Abs(double.Parse(ours[0].Alpha, CultureInfo.InvariantCulture) - double.Parse(theirs[0].Alpha, CultureInfo.InvariantCulture)) < 1e-9;
        Console.WriteLine("| Side | Median wall time (s) | Median CPU, user + system (s) | Median peak RSS (MiB) | Alpha |");
        Console.WriteLine("|---|--:|--:|--:|---|");
        Console.WriteLine($"| annotate agreement FILE | {ourTime:F2} | {ourCpu:F2} | {ourMemory:F0} | {ours[0].Alpha} |");
        Console.WriteLine($"| pandas + numpy alpha | {theirTime:F2} | {theirCpu:F2} | {theirMemory:F0} | {theirs[0].Alpha} |");
        Console.WriteLine($"Speed-up {theirTime / ourTime:F1}× in wall time, {theirCpu / ourCpu:F1}× in CPU time (target {SpeedTarget}× wall), peak {ourMemory:F0} MiB (target {MemoryTargetMiB}), alphas {(agree ? "agree" : "DIFFER")}; {runs} runs each; load {MachineInfo.LoadAverage()}.");
        return agree && theirTime / ourTime >= SpeedTarget && ourMemory < MemoryTargetMiB ? 0 : 1;
    }

    /// <summary>Seeded nominal ratings: each unit has a "true" label each coder keeps with chance 0.7; 5% of ratings are left empty.</summary>
    public static void Generate(string path, int units, int coders, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("unit,coder,value\n");
        for (var u = 0; u < units; u++)
        {
            var truth = Labels[random.Next(Labels.Length)];
            for (var c = 0; c < coders; c++)
            {
                var value = random.NextDouble() < 0.7 ? truth : Labels[random.Next(Labels.Length)];
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"u{u:D6},coder{c + 1},{(random.NextDouble() < 0.05 ? "" : value)}\n"));
            }
        }
    }

    // One process under /usr/bin/time: wall seconds, CPU seconds (user + system) and peak RSS (MiB) as the kernel counted them.
    private static async Task<(double Seconds, double Cpu, double MiB, string Alpha)> TimeAsync(string program, string[] arguments, Func<string, string> alpha)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-f", "%e %U %S %M", "-o", report, program, .. arguments])
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        var fields = (await File.ReadAllTextAsync(report)).Trim().Split('\n')[^1].Split(' ');
        File.Delete(report);
        double Number(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Number(0), Number(1) + Number(2), Number(3) / 1024, alpha(await output));
    }

    private static string AlphaFromJson(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("krippendorffAlpha").GetDouble().ToString("R", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
