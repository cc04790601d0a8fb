using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Annotate.Corpus;
using Annotate.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Annotate.Benchmarks;

/// <summary>
/// Where a cold load's time goes: the loader's stages run one after another, each timed alone (wall and CPU time),
/// then the database writes again under other settings, to see what they cost. Diagnostic, not the benchmark:
/// the loader itself interleaves parsing and writing batch by batch.
/// </summary>
internal static class LoadBreakdown
{
    public const string Command = "corpus-load-breakdown";
    private const int BatchSize = 256;

    /// <summary>What <see cref="CorpusLoader"/> does with changed files today: parse a batch in parallel, then write it.</summary>
    private static async Task SequentialAsync(Db db, KnownDocuments known, List<(string Id, CorpusFile File)> files, DateTimeOffset now)
    {
        foreach (var batch in files.Chunk(BatchSize))
        {
            var parsed = Parse(batch);
            await db.WriteAsync((c, t) => known.SaveAsync(c, t, parsed, now));
        }
    }

    /// <summary>The same work with parsing one batch ahead of writing (a bounded channel of two batches).</summary>
    private static async Task PipelinedAsync(Db db, KnownDocuments known, List<(string Id, CorpusFile File)> files, DateTimeOffset now)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<List<ParsedFile>>(2);
        var producer = Task.Run(async () =>
        {
            foreach (var batch in files.Chunk(BatchSize))
            {
                await channel.Writer.WriteAsync(Parse(batch));
            }

            channel.Writer.Complete();
        });
        await foreach (var parsed in channel.Reader.ReadAllAsync())
        {
            await db.WriteAsync((c, t) => known.SaveAsync(c, t, parsed, now));
        }

