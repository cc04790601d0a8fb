using System.Diagnostics;
using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Projects;

namespace Annotate.Benchmarks;

/// <summary>
/// Diagnostic: one project agreement report computed in this process, as `annotate agreement --project` computes it,
/// on an existing database (for instance the one `agreement-scale --dir PATH --keep` left): wall time, CPU time,
/// bytes allocated, garbage collections and their pauses, peak working set. Allocated bytes and CPU time are what a
/// change to the per-document work moves even on a loaded machine, where wall time mostly measures the load.
/// </summary>
internal static class AgreementReportProfile
{
    public const string Command = "agreement-report-profile";

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--db", "--project", "--out", "--sequential", "--stages");
        var database = new Db(args.Required("--db"));
        await Migrator.MigrateAsync(database, CancellationToken.None);
        var project = await new ProjectStore(database, TimeProvider.System).GetAsync(args.String("--project") ?? "bench", CancellationToken.None)
            ?? throw new ArgumentException("no such project.");
        using var texts = new VersionTexts(new DocumentStore(database));
        var store = new AgreementStore(database, texts, new CodebookStore(database), new AnnotatorStore(database, TimeProvider.System));

        if (args.Has("--stages"))
        {
            await StagesAsync(store, project.Id, args.Int("--stages", 1000, 1));
            return 0;
        }

        var process = Process.GetCurrentProcess();
        var (cpu, allocated, pause) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration());
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        var report = await ProjectAgreement.ComputeAsync(store, project, null, new AgreementOptions(), CancellationToken.None, parallel: !args.Has("--sequential"));
        clock.Stop();
        process.Refresh();
        Console.WriteLine($"wall {clock.Elapsed.TotalSeconds:0.00} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s, " +
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1 << 20):N0} MiB, " +
            $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen0/1/2), " +
            $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.00} s, peak working set {process.PeakWorkingSet64 >> 20} MiB, " +
            $"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        if (args.String("--out") is { } path)
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, AgreementJson.Options) + "\n");
        return 0;
    }

    // The per-document steps one by one on the first documents, on this thread: bytes allocated and time of each.
    private static async Task StagesAsync(AgreementStore store, string projectId, int documents)
    {
        var totals = new Dictionary<string, (long Bytes, TimeSpan Time)>(StringComparer.Ordinal);
        T Measure<T>(string stage, Func<T> work)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var result = work();
            var (bytes, time) = totals.GetValueOrDefault(stage);
            totals[stage] = (bytes + GC.GetAllocatedBytesForCurrentThread() - before, time + clock.Elapsed);
            return result;
        }

        var count = 0;
        var enumerator = store.StreamAsync(projectId, null, null, CancellationToken.None).GetAsyncEnumerator();
        while (count < documents && Measure("read (stream, text)", () => enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult()))
        {
            count++;
            var rows = enumerator.Current;
            var document = rows.Document;
            var tokens = Measure("tokenize", () => document.Tokens);
            var coders = rows.Live.Select(a => a.AnnotatorId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var byDocument = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [document.Id] = coders };
            foreach (var layer in rows.Live.Where(a => a.Kind == "span").GroupBy(a => a.Layer))
            {
                var spans = layer.Select(a => new Annotate.Agreement.Spans.LabelledSpan(document.Id, a.AnnotatorId, (int)a.StartOffset!.Value, (int)a.EndOffset!.Value, a.Label)).ToList();
                var built = Measure("token ratings build", () => Annotate.Agreement.Spans.TokenRatings.Build(spans, tokens, byDocument));
                Measure("token coincidences", () => built.Coincidences());
                Measure("pairwise F1 overlap", () => Annotate.Agreement.Spans.SpanAgreement.PairwiseF1(spans, Annotate.Agreement.Spans.SpanMatching.Overlap, null, byDocument));
                Measure("matches by pair", () => Annotate.Agreement.Spans.SpanAgreement.MatchesByPair(spans, coders));
                Measure("disagreements", () => Annotate.Agreement.Spans.SpanAgreement.Disagreements(spans, byDocument));
                Measure("label coincidences", () => built.LabelCoincidences([.. spans.Select(s => s.Label).Distinct(), "\u0000unused"]));
                Measure("pair coincidences", () => built.PairCoincidences(coders));
            }

            Measure("document pieces (all of it)", () => DocumentPieces.Compute(document, rows.Head.Revision, rows.Live, rows.LeftOut));
        }

        foreach (var (stage, (bytes, time)) in totals)
            Console.WriteLine($"{stage,-30} {bytes / count / 1024.0,10:N1} KiB/document {time.TotalMilliseconds / count,8:N3} ms/document");
    }
}
