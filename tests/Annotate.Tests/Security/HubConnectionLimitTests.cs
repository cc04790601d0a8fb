using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>Issue 12, point 13 (part): one person holds at most 20 live hub connections on an instance.</summary>
public sealed class HubConnectionLimitTests : IDisposable
{
    private const int Limit = 20;
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly NetworkAccounts accounts;

    public HubConnectionLimitTests() => accounts = new NetworkAccounts(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_Twenty_First_Connection_Of_One_Person_Is_Refused_With_A_Clear_Message_And_A_Freed_Place_Is_Reusable()
    {
        await accounts.StartAsync();
        await accounts.AddAsync("flo", "annotator");
        await accounts.AddAsync("gus", "annotator");
        var token = await accounts.TokenAsync("flo");
        var open = new List<HubConnection>();
        for (var i = 0; i < Limit; i++)
        {
            var hub = accounts.TokenHub(token);
            await hub.StartAsync();
            open.Add(hub);
        }

        // The server answers a call only after its connect step has counted (or refused) the connection, so an answer on
        // each means all twenty were admitted: no pause needed before asking for a twenty-first.
        foreach (var hub in open)
        {
            await hub.InvokeAsync<System.Text.Json.JsonElement>("JoinDocument", Doc, 0L);
        }

        var extra = accounts.TokenHub(token);
        var refused = await RefusalAsync(extra);
        await using var other = await accounts.HubAsync("gus"); // another person is not affected
        await open[0].DisposeAsync();
        // The client's close returns before the server has run the connection's end and freed its place: wait for that
        // (the place is freed once a new connection is taken), never for a fixed time.
        HubConnection reused;
        Task reusedClosed;
        System.Text.Json.JsonElement joined;
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            reused = accounts.TokenHub(token);
            reusedClosed = NetworkAccounts.ClosedAsync(reused);
            await reused.StartAsync();
            try
            {
                joined = await reused.InvokeAsync<System.Text.Json.JsonElement>("JoinDocument", Doc, 0L);
                break;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException error) when (error.Message.Contains("Too many live connections", StringComparison.Ordinal) && DateTime.UtcNow < until)
            {
                await reused.DisposeAsync();
                await Task.Delay(50);
            }
        }

        Assert.All(open.Skip(1), h => Assert.Equal(HubConnectionState.Connected, h.State));
        Assert.Contains("Too many live connections: at most 20 per person", refused, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, other.Hub.State);
        Assert.False(reusedClosed.IsCompleted);
        Assert.True(joined.TryGetProperty("lastSeq", out _));
        foreach (var hub in open.Skip(1).Append(extra).Append(reused))
        {
            await hub.DisposeAsync();
        }
    }

    // The server refuses after the handshake: the start may still succeed, then the connection closes with the message.
    private static async Task<string> RefusalAsync(HubConnection hub)
    {
        var closed = NetworkAccounts.ClosedAsync(hub);
        try
        {
            await hub.StartAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.Message;
        }

        return (await closed.WaitAsync(TimeSpan.FromSeconds(5)))?.Message ?? "(closed without an error)";
    }
}
