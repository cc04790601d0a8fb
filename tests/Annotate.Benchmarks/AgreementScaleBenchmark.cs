using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Annotate.Benchmarks;

/// <summary>
/// `agreement-scale`: a project's agreement at full size. Seeds the export benchmark's project (N documents, M
/// annotations: 5 annotators, three span layers and a document label, gold on every tenth document), opens it, then
/// times `annotate agreement --project` and `annotate export --format agreement` (the report) and `--format jsonl`
/// (whose dataset card carries agreement), each in a child process with its peak memory, and a server's first
/// (cold) and second report over HTTP with the server's peak memory. Targets: the report under 15 s and 500 MB.
/// </summary>
internal static class AgreementScaleBenchmark
{
    public const string Command = "agreement-scale";
    public static readonly string[] Flags = ["--keep"];
    private static readonly TimeSpan TimeTarget = TimeSpan.FromSeconds(15);
    private const double MemoryTargetMiB = 500;

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--documents", "--annotations", "--dir", "--keep", "--runs");
        var documents = args.Int("--documents", 10_000, 1);
        var annotations = args.Int("--annotations", 1_000_000, 5);
        var runs = (args.String("--runs") ?? "cli,export,card,http").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var folder = args.String("--dir") ?? Path.Combine(Path.GetTempPath(), "annotate-agreement-scale-" + Guid.NewGuid().ToString("N"));
        var root = AppServer.RepositoryRoot();
        var app = Path.Combine(root, "src", "Annotate", "bin", AppServer.BuildConfiguration, "net10.0", "annotate.dll");
        if (!File.Exists(app))
            throw new ArgumentException($"{app} is missing: build the app first (dotnet build src/Annotate -c {AppServer.BuildConfiguration}).");

        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "annotate.db");
        try
        {
            // Seeding takes minutes: a database kept from an earlier run (--dir PATH --keep) is used again as it is.
            var seeding = Stopwatch.StartNew();
            int seeded;
            if (File.Exists(database))
            {
                seeded = Count(database, "SELECT count(*) FROM Annotations WHERE ProjectId = 'bench' AND AnnotatorId <> 'gold';");
                documents = Count(database, "SELECT count(*) FROM Documents WHERE ProjectId = 'bench';");
                Console.Error.WriteLine($"Reusing {database}: {documents:N0} documents, {seeded:N0} annotations.");
            }
            else
            {
                seeded = await ExportBenchmark.SeedAsync(database, Path.Combine(root, "corpus", "codebook.yaml"), documents, annotations);
                Execute(database, "UPDATE Projects SET Visibility = 'open' WHERE Id = 'bench';");
                Console.Error.WriteLine($"Seeded {documents:N0} documents and {seeded:N0} annotations in {seeding.Elapsed.TotalSeconds:F1} s.");
            }

            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the start.");
            Console.WriteLine("| Run | Documents | Annotations | Time (s) | CPU (s) | Peak memory (MiB) | Targets |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            var missed = false;
            void Row(string run, TimeSpan elapsed, double cpu, double peak, bool targeted = true)
            {
                var met = elapsed < TimeTarget && peak < MemoryTargetMiB;
                missed |= targeted && !met;
                Console.WriteLine($"| {run} | {documents:N0} | {seeded:N0} | {elapsed.TotalSeconds:F1} | {cpu:F1} | {peak:F0} | {(targeted ? met ? "met" : "MISSED" : "—")} |");
            }

            if (runs.Contains("cli"))
            {
                var (cli, cliPeak, _, cliCpu) = await ExportBenchmark.RunMeasuredAsync(app, "agreement", "--project", "bench", "--db", database, "--format", "json");
                Row("`annotate agreement --project bench --format json`", cli, cliCpu, cliPeak);
            }

            if (runs.Contains("export"))
            {
                var (export, exportPeak, _, exportCpu) = await ExportBenchmark.RunMeasuredAsync(app, "export", "--project", "bench", "--format", "agreement", "--out", Path.Combine(folder, "agreement.zip"), "--db", database);
                Row("`annotate export --format agreement` (report, tables, inputs, card)", export, exportCpu, exportPeak, targeted: false);
            }

            if (runs.Contains("card"))
            {
                var (card, cardPeak, _, cardCpu) = await ExportBenchmark.RunMeasuredAsync(app, "export", "--project", "bench", "--format", "jsonl", "--out", Path.Combine(folder, "jsonl.zip"), "--db", database);
                Row("`annotate export --format jsonl` (its card carries agreement)", card, cardCpu, cardPeak, targeted: false);
            }

            if (runs.Contains("http"))
            {
                var (cold, coldCpu, warm, warmCpu, serverPeak, startPeak) = await OverHttpAsync(database);
                Row($"HTTP first report (server peak; {startPeak:F0} MiB before the request)", cold, coldCpu, serverPeak);
                Row("HTTP second report (cached)", warm, warmCpu, serverPeak, targeted: false);
            }

            Console.WriteLine($"Load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end.");
            return missed ? 1 : 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!args.Has("--keep"))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(TimeSpan Cold, double ColdCpu, TimeSpan Warm, double WarmCpu, double PeakMiB, double StartMiB)> OverHttpAsync(string database)
    {
        // The seeded documents have no files: the server's corpus load flags them missing, so they are restored
        // afterwards, and the benchmark's user joins the project as its owner.
        var corpus = Directory.CreateTempSubdirectory("annotate-agreement-scale-corpus-");
        try
        {
            await using var server = await AppServer.StartAsync(corpus.FullName, database, AppServer.BuildConfiguration, displayName: "Agreement benchmark");
            Execute(database, """
                UPDATE Documents SET IsMissing = 0 WHERE ProjectId = 'bench';
                INSERT OR IGNORE INTO ProjectMembers (ProjectId, UserId, Role, AddedAt) SELECT 'bench', Id, 'owner', '' FROM Users WHERE DisplayName = 'Agreement benchmark';
                """);
            var startPeak = server.PeakMemoryMiB();
            // A cold report may take minutes on a loaded machine: longer than HttpClient's default 100 s.
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = server.Cookies }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(20) };
            var cpu = server.CpuSeconds();
            var clock = Stopwatch.StartNew();
            using (var first = await http.GetAsync("/api/projects/bench/agreement"))
                first.EnsureSuccessStatusCode();
            var cold = clock.Elapsed;
            var coldCpu = server.CpuSeconds() - cpu;
            clock.Restart();
            using (var second = await http.GetAsync("/api/projects/bench/agreement"))
                second.EnsureSuccessStatusCode();
            return (cold, coldCpu, clock.Elapsed, server.CpuSeconds() - cpu - coldCpu, server.PeakMemoryMiB(), startPeak);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    private static int Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        return connection.ExecuteScalar<int>(sql);
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        connection.Execute(sql);
    }
}
