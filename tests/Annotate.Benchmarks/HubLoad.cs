using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Benchmarks;

/// <summary>
/// The live-collaboration load tool: N real SignalR clients on one document of a real server process, some of
/// them saving at a fixed total rate over HTTP; reports save-to-receive latency at every other client, delivery,
/// duplicates, acknowledgement latency, and the server's CPU and peak memory. With --max-rate, savers save as
/// fast as acknowledgements come back (the sustained save rate).
/// </summary>
internal static class HubLoad
{
    public const string Command = "hub-load";
    private const string Document = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Configuration = AppServer.BuildConfiguration;

    public static async Task<int> RunAsync(Arguments args)
    {
        args.Only("--clients", "--savers", "--rate", "--seconds", "--max-rate", "--instances", "--db");
        var clients = args.Int("--clients", 50, 2);
        var savers = args.Int("--savers", 5, 1);
        var rate = args.Int("--rate", 50, 1);
        var seconds = args.Int("--seconds", 10, 1);
        var maxRate = args.Has("--max-rate");
        var instances = args.Int("--instances", 1, 1);
        if (instances > 2)
        {
            throw new ArgumentException("--instances is 1 or 2.");
        }

        var scratch = Directory.CreateTempSubdirectory("annotate-hub-load-");
        // A scratch SQLite file, or an empty PostgreSQL database (--db postgres://…) the instances share.
        var database = args.String("--db") ?? Path.Combine(scratch.FullName, "annotate.db");
        var corpus = Path.Combine(AppServer.RepositoryRoot(), "corpus");
        // Two instances share the database file and a Redis on this machine; clients alternate between them, savers
        // save through the first, so half the receivers get every save from the other instance (all through Redis).
        using var redis = instances == 2 ? RedisProcess.Start() : null;
        await using var server = await AppServer.StartAsync(corpus, database, Configuration, displayName: "Load 0", redis: redis?.Address);
        await using var second = instances == 2 ? await AppServer.StartAsync(corpus, database, Configuration, session: server.Cookies, redis: redis!.Address) : null;
        AppServer[] servers = second is null ? [server] : [server, second];
        // Savers are the first users; with more savers than clients, the extra savers only save (over HTTP).
        var users = new List<User> { new(server.Api, server.Cookies) };
        users.AddRange(await SignInAsync(server, Math.Max(savers, Math.Min(clients, 100)) - 1));
        (await users[0].Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        var receipts = new ConcurrentQueue<(int Client, string Id, long At)>();
        var connections = await ConnectAsync([.. servers.Select(s => s.BaseAddress)], users, clients, receipts);
        Console.Error.WriteLine($"{clients} clients joined on {servers.Length} instance(s); saving for {seconds} s …");

        var cpuBefore = servers.Sum(s => s.CpuSeconds());
        var sends = new ConcurrentDictionary<string, (int Saver, long At)>();
        var acks = new ConcurrentQueue<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        if (maxRate)
        {
            await Task.WhenAll(Enumerable.Range(0, savers).Select(s => SaveLoopAsync(users[s % users.Count], s, seconds, sends, acks, () => Interlocked.Increment(ref failures))));
        }
        else
        {
            await PacedSavesAsync(users, savers, rate, seconds, sends, acks, () => Interlocked.Increment(ref failures));
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the last broadcasts arrive
        var cpu = servers.Sum(s => s.CpuSeconds()) - cpuBefore;
        Report(clients, savers, maxRate ? null : rate, elapsed, sends, acks, receipts, failures, cpu, servers.Sum(s => s.PeakMemoryMiB()));
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        scratch.Delete(recursive: true);
        return 0;
    }

    private sealed record User(HttpClient Http, CookieContainer Cookies);

    private static async Task<List<User>> SignInAsync(AppServer server, int count)
    {
        var users = new List<User>();
        for (var i = 0; i < count; i++)
        {
            var (http, cookies) = await server.SignInAsync($"Load {i + 1}");
            users.Add(new User(http, cookies));
        }

        return users;
    }

    private static async Task<List<HubConnection>> ConnectAsync(Uri[] addresses, List<User> users, int clients, ConcurrentQueue<(int, string, long)> receipts)
    {
        var connections = new List<HubConnection>();
        for (var i = 0; i < clients; i++)
        {
            var client = i;
            var address = addresses[i % addresses.Length];
            var hub = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/annotations"), o => o.Cookies = users[i % users.Count].Cookies).Build();
            hub.On<JsonElement>("AnnotationChanged", change =>
                receipts.Enqueue((client, change.GetProperty("annotation").GetProperty("id").GetString()!, Stopwatch.GetTimestamp())));
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinDocument", Document, 0L);
            connections.Add(hub);
        }

        return connections;
    }

    private static async Task PacedSavesAsync(List<User> users, int savers, int rate, int seconds, ConcurrentDictionary<string, (int, long)> sends,
        ConcurrentQueue<double> acks, Action failed)
    {
        var inFlight = new List<Task>();
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        for (var n = 0; n < rate * seconds; n++)
        {
            var due = start + (long)(n * interval);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (due - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            }

            inFlight.Add(SaveOnceAsync(users[n % savers % users.Count], n % savers, n, sends, acks, failed));
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task SaveLoopAsync(User user, int saver, int seconds, ConcurrentDictionary<string, (int, long)> sends, ConcurrentQueue<double> acks, Action failed)
    {
        var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        for (var n = saver * 1_000_000; Stopwatch.GetTimestamp() < until; n++)
        {
            await SaveOnceAsync(user, saver, n, sends, acks, failed);
        }
    }

    private static async Task SaveOnceAsync(User user, int saver, int n, ConcurrentDictionary<string, (int, long)> sends, ConcurrentQueue<double> acks, Action failed)
    {
        var id = Guid.NewGuid().ToString();
        // A new stretch for each save (8,000 before one repeats): the same person's identical span twice is refused.
        var sent = Stopwatch.GetTimestamp();
        sends[id] = (saver, sent);
        var response = await user.Http.PutAsJsonAsync($"/api/documents/{Document}/annotations/{id}", new { layer = "frame", label = "protest", start = n % 400, end = (n % 400) + 1 + (n / 400 % 20) });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            acks.Enqueue(Milliseconds(Stopwatch.GetTimestamp() - sent));
        }
        else
        {
            sends.TryRemove(id, out _);
            failed();
        }
    }

    private static void Report(int clients, int savers, int? rate, double seconds, ConcurrentDictionary<string, (int Saver, long At)> sends, ConcurrentQueue<double> acks,
        ConcurrentQueue<(int Client, string Id, long At)> receipts, int failures, double cpu, double peakMiB)
    {
        var latencies = new List<double>();
        var unique = new HashSet<(int, string)>();
        var duplicates = 0;
        foreach (var (client, id, at) in receipts)
        {
            if (!unique.Add((client, id)))
            {
                duplicates++;
            }
            else if (sends.TryGetValue(id, out var send) && send.Saver != client)
            {
                latencies.Add(Milliseconds(at - send.At));
            }
        }

        latencies.Sort();
        var ackList = acks.Order().ToList();
        // Every client receives every save, except a saver's own connection (savers beyond --clients have none).
        var expected = sends.Values.Sum(s => (long)(s.Saver < clients ? clients - 1 : clients));
        var delivered = latencies.Count;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {clients} | {savers} | {(rate is { } r ? r.ToString(CultureInfo.InvariantCulture) : "max")} | {sends.Count / seconds:F0} | {Stats.Percentile(latencies, 50):F1} | {Stats.Percentile(latencies, 99):F1} | {latencies.LastOrDefault():F1} | {100.0 * delivered / Math.Max(1, expected):F2}% | {duplicates} | {Stats.Percentile(ackList, 50):F1} | {Stats.Percentile(ackList, 99):F1} | {failures} | {cpu / seconds * 100:F0}% | {peakMiB:F0} |");
        Console.WriteLine("| clients | savers | target saves/s | saves/s | p50 ms | p99 ms | max ms | delivered | duplicates | ack p50 ms | ack p99 ms | failed saves | server CPU | server peak MiB |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine(line);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
