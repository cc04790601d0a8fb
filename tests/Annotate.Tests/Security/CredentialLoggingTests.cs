using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// Secrets that ride in URLs (the hub's access_token, a class link's ticket) never reach a log at any level, and the
/// server keeps its own settings and leaves nothing behind when started from another folder.
/// </summary>
public sealed class CredentialLoggingTests : IDisposable
{
    private const string Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e";
    private readonly AnnotateApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Hub_Tokens_And_Class_Tickets_In_Urls_Never_Reach_A_Log_At_Any_Level()
    {
        var owner = await app.SignedInClientAsync("Token Owner");
        var created = await (await owner.PostAsJsonAsync("/api/tokens", new { name = "hub script" })).Content.ReadFromJsonAsync<JsonElement>();
        var token = Uri.EscapeDataString(created.GetProperty("token").GetString()!);
        var ticket = "TKT" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        // A script or browser without headers: the token in the query on every request, as the SignalR JS client does.
        using var script = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

        var polling = await NegotiateAsync(script, $"access_token={token}");
        var hub = $"/hubs/annotations?id={polling}&access_token={token}";
        var firstPoll = await script.GetAsync(hub);
        var handshake = await script.PostAsync(hub, new StringContent(Handshake, Encoding.UTF8, "text/plain"));
        var reply = await script.GetStringAsync(hub);
        await script.DeleteAsync(hub);
        var events = await NegotiateAsync(script, $"Access_Token={token}");
        using (var stream = new HttpRequestMessage(HttpMethod.Get, $"/hubs/annotations?id={events}&Access_Token={token}"))
        {
            stream.Headers.Add("Accept", "text/event-stream");
            using var open = await script.SendAsync(stream, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        var joinPage = await script.GetAsync($"/join?ticket={ticket}");
        var joinWithCode = await script.GetAsync($"/join?code=ABCDEFGH&ticket={ticket}");
        // A request line Kestrel rejects: it logs the line, escaped, in the message and in the exception.
        var rejected = await RawRequestAsync($"GET /hubs/annotations?access_token={token}\u0000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        Assert.Equal(HttpStatusCode.OK, firstPoll.StatusCode);
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.StartsWith("{}", reply, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, joinPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, joinWithCode.StatusCode);
        Assert.StartsWith("HTTP/1.1 400", rejected, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, line => line.Contains("/hubs/annotations/negotiate", StringComparison.Ordinal) && line.Contains("access_token=[redacted]", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, line => line.Contains("/join?ticket=[redacted]", StringComparison.Ordinal));
        foreach (var secret in new[] { token, Uri.UnescapeDataString(token), ticket })
        {
            Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_Server_Started_From_Another_Folder_Keeps_Its_Settings_And_Leaves_Only_What_It_Was_Asked_For()
    {
        var elsewhere = TempFolder.Create();
        var database = TestDatabase.UsePostgres ? TestDatabase.Create(elsewhere) : Path.Combine("typed", "annotate.db");
        try
        {
            using var server = await ServerProcess.StartAsync(database, ServerProcess.FreePort(), workingDirectory: elsewhere);
            using var client = new HttpClient { BaseAddress = server.Address };
            const string secret = "not-a-real-token-but-a-secret-all-the-same";

            // The server answers as soon as it listens, a moment before it logs that it does; a stop in that moment
            // would leave the line unwritten, so wait for it first.
            await Eventually.TrueAsync(() => server.Output.Any(line => line.Contains("Now listening on", StringComparison.Ordinal)), "the server says it has started", 30_000);
            await client.PostAsync($"/hubs/annotations/negotiate?negotiateVersion=1&access_token={secret}", null);
            await client.GetAsync("/api/session");
            // The console logger writes from a queue: stopping the server drains it, so nothing is still on its way.
            await server.StopAsync();

            var output = string.Join('\n', server.Output);
            Assert.Contains("Now listening on", output, StringComparison.Ordinal);
            // appsettings.json beside the program sets Microsoft.AspNetCore to Warning: no request lines on the console.
            Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            var left = Directory.GetFileSystemEntries(elsewhere).Select(entry => Path.GetFileName(entry)).ToArray();
            if (TestDatabase.UsePostgres)
            {
                Assert.Empty(left);
            }
            else
            {
                // The relative --db resolves against the folder the command ran in, and its keys sit beside it.
                Assert.Equal(["typed"], left);
                Assert.True(File.Exists(Path.Combine(elsewhere, "typed", "annotate.db")));
                Assert.True(Directory.Exists(Path.Combine(elsewhere, "typed", "keys")));
            }
        }
        finally
        {
            TestDatabase.Drop(database);
            TempFolder.Delete(elsewhere);
        }
    }

    private async Task<string> RawRequestAsync(string request)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(app.ClientOptions.BaseAddress.Host, app.ClientOptions.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    // A connection token from the hub's negotiation, with the query the caller authenticates by.
    private static async Task<string> NegotiateAsync(HttpClient client, string credentials)
    {
        var response = await client.PostAsync($"/hubs/annotations/negotiate?negotiateVersion=1&{credentials}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Uri.EscapeDataString(body.GetProperty("connectionToken").GetString()!);
    }
}
