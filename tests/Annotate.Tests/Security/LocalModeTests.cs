using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// Local mode (display-name sign-in, any annotator may switch the visibility) only for requests made on the server's
/// own machine: never through a reverse proxy on that machine, never under a foreign Host name (DNS rebinding).
/// </summary>
public sealed class LocalModeTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Forwarded-Host", "annotate.example.edu")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task A_Display_Name_Sign_In_Relayed_By_A_Proxy_On_This_Machine_Is_Refused(string header, string value)
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { displayName = "Mallory" }) };
        request.Headers.Add(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("An account is needed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task An_Annotator_Can_Switch_The_Visibility_At_The_Keyboard_But_Not_Through_A_Proxy()
    {
        var annotator = await app.SignedInClientAsync("Keyboard Annotator");
        await annotator.PatchAsJsonAsync("/api/projects/default", new { visibility = "blind" });

        using var proxied = new HttpRequestMessage(HttpMethod.Patch, "/api/projects/default") { Content = JsonContent.Create(new { visibility = "open" }) };
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var throughProxy = await annotator.SendAsync(proxied);
        var modeAfterProxy = (await annotator.GetFromJsonAsync<JsonElement>("/api/projects/default")).GetProperty("visibility").GetString();
        var atKeyboard = await annotator.PatchAsJsonAsync("/api/projects/default", new { visibility = "reveal" });
        await annotator.PatchAsJsonAsync("/api/projects/default", new { visibility = "blind" });

        Assert.Equal(HttpStatusCode.Forbidden, throughProxy.StatusCode);
        Assert.Equal("blind", modeAfterProxy);
        Assert.Equal(HttpStatusCode.OK, atKeyboard.StatusCode);
    }

    [Fact]
    public async Task A_Corpus_Rescan_Through_A_Proxy_Needs_An_Owner()
    {
        var annotator = await app.SignedInClientAsync("Rescan Annotator");

        using var proxied = new HttpRequestMessage(HttpMethod.Post, "/api/corpus/reload");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await annotator.SendAsync(proxied);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/session")]
    [InlineData("/")]
    [InlineData("/hubs/annotations/negotiate?negotiateVersion=1")]
    public async Task A_Page_Under_A_Rebound_Dns_Name_Cannot_Reach_A_Local_Mode_Server(string path)
    {
        var client = await app.SignedInClientAsync("Rebinding Victim");
        using var request = new HttpRequestMessage(path.StartsWith("/hubs", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.Host = "attacker.example:" + app.ClientOptions.BaseAddress.Port;

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.Contains("Unknown host name", body, StringComparison.Ordinal);
        Assert.Contains("'attacker.example'", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Rebinding Victim", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Loopback_Host_Names_Are_Local_With_Any_Port(string host)
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { displayName = "At the keyboard" }) };
        request.Headers.Host = $"{host}:{app.ClientOptions.BaseAddress.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_Readme_Deployment_Behind_A_Proxy_On_127_0_0_1_Gets_No_Local_Mode()
    {
        var folder = TempFolder.Create();
        var database = TestDatabase.Create(folder);
        try
        {
            // `serve --urls http://127.0.0.1:PORT` without Annotate:LocalMode: the configuration guesses local mode.
            using var server = await ServerProcess.StartAsync(database, ServerProcess.FreePort());
            using var client = AntiforgeryHandler.Client(server.Address, new CookieContainer());

            // nginx as in the README: Host is the site's name, X-Forwarded-For the visitor.
            using var named = SignIn(("Host", "annotate.example.edu"), ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"));
            // nginx without `proxy_set_header Host`: Host stays 127.0.0.1:PORT.
            using var unnamed = SignIn(("X-Forwarded-For", "203.0.113.7"));
            using var plain = SignIn();
            var viaName = await client.SendAsync(named);
            var viaLoopback = await client.SendAsync(unnamed);
            var direct = await client.SendAsync(plain);

            Assert.Equal(HttpStatusCode.MisdirectedRequest, viaName.StatusCode);
            Assert.Contains("Annotate:LocalMode=false", await viaName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, viaLoopback.StatusCode);
            Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        }
        finally
        {
            TestDatabase.Drop(database);
            TempFolder.Delete(folder);
        }
    }

    private static HttpRequestMessage SignIn(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { displayName = "Visitor" }) };
        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.Add(name, value);
            }
        }

        return request;
    }
}
