using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>
/// Accounts, roles and tokens on a server reachable from the network (no display-name sign-in), with accounts set
/// up by the real `annotate` command line against the running server's database.
/// </summary>
public sealed class AccountsAndRolesTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Password = "correct horse battery";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    private async Task AddUserAsync(string name, string? role = null, bool owner = false)
    {
        var args = new List<string> { "user", "add", name, "--db", app.DatabasePath };
        if (owner)
            args.Add("--owner");
        var (exit, _, error) = await AnnotateProcess.RunWithInputAsync(Password, [.. args]);
        Assert.True(exit == 0, error);
        if (role is not null)
        {
            var (added, _, addError) = await AnnotateProcess.RunAsync("project", "add-member", "default", name, "--role", role, "--db", app.DatabasePath);
            Assert.True(added == 0, addError);
        }
    }

    private async Task<HttpClient> SignInAsync(string name, string password = Password)
    {
        var client = app.AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/session", new { userName = name, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>Starts the server, creates the owner, and waits for the corpus.</summary>
    private async Task<HttpClient> OwnerAsync()
    {
        app.StartServer();
        await AddUserAsync("olga", owner: true);
        var owner = await SignInAsync("olga");
        await AnnotateApp.WaitForCorpusAsync(owner);
        return owner;
    }

    [Fact]
    public async Task A_Network_Server_Refuses_Display_Names_And_Anonymous_Callers()
    {
        await OwnerAsync();
        var anonymous = app.AnonymousClient();

        var displayName = await anonymous.PostAsJsonAsync("/api/session", new { displayName = "Mallory" });
        var documents = await anonymous.GetAsync("/api/documents");
        var document = await anonymous.GetAsync($"/api/documents/{Doc}");

        Assert.Equal(HttpStatusCode.Forbidden, displayName.StatusCode);
        Assert.Contains("An account is needed", await displayName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, documents.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, document.StatusCode);
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations")).Build();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => hub.StartAsync());
    }

    [Fact]
    public async Task Wrong_Passwords_Get_One_Answer_And_After_Five_The_Same_Address_Must_Wait()
    {
        await OwnerAsync();
        var client = app.AnonymousClient();

        var wrong = await client.PostAsJsonAsync("/api/session", new { userName = "olga", password = "not the password" });
        var unknown = await client.PostAsJsonAsync("/api/session", new { userName = "nobody", password = "not the password" });
        for (var i = 0; i < 4; i++)
            await client.PostAsJsonAsync("/api/session", new { userName = "olga", password = "still not it" });
        var waiting = await client.PostAsJsonAsync("/api/session", new { userName = "olga", password = Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await wrong.Content.ReadFromJsonAsync<JsonElement>() is var w ? w.GetProperty("detail").GetString() : null,
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), waiting.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_Person_Sees_Only_Projects_They_Belong_To_Even_By_Guessing_Ids()
    {
        await OwnerAsync();
        await AddUserAsync("nina");
        var nina = await SignInAsync("nina");

        var list = await nina.GetFromJsonAsync<JsonElement>("/api/documents");
        var document = await nina.GetAsync($"/api/documents/{Doc}");
        var annotations = await nina.GetAsync($"/api/documents/{Doc}/annotations");
        var write = await nina.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 });
        var project = await nina.GetAsync("/api/projects/default");
        var agreement = await nina.GetAsync("/api/projects/default/agreement");

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        foreach (var response in new[] { document, annotations, write, project, agreement })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Roles_Decide_What_Each_Member_May_Do()
    {
        var owner = await OwnerAsync();
        await AddUserAsync("vera", "viewer");
        await AddUserAsync("anna", "annotator");
        await AddUserAsync("carl", "curator");
        var (vera, anna, carl) = (await SignInAsync("vera"), await SignInAsync("anna"), await SignInAsync("carl"));

        var viewerWrite = await vera.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 });
        var annotatorWrite = await anna.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 });
        var annotatorMode = await anna.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" });
        var curatorSees = await carl.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");
        var viewerSees = await vera.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");
        var curatorAgreement = await carl.GetAsync("/api/projects/default/agreement");
        var annotatorAgreement = await anna.GetAsync("/api/projects/default/agreement");
        var ownerMode = await owner.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" });

        Assert.Equal(HttpStatusCode.Forbidden, viewerWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Created, annotatorWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, annotatorMode.StatusCode);
        Assert.Single(curatorSees.GetProperty("items").EnumerateArray()); // blind, but a curator sees everyone's work
        Assert.Empty(viewerSees.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, curatorAgreement.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, annotatorAgreement.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerMode.StatusCode);
    }

    [Fact]
    public async Task An_Api_Token_Carries_Its_Users_Rights_Until_It_Is_Revoked()
    {
        await OwnerAsync();
        await AddUserAsync("sam", "annotator");
        var (exit, output, error) = await AnnotateProcess.RunAsync("token", "create", "sam", "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        var token = output.Trim();
        using var script = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // No anti-forgery token needed: an API token is never sent by a browser on its own.
        var write = await script.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 });
        var mode = await script.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" });
        var mint = await script.PostAsJsonAsync("/api/tokens", new { name = "another" });
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        await hub.StartAsync();
        var joined = await hub.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L);

        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mode.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.Single(joined.GetProperty("changes").EnumerateArray());

        var sam = await SignInAsync("sam");
        var tokens = await sam.GetFromJsonAsync<JsonElement>("/api/tokens");
        var id = tokens.EnumerateArray().Single().GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await sam.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        var afterRevoke = await script.GetAsync("/api/documents");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task A_Member_Removed_Mid_Session_Loses_Live_Connections_At_Once()
    {
        await OwnerAsync();
        await AddUserAsync("rita", "annotator");
        var (_, token, _) = await AnnotateProcess.RunAsync("token", "create", "rita", "--db", app.DatabasePath);
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token.Trim())).Build();
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L);

        var (exit, _, error) = await AnnotateProcess.RunAsync("project", "remove-member", "default", "rita", "--db", app.DatabasePath);

        Assert.True(exit == 0, error);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var again = new HubConnectionBuilder().WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token.Trim())).Build();
        await again.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L));
        Assert.Contains("no document", refused.Message, StringComparison.Ordinal);
        await again.DisposeAsync();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task Passwords_Change_With_The_Current_One_And_The_CLI_Rejects_Short_Ones()
    {
        await OwnerAsync();
        await AddUserAsync("paul", "annotator");
        var paul = await SignInAsync("paul");

        var wrongCurrent = await paul.PostAsJsonAsync("/api/account/password", new { currentPassword = "nope", newPassword = "a brand new password" });
        var tooShort = await paul.PostAsJsonAsync("/api/account/password", new { currentPassword = Password, newPassword = "short" });
        var changed = await paul.PostAsJsonAsync("/api/account/password", new { currentPassword = Password, newPassword = "a brand new password" });
        var (exit, _, error) = await AnnotateProcess.RunWithInputAsync("short", "user", "add", "tiny", "--db", app.DatabasePath);

        Assert.Contains("currentPassword", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("newPassword", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await SignInAsync("paul", "a brand new password");
        Assert.Equal(2, exit);
        Assert.Contains("at least 10 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Never_Hold_Passwords_Cookies_Or_Tokens()
    {
        var owner = await OwnerAsync();
        await owner.PostAsJsonAsync("/api/session", new { userName = "olga", password = "a wrong guess 12345" });
        var created = await (await owner.PostAsJsonAsync("/api/tokens", new { name = "log check" })).Content.ReadFromJsonAsync<JsonElement>();
        var token = created.GetProperty("token").GetString()!;
        using var script = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await script.GetAsync("/api/documents");
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        await hub.StartAsync();
        await hub.DisposeAsync();
        var cookie = await CookieOfAsync();

        Assert.NotEmpty(app.Logs.Lines);
        foreach (var secret in new[] { Password, "a wrong guess 12345", token, cookie }.Where(s => s.Length > 0))
        {
            Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    // The session cookie's value as the server set it for a fresh sign-in.
    private async Task<string> CookieOfAsync()
    {
        using var client = AntiforgeryHandler.Client(app.ClientOptions.BaseAddress, new CookieContainer());
        var response = await client.PostAsJsonAsync("/api/session", new { userName = "olga", password = Password });
        var header = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("annotate.session=", StringComparison.Ordinal));
        return header["annotate.session=".Length..].Split(';')[0];
    }
}
