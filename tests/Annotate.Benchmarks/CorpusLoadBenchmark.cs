using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Benchmarks;

/// <summary>What one load phase measured, in the process that ran it.</summary>
internal sealed record PhaseResult(
    string Phase,
    double LoadSeconds,
    double LoadCpuSeconds,
    double MigrateSeconds,
    int Files,
    int Added,
    int NewVersions,
    int Unchanged,
    int Missing,
    int Errors,
    int Warnings,
    int DocumentCount,
    long PeakWorkingSetBytes,
    long AllocatedBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    double GcPauseMs,
    double JitMs,
    long JitMethods,
    bool ServerGc,
    string FirstProblem)
{
    /// <summary>Wall time of the whole child process seen from the parent (runtime start-up, JIT, migration, load); 0 in-process.</summary>
    public double ProcessSeconds { get; init; }
}

/// <summary>
/// The corpus-load benchmark: generate a corpus, then time a cold load (fresh database), a warm load (nothing
/// changed) and a load after 1% of the files changed, each phase in its own child process so its peak working set
/// and its JIT/warm-up are its own.
/// </summary>
internal static class CorpusLoadBenchmark
{
    public const string PhaseCommand = "corpus-load-phase";
    public const double ColdTargetSeconds = 10;
    public const double WarmTargetSeconds = 2;
    public const long PeakTargetBytes = 1L << 30;
    public static readonly string[] Flags = ["--keep", "--in-process", "--no-sync"];

    private const string ResultPrefix = "##RESULT ";
    private const string Marker = ".annotate-benchmark";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--articles", "--dir", "--keep", "--runs", "--gc", "--in-process", "--no-sync", "--env");
        var articles = args.Int("--articles", 10_000, min: 1);
        var runs = args.Int("--runs", 1, min: 1);
        var gc = args.String("--gc") ?? "server";
        if (gc is not ("server" or "workstation"))
        {
            throw new ArgumentException($"--gc must be 'server' (what the app uses) or 'workstation', not '{gc}'.");
        }

        var inProcess = args.Has("--in-process");
        var sync = !args.Has("--no-sync");
        var environment = ParseEnvironment(args.String("--env"));
        if (inProcess && environment.Count > 0)
        {
            throw new ArgumentException("--env applies to the child processes; it cannot be combined with --in-process.");
        }

        var work = PrepareFolder(args.String("--dir"));
        var corpus = Path.Combine(work, "corpus");
        try
        {
            Console.Error.WriteLine($"Generating {articles:N0} articles into {corpus} ...");
            var generate = Stopwatch.StartNew();
            var bytes = CorpusGenerator.Write(corpus, articles);
            Console.Error.WriteLine(FormattableString.Invariant($"Generated {bytes / 1e6:F1} MB in {generate.Elapsed.TotalSeconds:F1} s."));

            var loadBefore = MachineInfo.LoadAverage();
            var results = new List<(int Run, PhaseResult Result)>();
            for (var run = 1; run <= runs; run++)
            {
                var database = Path.Combine(work, $"run{run}.db");
                DeleteDatabase(database);
                foreach (var phase in new[] { "cold", "warm", "touch-1%" })
                {
                    if (phase == "touch-1%")
                    {
                        Touch(corpus, articles, run);
                    }

                    if (sync)
                    {
                        MachineInfo.Sync();
                    }

                    Console.Error.WriteLine($"Run {run}: {phase} load ...");
                    var result = inProcess ? await RunPhaseAsync(phase, corpus, database) : RunChild(phase, corpus, database, gc, environment);
                    Console.Error.WriteLine(FormattableString.Invariant($"Run {run}: {phase} load took {result.LoadSeconds:F2} s."));
                    results.Add((run, result));
                }

                DeleteDatabase(database);
            }

            var settings = string.Join(", ", environment.Select(kv => $"{kv.Key}={kv.Value}"));
            Console.WriteLine(Report(articles, bytes, runs, gc, inProcess, results,
                $"{loadBefore} before, {MachineInfo.LoadAverage()} after{(sync ? "" : "; no sync before phases")}{(settings.Length > 0 ? "; child environment " + settings : "")}"));
            var met = results.All(r => MeetsTargets(r.Result));
            return met ? 0 : 1;
        }
        finally
        {
            if (args.Has("--keep"))
            {
                Console.Error.WriteLine($"Kept {work}.");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    public static async Task<int> RunPhaseCommandAsync(Arguments args)
    {
        args.Only("--phase", "--corpus", "--db");
        var result = await RunPhaseAsync(args.Required("--phase"), args.Required("--corpus"), args.Required("--db"));
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json));
        return 0;
    }

