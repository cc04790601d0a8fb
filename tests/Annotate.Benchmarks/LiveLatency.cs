using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Annotate.Benchmarks;

/// <summary>
/// From one browser's label key to the span drawn in other browsers: a real server process, one headless Chromium,
/// a writer page and N reader pages (each its own context and person) on one document of an open project. The
/// writer selects a stretch and presses a label key; each reader notes when the span's highlight first appears.
/// Exit code 1 when the p99 over every reader and span reaches the target.
/// </summary>
internal static class LiveLatency
{
    public const string Command = "live-latency";
    public const double TargetP99Ms = 150;
    private const string Document = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const int MissAfterMs = 5000;

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--readers", "--spans", "--runs", "--warmup", "--pause");
        var readerCount = args.Int("--readers", 10, min: 1);
        var spans = args.Int("--spans", 100, min: 1);
        var runs = args.Int("--runs", 1, min: 1);
        var warmup = args.Int("--warmup", 3, min: 0);
        var pause = args.Int("--pause", 250, min: 0);
        var loadBefore = MachineInfo.LoadAverage();
        var scratch = Directory.CreateTempSubdirectory("annotate-live-latency-");
        try
        {
            var corpus = Path.Combine(AppServer.RepositoryRoot(), "corpus");
            await using var server = await AppServer.StartAsync(corpus, Path.Combine(scratch.FullName, "annotate.db"), AppServer.BuildConfiguration, displayName: "Writer");
            (await server.Api.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
            await using var chromium = await Chromium.LaunchAsync();
            var writer = await OpenAsync(chromium, server.BaseAddress, server.Cookies);
            var readers = new List<IPage>();
            for (var i = 1; i <= readerCount; i++)
            {
                var (http, cookies) = await server.SignInAsync($"Reader {i}");
                http.Dispose();
                readers.Add(await OpenAsync(chromium, server.BaseAddress, cookies));
            }

            var stretches = await StretchesAsync(writer, warmup + (spans * runs));
            Console.Error.WriteLine($"{readerCount} readers and a writer on {Document}; {warmup} warm-up spans, then {runs} run(s) of {spans} …");
            var next = 0;
            for (var i = 0; i < warmup; i++)
            {
                await LabelAsync(writer, stretches[next++]);
                await Task.Delay(pause);
            }

            var all = new List<LiveLatencyRun>();
            Console.WriteLine(LiveLatencyRun.Header);
            for (var run = 1; run <= runs; run++)
            {
                var result = new LiveLatencyRun(run.ToString(CultureInfo.InvariantCulture), readerCount);
                var cpu = server.CpuSeconds();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var keys = new List<WriterKey?>();
                for (var i = 0; i < spans; i++)
                {
                    keys.Add(await LabelAsync(writer, stretches[next++]));
                    await Task.Delay(pause);
                }

                result.AddServerCpu(server.CpuSeconds() - cpu, clock.Elapsed.TotalSeconds);
                await CollectAsync(readers, keys, result);
                all.Add(result);
                Console.WriteLine(result.Row());
            }

            var total = runs == 1 ? all[0] : LiveLatencyRun.Combine(all);
            if (runs > 1)
            {
                Console.WriteLine(total.Row());
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Machine: {Environment.ProcessorCount} cores; Chromium {chromium.Browser.Version} (headless, 1440×900); build {AppServer.BuildConfiguration}; load average (1/5/15 min) {loadBefore} before, {MachineInfo.LoadAverage()} after; CPU pressure {MachineInfo.CpuPressure()}."));
            Console.WriteLine(total.Summary(TargetP99Ms));
            Console.WriteLine();
            Console.WriteLine(total.Breakdown());
            return total.P99 < TargetP99Ms ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>A page of its own context, signed in, on the document, ready, with the probe installed.</summary>
    private static async Task<IPage> OpenAsync(Chromium chromium, Uri baseAddress, System.Net.CookieContainer cookies)
    {
        var context = await chromium.NewContextAsync(baseAddress, cookies);
        await context.AddInitScriptAsync(LiveLatencyProbe.HubReceipts);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Chromium.DocumentPath(Document));
        await page.WaitForFunctionAsync(Chromium.AnnotationsDrawn);
        // Joined live and in the open mode: only then do others' spans arrive.
        await page.Locator("[data-testid=visibility][data-mode=open]").WaitForAsync();
        await page.EvaluateAsync(LiveLatencyProbe.Install);
        return page;
    }

    /// <summary>Distinct word-aligned stretches of the paragraphs on screen (the same span twice would be refused).</summary>
    private static async Task<List<(string Block, int Start, int End)>> StretchesAsync(IPage writer, int count)
    {
        var paragraphs = await writer.EvaluateAsync<string[][]>(LiveLatencyProbe.VisibleParagraphs);
        var words = paragraphs.Select(p => (Block: p[0], Words: AppServer.Token().Matches(p[1]).ToArray())).ToList();
        var stretches = (
            from length in Enumerable.Range(1, 6)
            from first in Enumerable.Range(0, words.Max(p => p.Words.Length))
            from p in words
            where first + length <= p.Words.Length
            let last = p.Words[first + length - 1]
            select (p.Block, p.Words[first].Index, last.Index + last.Length)).Take(count).ToList();
        return stretches.Count == count ? stretches
            : throw new ArgumentException($"only {stretches.Count} distinct stretches on screen; ask for fewer spans.");
    }

    /// <summary>The writer's side of one label key, in page time (ms since the epoch; 0: not seen).</summary>
    private sealed record WriterKey(string Id, double Key, double Drawn, double Sent, double Answered, double Acked);

    /// <summary>Selects a stretch, presses b (Blockade), and waits for the writer's own highlight and the save's answer.</summary>
    private static async Task<WriterKey?> LabelAsync(IPage writer, (string Block, int Start, int End) stretch)
    {
        var count = await writer.EvaluateAsync<int>("() => __live.count()");
        await writer.Locator($"[data-block='{stretch.Block}']").EvaluateAsync(PageScripts.SelectInBlock, new[] { stretch.Start, stretch.End });
        await writer.Keyboard.PressAsync("b");
        var created = await writer.EvaluateAsync<JsonElement>("([count, ms]) => __live.created(count, ms)", new[] { count, MissAfterMs });
        if (created.ValueKind != JsonValueKind.Object)
        {
            Console.Error.WriteLine($"No span drawn at the writer for {stretch}.");
            return null;
        }

        double At(string name) => created.GetProperty(name).GetDouble();
        return new WriterKey(created.GetProperty("id").GetString()!, At("key"), At("drawn"), At("sent"), At("answered"), At("acked"));
    }

    /// <summary>
    /// After a run (so that the benchmark does not talk to the readers while they receive and draw): what each reader
    /// saw of each span, waiting at most until 5 s after the last key.
    /// </summary>
    private static async Task CollectAsync(List<IPage> readers, List<WriterKey?> keys, LiveLatencyRun result)
    {
        var made = keys.OfType<WriterKey>().ToList();
        var ids = made.Select(k => k.Id).ToArray();
        var deadline = made.Count == 0 ? 0 : made[^1].Key + MissAfterMs;
        var seen = await Task.WhenAll(readers.Select(r => r.EvaluateAsync<double[][]>("([ids, deadline]) => __live.report(ids, deadline)", new object[] { ids, deadline })));
        static double Since(double at, double key, double limit = double.MaxValue) => at > 0 && at - key <= limit ? at - key : double.NaN;
        for (var i = 0; i < made.Count; i++)
        {
            var k = made[i];
            result.Add(new LiveLatencySample(Since(k.Drawn, k.Key), Since(k.Sent, k.Key), Since(k.Answered, k.Key), Since(k.Acked, k.Key),
                [.. seen.Select(r => (Since(r[i][1], k.Key), Since(r[i][0], k.Key, MissAfterMs)))]));
        }

        for (var missing = keys.Count - made.Count; missing > 0; missing--)
        {
            result.Add(null);
        }
    }
}
