using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>Issue 12, point 4: a revoked API token ends the hub connections made with it, not only new requests.</summary>
public sealed class TokenRevocationHubTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly NetworkAccounts accounts;

    public TokenRevocationHubTests() => accounts = new NetworkAccounts(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Revoking_A_Token_Closes_Every_Hub_Connection_Made_With_It_Within_Two_Seconds()
    {
        await accounts.StartAsync();
        await accounts.AddAsync("sam", "annotator");
        var sam = await accounts.SignInAsync("sam");
        var created = await (await sam.PostAsJsonAsync("/api/tokens", new { name = "live script" })).Content.ReadFromJsonAsync<JsonElement>();
        var token = created.GetProperty("token").GetString()!;
        var joined = accounts.TokenHub(token);
        var idle = accounts.TokenHub(token);
        var joinedClosed = NetworkAccounts.ClosedAsync(joined);
        var idleClosed = NetworkAccounts.ClosedAsync(idle);
        await joined.StartAsync();
        await idle.StartAsync();
        await joined.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L);
        await using var cookieSession = await accounts.HubAsync("sam");

        var revoked = await sam.DeleteAsync($"/api/tokens/{created.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await Task.WhenAll(joinedClosed, idleClosed).WaitAsync(TimeSpan.FromSeconds(2));
        var reconnect = accounts.TokenHub(token);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => reconnect.StartAsync());
        await cookieSession.JoinAsync(Doc); // the person's own session is untouched: only the token ended
        await Task.WhenAll(joined.DisposeAsync().AsTask(), idle.DisposeAsync().AsTask(), reconnect.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task A_Hub_Call_With_A_Token_Revoked_Elsewhere_Fails_At_Once()
    {
        await accounts.StartAsync();
        await accounts.AddAsync("sam", "annotator");
        var token = await accounts.TokenAsync("sam");
        var hub = accounts.TokenHub(token);
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L);
        var sam = await accounts.SignInAsync("sam");
        var id = (await sam.GetFromJsonAsync<JsonElement>("/api/tokens")).EnumerateArray().Single().GetProperty("id").GetString();

        // Revoked in the database by another instance: nothing here wakes the sweep, so the call meets the check first.
        await RevokeInDatabaseAsync(id!);
        var call = await Record.ExceptionAsync(() => hub.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L));

        Assert.NotNull(call);
        await Eventually.TrueAsync(() => hub.State == HubConnectionState.Disconnected, "the connection is closed");
        await hub.DisposeAsync();
    }

    private async Task RevokeInDatabaseAsync(string tokenId)
    {
        await using var connection = await new Annotate.Data.Db(app.DatabasePath).OpenAsync();
        Assert.Equal(1, await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE ApiTokens SET RevokedAt = '2026-01-01T00:00:00Z' WHERE Id = @Id;", new { Id = tokenId }));
    }
}
