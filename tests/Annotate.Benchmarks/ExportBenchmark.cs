using System.Diagnostics;
using System.Globalization;
using System.Text;
using Annotate.Codebook;
using Annotate.Data;
using Microsoft.Data.Sqlite;

namespace Annotate.Benchmarks;

/// <summary>
/// `export`: seeds a project of N documents with M annotations (5 annotators, spans and document labels, a gold
/// layer on one document in ten) in a real database, then runs `annotate export` in a child process for each
/// format, timing it and sampling its peak resident memory (VmHWM). Targets: under 30 s and under 500 MB.
/// </summary>
internal static class ExportBenchmark
{
    public const string Command = "export";
    public static readonly string[] Flags = ["--keep"];
    private const int Annotators = 5;
    private static readonly TimeSpan TimeTarget = TimeSpan.FromSeconds(30);
    private const double MemoryTargetMiB = 500;
    private static readonly string[] Words = ["convoy", "pass", "road", "minister", "protest", "blockade", "drivers", "border", "said", "the", "a", "of", "and", "report", "officials", "claimed", "Čelmar", "Sarn"];

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--documents", "--annotations", "--formats", "--dir", "--keep");
        var documents = args.Int("--documents", 10_000, 1);
        var annotations = args.Int("--annotations", 1_000_000, Annotators);
        var formats = (args.String("--formats") ?? "jsonl").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var folder = args.String("--dir") ?? Path.Combine(Path.GetTempPath(), "annotate-export-bench-" + Guid.NewGuid().ToString("N"));
        var root = AppServer.RepositoryRoot();
        var app = Path.Combine(root, "src", "Annotate", "bin", AppServer.BuildConfiguration, "net10.0", "annotate.dll");
        if (!File.Exists(app))
            throw new ArgumentException($"{app} is missing: build the app first (dotnet build src/Annotate -c {AppServer.BuildConfiguration}).");

        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "annotate.db");
        try
        {
            var seeding = Stopwatch.StartNew();
            var seeded = await SeedAsync(database, Path.Combine(root, "corpus", "codebook.yaml"), documents, annotations);
            Console.Error.WriteLine($"Seeded {documents:N0} documents and {seeded:N0} annotations in {seeding.Elapsed.TotalSeconds:F1} s.");
            Console.WriteLine($"| Format | Documents | Annotations | Time (s) | Peak memory (MiB) | Output (MiB) | Targets |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            var missed = false;
            foreach (var format in formats)
            {
                var output = Path.Combine(folder, $"export-{format}.zip");
                var (elapsed, peak) = await ExportAsync(app, database, format, output);
                var met = elapsed < TimeTarget && peak < MemoryTargetMiB;
                missed |= !met;
                Console.WriteLine($"| {format} | {documents:N0} | {seeded:N0} | {elapsed.TotalSeconds:F1} | {peak:F0} | {new FileInfo(output).Length / 1048576.0:F1} | {(met ? "met" : "MISSED")} |");
            }

            return missed ? 1 : 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!args.Has("--keep"))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, double PeakMiB)> ExportAsync(string app, string database, string format, string output)
    {
        var (elapsed, peak, _, _) = await RunMeasuredAsync(app, "export", "--project", "bench", "--format", format, "--out", output, "--db", database);
        return (elapsed, peak);
    }

    /// <summary>Runs `annotate ARGS` in a child process: its wall time, peak resident memory, standard output and CPU seconds (user + system).</summary>
    internal static async Task<(TimeSpan Elapsed, double PeakMiB, string Output, double CpuSeconds)> RunMeasuredAsync(string app, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args.Prepend(app))
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start annotate.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // VmHWM only grows, so its last reading before the process ends is its peak (to within the polling interval).
        // CPU time likewise: its last reading is within one interval of the end (a shared machine makes wall time noisy).
        double peak = 0, cpu = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakMiB(process.Id));
            cpu = Math.Max(cpu, CpuSeconds(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"annotate {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        return (elapsed, peak, await stdout, cpu);
    }

    private static double CpuSeconds(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double PeakMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return 0; // the process ended between the check and the read
        }
    }

    /// <summary>Seeds the project; returns how many annotator annotations it holds (the gold layer comes on top).</summary>
    internal static async Task<int> SeedAsync(string database, string codebookPath, int documents, int annotations)
    {
        var db = new Db(database);
        await Migrator.MigrateAsync(db);
        var yaml = await File.ReadAllTextAsync(codebookPath);
        var codebook = CodebookParser.Parse(yaml).Codebook ?? throw new InvalidOperationException($"{codebookPath} is not a valid codebook.");
        var spanLayers = codebook.Layers.Where(l => l.Scope == LayerDefinition.SpanScope).Select(l => (l.Id, Labels: l.Labels.Select(x => x.Id).ToArray())).ToArray();
        var documentLayer = codebook.Layers.First(l => l.Scope == LayerDefinition.DocumentScope);
        var perAnnotator = Math.Max(1, annotations / documents / Annotators);
        var random = new Random(20261129);
        var count = 0;
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        await CodebookStore.InsertAsync(connection, transaction, "bench", 1, "bench", yaml, codebook, DateTimeOffset.UnixEpoch);
        using (var project = SqliteSeed.Command(connection, transaction, "INSERT INTO Projects (Id, Visibility, UpdatedAt, Name, Collection) VALUES ('bench', 'blind', '', 'Export benchmark', 'bench');"))
            project.ExecuteNonQuery();
        for (var a = 0; a < Annotators; a++)
        {
            using var user = SqliteSeed.Command(connection, transaction, "INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES ($id, $id, '');", "$id");
            user.Parameters["$id"].Value = Annotator(a);
            user.ExecuteNonQuery();
        }

        using var document = SqliteSeed.Command(connection, transaction, """
            INSERT INTO Documents (Id, ProjectId, Collection, Path, CurrentVersion, Title, TagsJson, MetadataJson, WordCount, SourceHash, FileSize, FileModifiedTicks, UpdatedAt)
            VALUES ($id, 'bench', 'bench', $path, 1, $id, '[]', '{}', 500, '', 0, 0, '');
            INSERT INTO DocumentVersions (DocumentId, Version, ContentHash, Format, Source, Text, BlocksJson, CreatedAt)
            VALUES ($id, 1, '', 'text', $text, $text, '[]', '');
            """, "$id", "$path", "$text");
        using var annotation = SqliteSeed.AnnotationCommand(connection, transaction, "bench");
        for (var d = 0; d < documents; d++)
        {
            var id = "bench.d" + d.ToString("D6", CultureInfo.InvariantCulture);
            var text = Text(random);
            document.Parameters["$id"].Value = id;
            document.Parameters["$path"].Value = $"bench/d{d:D6}.md";
            document.Parameters["$text"].Value = text;
            document.ExecuteNonQuery();
            var seq = 0;
            for (var a = 0; a < Annotators; a++)
            {
                SqliteSeed.Annotation(annotation, "bench", id, Annotator(a), "document", documentLayer.Id, documentLayer.Labels[random.Next(documentLayer.Labels.Count)].Id, null, null, ++seq);
                for (var s = 1; s < perAnnotator; s++)
                {
                    var (layer, labels) = spanLayers[random.Next(spanLayers.Length)];
                    var start = random.Next(3, text.Length - 120);
                    var end = start + random.Next(5, 120);
                    SqliteSeed.Annotation(annotation, "bench", id, Annotator(a), "span", layer, labels[random.Next(labels.Length)], start, end, ++seq, text[start..end]);
                }

                count += perAnnotator;
            }

            if (d % 10 == 0)
            {
                for (var g = 0; g < 20; g++)
                {
                    var (layer, labels) = spanLayers[random.Next(spanLayers.Length)];
                    var start = random.Next(3, text.Length - 120);
                    var end = start + random.Next(5, 120);
                    var provenance = $$"""{"action":"accepted","curatorId":"{{Annotator(0)}}","curatorName":"{{Annotator(0)}}","sources":[]}""";
                    SqliteSeed.Annotation(annotation, "bench", id, "gold", "span", layer, labels[random.Next(labels.Length)], start, end, ++seq, text[start..end], provenance);
                }
            }
        }

        transaction.Commit();
        return count;
    }

    /// <summary>About 500 words in paragraphs, opening with a character outside the BMP (two UTF-16 units).</summary>
    private static string Text(Random random)
    {
        var text = new StringBuilder("𝔸 ");
        for (var w = 0; w < 500; w++)
        {
            text.Append(Words[random.Next(Words.Length)]).Append(w % 60 == 59 ? "\n\n" : " ");
        }

        return text.ToString().TrimEnd();
    }

    private static string Annotator(int a) => "annotator-" + a.ToString(CultureInfo.InvariantCulture);
}