    /// <summary>One load against <paramref name="database"/>, wired as the app wires it (minus the host).</summary>
    public static async Task<PhaseResult> RunPhaseAsync(string phase, string corpus, string database)
    {
        var migrate = Stopwatch.StartNew();
        var db = new Db(database);
        await Migrator.MigrateAsync(db);
        migrate.Stop();

        var options = Options.Create(new AnnotateOptions { Corpus = corpus, Database = database, WatchCorpus = false });
        var status = new CorpusStatus();
        var loader = new CorpusLoader(db, new DocumentStore(db), new CodebookLoader(db, new CodebookStore(db), TimeProvider.System), status, options,
            TimeProvider.System, NullLogger<CorpusLoader>.Instance);
        var cpu = MachineInfo.CpuTime();
        var load = Stopwatch.StartNew();
        var result = await loader.LoadAsync(CancellationToken.None);
        load.Stop();
        using var process = Process.GetCurrentProcess();
        var loadCpu = process.TotalProcessorTime - cpu;
        SqliteConnection.ClearAllPools();

        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var first = result.Problems.Count > 0 ? result.Problems[0] : null;
        return new PhaseResult(
            phase,
            load.Elapsed.TotalSeconds,
            loadCpu.TotalSeconds,
            migrate.Elapsed.TotalSeconds,
            result.Files,
            result.Added,
            result.NewVersions,
            result.Unchanged,
            result.Missing,
            result.Problems.Count(p => p.Severity == CorpusProblem.Error),
            result.Problems.Count(p => p.Severity == CorpusProblem.Warning),
            status.Current.DocumentCount,
            process.PeakWorkingSet64,
            GC.GetTotalAllocatedBytes(precise: true),
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            GCSettings.IsServerGC,
            first is null ? "" : $"{first.Path}: {first.Code}: {first.Message}");
    }

    /// <summary>"NAME=value,NAME=value" (e.g. DOTNET_TieredPGO=0) for the child processes, to try runtime settings.</summary>
    private static Dictionary<string, string> ParseEnvironment(string? text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--env takes NAME=value pairs separated by commas, not '{pair}'.");
            }

