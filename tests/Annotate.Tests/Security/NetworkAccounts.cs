using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>
/// People on a server reachable from the network, made with the real `annotate` command line: an owner (olga, who
/// owns the served corpus's project), and members with the roles a test needs.
/// </summary>
internal sealed class NetworkAccounts(AnnotateApp app)
{
    public const string Password = "security passphrase";
    public const string Owner = "olga";

    /// <summary>Starts the server, creates the owner and waits for the corpus; returns the owner's client.</summary>
    public async Task<HttpClient> StartAsync()
    {
        app.StartServer();
        await AddAsync(Owner, owner: true);
        var owner = await SignInAsync(Owner);
        await AnnotateApp.WaitForCorpusAsync(owner);
        return owner;
    }

    public async Task AddAsync(string name, string? role = null, bool owner = false)
    {
        var (exit, _, error) = await AnnotateProcess.RunWithInputAsync(Password, ["user", "add", name, "--db", app.DatabasePath, .. owner ? new[] { "--owner" } : []]);
        Assert.True(exit == 0, error);
        if (role is not null)
        {
            await SetRoleByCommandLineAsync(name, role);
        }
    }

    /// <summary>`annotate project add-member default NAME --role ROLE`: adds a member or changes their role.</summary>
    public async Task SetRoleByCommandLineAsync(string name, string role, string project = "default")
    {
        var (exit, _, error) = await AnnotateProcess.RunAsync("project", "add-member", project, name, "--role", role, "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
    }

    public async Task<HttpClient> SignInAsync(string name)
    {
        var client = app.AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/session", new { userName = name, password = Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>A signed-in person with a live hub connection (by session cookie).</summary>
    public Task<HubUser> HubAsync(string name) => HubUser.SignInWithPasswordAsync(app, name, Password);

    /// <summary>A hub connection authenticated by an API token, not yet started.</summary>
    public HubConnection TokenHub(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();

    /// <summary>A new API token of the person, made with `annotate token create`.</summary>
    public async Task<string> TokenAsync(string name)
    {
        var (exit, output, error) = await AnnotateProcess.RunAsync("token", "create", name, "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        return output.Trim();
    }

    /// <summary>A member's user id, as the owner's member list shows it.</summary>
    public static async Task<string> IdOfAsync(HttpClient owner, string name, string project = "default")
    {
        var members = await owner.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/members");
        return members.EnumerateArray().Single(m => m.GetProperty("userName").GetString() == name).GetProperty("userId").GetString()!;
    }

    public static async Task SetVisibilityAsync(HttpClient owner, string visibility, string project = "default") =>
        (await owner.PatchAsJsonAsync($"/api/projects/{project}", new { visibility })).EnsureSuccessStatusCode();

    /// <summary>Completes when the connection closes (for any reason).</summary>
    public static Task<Exception?> ClosedAsync(HubConnection hub)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
