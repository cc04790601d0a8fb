using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Collaboration;

/// <summary>
/// Two app instances (real server processes on two loopback ports) sharing one database and one real Redis through
/// the SignalR Redis backplane: live changes cross instances; a killed instance's client moves to the other and
/// converges; a Redis outage loses only live messages, which the sequence-number catch-up makes harmless.
/// </summary>
public sealed class BackplaneTests : IAsyncLifetime
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly string folder = TempFolder.Create();
    private RedisServer redis = null!;
    private ServerProcess first = null!;
    private ServerProcess second = null!;

    private string Database { get; set; } = "";

    public async Task InitializeAsync()
    {
        Database = TestDatabase.Create(folder);
        redis = await RedisServer.StartAsync();
        first = await ServerProcess.StartAsync(Database, ServerProcess.FreePort(), redis.Address);
        // Both see each other's work at once: the project is open.
        var (exit, _, error) = await AnnotateProcess.RunAsync("project", "mode", "default", "open", "--db", Database);
        Assert.True(exit == 0, error);
        second = await ServerProcess.StartAsync(Database, ServerProcess.FreePort(), redis.Address);
    }

    public Task DisposeAsync()
    {
        second.Dispose();
        first.Dispose();
        redis.Dispose();
        TestDatabase.Drop(Database);
        TempFolder.Delete(folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Changes_Cross_Instances_Live_And_A_Killed_Instances_Client_Converges_On_The_Other()
    {
        await using var ana = await LiveClient.SignInAsync(first.Address, "Ana");
        await using var ben = await LiveClient.SignInAsync(second.Address, "Ben");
        await ana.CatchUpAsync(Doc);
        await ben.CatchUpAsync(Doc);

        var fromAna = await ana.PutSpanAsync(Doc, 0);
        var fromBen = await ben.PutSpanAsync(Doc, 10);
        await Eventually.TrueAsync(() => ben.ReceivedLive.Contains(fromAna), "Ben, on the second instance, receives Ana's span live");
        await Eventually.TrueAsync(() => ana.ReceivedLive.Contains(fromBen), "Ana, on the first instance, receives Ben's span live");

        // Ana saves a stream, her instance dies, her client moves to the other one and catches up.
        var acknowledged = new List<string>();
        for (var i = 0; i < 20; i++)
            acknowledged.Add(await ana.PutSpanAsync(Doc, 20 + i));
        first.KillHard();
        await ana.MoveToAsync(second.Address);
        await ana.CatchUpAsync(Doc);
        await Eventually.TrueAsync(() => !ben.HasGap && acknowledged.All(ben.Applied.ContainsKey), "Ben has every span Ana saved before the kill");

        var stored = await ListAsync(ben);
        Assert.Equal(stored, ana.Applied.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(stored, ben.Applied.Keys.Order(StringComparer.Ordinal));
        Assert.Subset(stored.ToHashSet(), acknowledged.Append(fromAna).Append(fromBen).ToHashSet());
    }

    [Fact]
    public async Task Saves_Are_Stored_While_Redis_Is_Down_And_Every_Client_Converges_When_It_Returns()
    {
        await using var ana = await LiveClient.SignInAsync(first.Address, "Ana");
        await using var ben = await LiveClient.SignInAsync(second.Address, "Ben");
        await ana.CatchUpAsync(Doc);
        await ben.CatchUpAsync(Doc);

        redis.Stop();
        var during = new List<string>();
        // An outage of at least 10 s with at least 20 saves in it: on a loaded machine a save may take longer than the
        // 250 ms pause, and the outage then lasts longer rather than holding fewer saves.
        var outage = DateTime.UtcNow.AddSeconds(10);
        for (var i = 0; DateTime.UtcNow < outage || i < 20; i++)
        {
            during.Add(await (i % 2 == 0 ? ana : ben).PutSpanAsync(Doc, i % 60));
            await Task.Delay(250);
        }

        await redis.StartAgainAsync();
        // Live messages flow again once the instances have reconnected to Redis; the next change shows each client
        // the gap left by the outage, and it catches up from its last unbroken sequence number (as the web app does).
        // Both instances must have reconnected (each hears even its own clients' changes through Redis); on a loaded
        // machine the client's reconnection backs off for longer, so the wait is long, and ends as soon as both hear.
        var reconnectBy = DateTime.UtcNow.AddSeconds(60);
        string after;
        var attempt = 0;
        do
        {
            after = await ana.PutSpanAsync(Doc, 70 + attempt++); // a new stretch each time: the same one twice is a duplicate
            await Task.Delay(300);
        }
        while (!(ana.ReceivedLive.Contains(after) && ben.ReceivedLive.Contains(after)) && DateTime.UtcNow < reconnectBy);
        await Eventually.TrueAsync(() => ana.ReceivedLive.Contains(after) && ben.ReceivedLive.Contains(after), "both receive the first change after the outage live", 20_000);
        Assert.True(ana.HasGap && ben.HasGap, "the changes made during the outage were not delivered live");
        await ana.CatchUpAsync(Doc);
        await ben.CatchUpAsync(Doc);

        var stored = await ListAsync(ana);
        Assert.True(during.Count >= 20, $"only {during.Count} saves in 10 s");
        Assert.Subset(stored.ToHashSet(), during.ToHashSet());
        Assert.Equal(stored, ana.Applied.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(stored, ben.Applied.Keys.Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> ListAsync(LiveClient client)
    {
        var list = await client.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");
        return [.. list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }
}