            variables[pair[..equals]] = pair[(equals + 1)..];
        }

        return variables;
    }

    private static PhaseResult RunChild(string phase, string corpus, string database, string gc, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(CorpusLoadBenchmark).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }

        foreach (var arg in new[] { PhaseCommand, "--phase", phase, "--corpus", corpus, "--db", database })
        {
            start.ArgumentList.Add(arg);
        }

        // The app is an ASP.NET Core app and so runs with the server GC; the phase runs with the same setting by default.
        start.Environment["DOTNET_gcServer"] = gc == "server" ? "1" : "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {self}.");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        clock.Stop();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {phase} phase failed (exit code {child.ExitCode}):\n{output}");
        }

        var result = JsonSerializer.Deserialize<PhaseResult>(line[ResultPrefix.Length..], Json)
            ?? throw new InvalidOperationException($"The {phase} phase printed no result.");
        return result with { ProcessSeconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>Rewrites 1% of the articles (evenly spread) with an extra paragraph, so each gets a new text version.</summary>
    private static void Touch(string corpus, int articles, int run)
    {
        var count = Math.Max(1, articles / 100);
        for (var i = 0; i < count; i++)
        {
            var index = (int)((long)i * articles / count);
            var (relativePath, text) = CorpusGenerator.Article(index);
            text += FormattableString.Invariant($"\nCorrection (benchmark run {run}): an earlier version of this article misstated a date.\n");
            File.WriteAllText(Path.Combine(corpus, relativePath), text, new UTF8Encoding(false));
        }
    }

    private static bool MeetsTargets(PhaseResult result) =>
        result.PeakWorkingSetBytes < PeakTargetBytes && result.Phase switch
        {
            "cold" => result.LoadSeconds < ColdTargetSeconds,
            "warm" => result.LoadSeconds < WarmTargetSeconds,
            _ => true,
        };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string PrepareFolder(string? dir)
    {
        if (dir is null)
        {
            dir = Path.Combine(Path.GetTempPath(), $"annotate-bench-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        }
        else if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !File.Exists(Path.Combine(dir, Marker)))
        {
            throw new ArgumentException($"--dir '{dir}' is not empty and was not made by this benchmark; give an empty or new folder.");
        }

        dir = Path.GetFullPath(dir);
        if (Directory.Exists(Path.Combine(dir, "corpus")))
        {
            Directory.Delete(Path.Combine(dir, "corpus"), recursive: true);
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, Marker), "A scratch folder of the Annotate corpus-load benchmark; safe to delete.\n");
        return dir;
    }

    private static void DeleteDatabase(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    private static string Report(int articles, long bytes, int runs, string gc, bool inProcess, List<(int Run, PhaseResult Result)> results, string loadAverage)
    {
        static string Mb(long value) => (value / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture);
        static string S(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Corpus load: {articles:N0} articles, {bytes / 1e6:F1} MB");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, " +
            $"{(inProcess ? "all phases in one process" : "each phase in its own process")}, {(inProcess ? (GCSettings.IsServerGC ? "server" : "workstation") : gc)} GC, " +
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average (1/5/15 min) {loadAverage}.");
        report.AppendLine();
        report.AppendLine("| Phase | Load (s) | Load CPU (s) | Process (s) | Files | Added | New versions | Unchanged | Errors | Warnings | Documents in DB | Peak working set (MiB) | Allocated (MiB) | GC heap after (MiB) | GCs gen0/1/2 | GC pauses (ms) | JIT (ms, methods) |");
        report.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (run, r) in results)
        {
            var name = runs > 1 ? $"{r.Phase} #{run}" : r.Phase;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {S(r.LoadSeconds)} | {S(r.LoadCpuSeconds)} | {(inProcess ? "–" : S(r.ProcessSeconds))} | {r.Files:N0} | {r.Added:N0} | {r.NewVersions:N0} | {r.Unchanged:N0} | {r.Errors} | {r.Warnings} | {r.DocumentCount:N0} | {Mb(r.PeakWorkingSetBytes)} | {Mb(r.AllocatedBytes)} | {Mb(r.GcHeapBytes)} | {r.Gen0}/{r.Gen1}/{r.Gen2} | {r.GcPauseMs:F0} | {r.JitMs:F0}, {r.JitMethods:N0} |");
        }

        report.AppendLine();
        report.AppendLine("| Target | Limit | Median | Worst run | Met (worst run) |");
        report.AppendLine("|---|--:|--:|--:|---|");
        var cold = results.Where(r => r.Result.Phase == "cold").Select(r => r.Result.LoadSeconds).ToList();
        var warm = results.Where(r => r.Result.Phase == "warm").Select(r => r.Result.LoadSeconds).ToList();
        var peak = results.Select(r => r.Result.PeakWorkingSetBytes / (1024.0 * 1024.0)).ToList();
        static string Met(bool met) => met ? "yes" : "**no**";
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| Cold load | < {ColdTargetSeconds:F0} s | {S(Median(cold))} s | {S(cold.Max())} s | {Met(cold.Max() < ColdTargetSeconds)} |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| Warm load | < {WarmTargetSeconds:F0} s | {S(Median(warm))} s | {S(warm.Max())} s | {Met(warm.Max() < WarmTargetSeconds)} |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| Peak working set, any phase | < 1,024 MiB | {Median(peak):N0} MiB | {peak.Max():N0} MiB | {Met(peak.Max() < PeakTargetBytes / (1024.0 * 1024.0))} |");
        var problems = results.Select(r => r.Result.FirstProblem).FirstOrDefault(p => p.Length > 0);
        if (problems is not null)
        {
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"First problem reported: {problems}");
        }

        return report.ToString();
    }
}