        await producer;
    }

    private static List<ParsedFile> Parse((string Id, CorpusFile File)[] batch)
    {
        var outcomes = new ParsedFile?[batch.Length];
        Parallel.For(0, batch.Length, i => outcomes[i] = ArticleFiles.ParseOne(batch[i].Id, batch[i].File, long.MaxValue).Item1);
        return outcomes.Where(o => o is not null).Select(o => o!).ToList();
    }

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--articles", "--dir", "--keep");
        var articles = args.Int("--articles", 10_000, min: 1);
        var work = Path.GetFullPath(args.String("--dir") ?? Path.Combine(Path.GetTempPath(), $"annotate-breakdown-{Environment.ProcessId}"));
        if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
        {
            throw new ArgumentException($"--dir '{work}' is not empty; give an empty or new folder.");
        }

        var corpus = Path.Combine(work, "corpus");
        try
        {
            CorpusGenerator.Write(corpus, articles);
            var rows = new List<(string Stage, double Wall, double Cpu, string Note)>();
            (double Wall, double Cpu) Time(Action action)
            {
                MachineInfo.Sync();
                var cpu = MachineInfo.CpuTime();
                var clock = Stopwatch.StartNew();
                action();
                return (clock.Elapsed.TotalSeconds, (MachineInfo.CpuTime() - cpu).TotalSeconds);
            }

            async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> action)
            {
                MachineInfo.Sync();
                var cpu = MachineInfo.CpuTime();
                var clock = Stopwatch.StartNew();
                await action();
                return (clock.Elapsed.TotalSeconds, (MachineInfo.CpuTime() - cpu).TotalSeconds);
            }

            void Add(string stage, (double Wall, double Cpu) t, string note = "") => rows.Add((stage, t.Wall, t.Cpu, note));

            // Warm up: one untimed pass over every stage, so the timed passes run fully optimised (tier-1) code.
            var load = Stopwatch.StartNew();
            foreach (var file in CorpusScanner.Scan(corpus, long.MaxValue).Articles)
            {
                var source = ArticleParser.Decode(File.ReadAllBytes(file.FullPath));
                ArticleRenderer.ToText(FrontMatter.Split(source).Body, ArticleFormat.Markdown);
                ArticleParser.Parse(file.RelativePath, File.ReadAllBytes(file.FullPath));
            }

            Console.Error.WriteLine(FormattableString.Invariant($"Warm-up pass: {load.Elapsed.TotalSeconds:F2} s."));

            CorpusScan scan = null!;
            Add("Scan (stat every file)", Time(() => scan = CorpusScanner.Scan(corpus, long.MaxValue)));
            var files = ArticleFiles.WithUniqueIds(scan.Articles, []);

            var bytes = new byte[files.Count][];
            Add("Read all files (page cache)", Time(() =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    bytes[i] = File.ReadAllBytes(files[i].File.FullPath);
                }
            }));

            var decoded = new string[files.Count];
            Add("  Decode UTF-8 (1 thread)", Time(() =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    decoded[i] = ArticleParser.Decode(bytes[i]);
                }
            }));

            var bodies = new string[files.Count];
            Add("  Front matter YAML (1 thread)", Time(() =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    bodies[i] = FrontMatter.Split(decoded[i]).Body;
                }
            }));

            var texts = new DocumentText[files.Count];
            Add("  Markdown to canonical text (1 thread)", Time(() =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    texts[i] = ArticleRenderer.ToText(bodies[i], ArticleFormat.Markdown);
                }
            }));

            Add("  SHA-256 of text and file (1 thread)", Time(() =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    _ = ArticleParser.Hash(Encoding.UTF8.GetBytes(texts[i].Text)) + ArticleParser.Hash(bytes[i]);
                }
            }));

            var parsed = new ParsedFile[files.Count];
            Add("ArticleParser.Parse, all (1 thread)", Time(() =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    parsed[i] = new ParsedFile(files[i].Id, files[i].File, ArticleParser.Parse(files[i].File.RelativePath, bytes[i]));
                }
            }));

            Add($"ArticleParser.Parse, all ({Environment.ProcessorCount} threads)", Time(() =>
                Parallel.For(0, files.Count, i => parsed[i] = new ParsedFile(files[i].Id, files[i].File, ArticleParser.Parse(files[i].File.RelativePath, bytes[i])))));

            Add("Read + parse as the loader does (ArticleFiles.ParseOne, parallel)", Time(() =>
                Parallel.For(0, files.Count, i => _ = ArticleFiles.ParseOne(files[i].Id, files[i].File, long.MaxValue))));

            Add("Serialise blocks, tags, metadata to JSON (1 thread)", Time(() =>
            {
                var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
                foreach (var p in parsed)
                {
                    _ = System.Text.Json.JsonSerializer.Serialize(p.Article.Text.Blocks, options)
                        + System.Text.Json.JsonSerializer.Serialize(p.Article.Metadata.Tags, options)
                        + System.Text.Json.JsonSerializer.Serialize(p.Article.Metadata.Extra, options);
                }
            }));

            foreach (var synchronous in new[] { "FULL", "NORMAL", "OFF" })
            {
                foreach (var batchSize in synchronous == "FULL" ? new[] { BatchSize, 1_000, 10_000 } : [BatchSize])
                {
                    var database = Path.Combine(work, $"write-{synchronous}-{batchSize}.db");
                    var db = new Db(database);
                    await Migrator.MigrateAsync(db);
                    var known = await KnownDocuments.ReadAsync(db, CancellationToken.None);
                    var now = DateTimeOffset.UtcNow;
                    var commits = 0;
                    var t = await TimeAsync(async () =>
                    {
                        foreach (var batch in parsed.Chunk(batchSize))
                        {
                            await using var connection = new SqliteConnection(db.ConnectionString);
                            await connection.OpenAsync();
                            await connection.ExecuteAsync($"PRAGMA synchronous = {synchronous}; PRAGMA foreign_keys = ON;");
                            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable);
                            await known.SaveAsync(connection, transaction, batch, now);
                            await transaction.CommitAsync();
                            commits++;
                        }
                    });
                    SqliteConnection.ClearAllPools();
                    var size = new FileInfo(database).Length + (File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0);
                    Add($"SQLite writes, synchronous={synchronous}, {batchSize:N0} per transaction", t,
                        FormattableString.Invariant($"{commits} commits, database + WAL {size / 1e6:F0} MB"));
                }
            }

            var attempt = 0;
            foreach (var pipelined in new[] { false, true, false, true })
            {
                var db = new Db(Path.Combine(work, $"loader-{++attempt}.db"));
                await Migrator.MigrateAsync(db);
                var known = await KnownDocuments.ReadAsync(db, CancellationToken.None);
                var now = DateTimeOffset.UtcNow;
                var t = await TimeAsync(() => pipelined ? PipelinedAsync(db, known, files, now) : SequentialAsync(db, known, files, now));
                SqliteConnection.ClearAllPools();
                Add(pipelined
                    ? "Read + parse + write, batch N+1 parsed while batch N is written (proposed)"
                    : "Read + parse + write, batch by batch (as CorpusLoader does now)", t, $"{BatchSize} per batch, synchronous=FULL");
            }

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"## Cold-load breakdown: {files.Count:N0} articles, {bytes.Sum(b => (long)b.Length) / 1e6:F1} MB, {Environment.ProcessorCount} cores, load average {MachineInfo.LoadAverage()}");
            report.AppendLine();
            report.AppendLine("| Stage | Wall (s) | CPU (s) | Note |");
            report.AppendLine("|---|--:|--:|---|");
            foreach (var (stage, wall, cpu, note) in rows)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {stage} | {wall:F2} | {cpu:F2} | {note} |");
            }

            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (args.Has("--keep"))
            {
                Console.Error.WriteLine($"Kept {work}.");
            }
            else if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
