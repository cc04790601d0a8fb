using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Benchmarks;

/// <summary>
/// The live agreement view under load: a real server process, V viewers following a document's agreement page
/// (WatchAgreement, and a refetch of the report on every AgreementChanged, as the browser does) while S annotators
/// save spans at a fixed total rate. Reports how long after a save each viewer holds figures that include it
/// (the view's promise: within a second), and the saves' acknowledgement latency, to compare with --viewers 0.
/// </summary>
internal static class AgreementLive
{
    public const string Command = "agreement-live";
    private const string Document = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--viewers", "--savers", "--rate", "--seconds");
        var viewers = args.Int("--viewers", 30, 0);
        var savers = args.Int("--savers", 5, 2);
        var rate = args.Int("--rate", 10, 1);
        var seconds = args.Int("--seconds", 20, 1);

        var scratch = Directory.CreateTempSubdirectory("annotate-agreement-live-");
        await using var server = await AppServer.StartAsync(Path.Combine(AppServer.RepositoryRoot(), "corpus"), Path.Combine(scratch.FullName, "annotate.db"), AppServer.BuildConfiguration, displayName: "Saver 0");
        var saverClients = new List<HttpClient> { server.Api };
        for (var i = 1; i < savers; i++)
            saverClients.Add((await server.SignInAsync($"Saver {i}")).Http);
        (await server.Api.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();

        // Each viewer records when it first held a report counting at least k spans on the document.
        var seen = new ConcurrentQueue<(int Spans, long At)>[viewers];
        var fetches = 0;
        var connections = new List<HubConnection>();
        for (var v = 0; v < viewers; v++)
        {
            var (http, cookies) = await server.SignInAsync($"Viewer {v}");
            var log = seen[v] = new ConcurrentQueue<(int, long)>();
            var hub = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/annotations"), o => o.Cookies = cookies).Build();
            var gate = new SemaphoreSlim(1, 1);
            hub.On<JsonElement>("AgreementChanged", async _ =>
            {
                // One fetch at a time per viewer, as the page does; a change during a fetch triggers another.
                await gate.WaitAsync();
                try
                {
                    Interlocked.Increment(ref fetches);
                    var report = await http.GetFromJsonAsync<JsonElement>($"/api/projects/default/agreement?document={Document}");
                    var spans = report.GetProperty("documents").EnumerateArray().Sum(d => d.GetProperty("spans").GetInt32());
                    log.Enqueue((spans, Stopwatch.GetTimestamp()));
                }
                finally
                {
                    gate.Release();
                }
            });
            await hub.StartAsync();
            await hub.InvokeAsync("WatchAgreement", "default");
            connections.Add(hub);
        }

        Console.Error.WriteLine($"{viewers} viewers watching; {savers} annotators saving {rate}/s for {seconds} s …");
        var cpuBefore = server.CpuSeconds();
        var acked = new ConcurrentDictionary<int, (long Sent, long Acked)>();
        var failures = 0;
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>();
        var total = rate * seconds;
        for (var n = 0; n < total; n++)
        {
            var due = start + (long)(n * interval);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            var saver = saverClients[n % savers];
            var number = n;
            inFlight.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                var at = 10 + (number * 7 % 2000);
                var response = await saver.PutAsJsonAsync($"/api/documents/{Document}/annotations/{Guid.NewGuid()}",
                    new { layer = "frame", label = number % 3 == 0 ? "security" : "protest", start = at, end = at + 5 + (number % 30) });
                if (response.StatusCode == HttpStatusCode.Created)
                    acked[number] = (sent, Stopwatch.GetTimestamp());
                else
                    Interlocked.Increment(ref failures);
            }));
        }

        await Task.WhenAll(inFlight);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last notifications and fetches
        var cpu = server.CpuSeconds() - cpuBefore;

        // The k-th acknowledged save (in acknowledgement order) is included once a report counts k spans.
        var ackOrder = acked.Values.OrderBy(a => a.Acked).ToList();
        var freshness = new List<double>();
        var missing = 0;
        foreach (var log in seen)
        {
            var reports = log.ToList();
            for (var k = 0; k < ackOrder.Count; k++)
            {
                var first = reports.FirstOrDefault(r => r.Spans >= k + 1 && r.At >= ackOrder[k].Acked);
                if (first == default)
                    missing++;
                else
                    freshness.Add(Milliseconds(first.At - ackOrder[k].Acked));
            }
        }

        freshness.Sort();
        var acks = ackOrder.Select(a => Milliseconds(a.Acked - a.Sent)).Order().ToList();
        Console.WriteLine("| viewers | savers | saves/s | ack p50 ms | ack p99 ms | figures fresh p50 ms | p99 ms | max ms | never fresh | report fetches | failed saves | server CPU | server peak MiB |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {viewers} | {savers} | {rate} | {Stats.Percentile(acks, 50):F1} | {Stats.Percentile(acks, 99):F1} | {Stats.Percentile(freshness, 50):F0} | {Stats.Percentile(freshness, 99):F0} | {freshness.LastOrDefault():F0} | {missing} | {fetches} | {failures} | {cpu / seconds * 100:F0}% | {server.PeakMemoryMiB():F0} |"));
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        scratch.Delete(recursive: true);
        return 0;
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
