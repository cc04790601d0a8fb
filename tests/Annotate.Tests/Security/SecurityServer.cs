using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// A network server for adversarial tests: accounts made by the real `annotate` command line, signed in with their
/// own cookies, and a second project ('wire-class', the wire collection) with an owner of its own.
/// </summary>
internal sealed class SecurityServer(AnnotateApp app)
{
    public const string Password = "security passphrase";

    public AnnotateApp App => app;

    /// <summary>Creates an account (a server owner with --owner) and signs it in.</summary>
    public async Task<(HttpClient Client, string UserId)> AccountAsync(string name, bool serverOwner = false)
    {
        app.StartServer();
        var (exit, _, error) = await AnnotateProcess.RunWithInputAsync(Password, serverOwner ? ["user", "add", name, "--owner", "--db", app.DatabasePath] : ["user", "add", name, "--db", app.DatabasePath]);
        Assert.True(exit == 0, error);
        return await SignInAsync(name);
    }

    public async Task<(HttpClient Client, string UserId)> SignInAsync(string name, CookieContainer? cookies = null)
    {
        var client = AntiforgeryHandler.Client(app.ClientOptions.BaseAddress, cookies ?? new CookieContainer());
        var response = await client.PostAsJsonAsync("/api/session", new { userName = name, password = Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!);
    }

    /// <summary>The server owner 'olga' (owner of the default project), once the corpus has loaded.</summary>
    public async Task<(HttpClient Client, string UserId)> ServerOwnerAsync()
    {
        var owner = await AccountAsync("olga", serverOwner: true);
        await AnnotateApp.WaitForCorpusAsync(owner.Client);
        return owner;
    }

    /// <summary>The project 'wire-class' and its owner 'wteacher', who owns nothing else.</summary>
    public async Task<(HttpClient Client, string UserId)> OtherProjectOwnerAsync()
    {
        var teacher = await AccountAsync("wteacher");
        var (exit, _, error) = await AnnotateProcess.RunAsync("project", "add", "wire-class", "--collection", "wire", "--name", "Wire class", "--owner", "wteacher", "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        return teacher;
    }

    /// <summary>Gives an account a role in a project with the command line (as the server's administrator would).</summary>
    public async Task AddMemberAsync(string projectId, string name, string role)
    {
        var (exit, _, error) = await AnnotateProcess.RunAsync("project", "add-member", projectId, name, "--role", role, "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
    }

    /// <summary>Students added from a list to a project's class: (user id, ticket) in the order given.</summary>
    public static async Task<List<(string UserId, string Ticket)>> AddStudentsAsync(HttpClient teacher, string projectId, params string[] names)
    {
        var response = await teacher.PostAsJsonAsync($"/api/projects/{projectId}/class/students", new { list = names });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(s => (s.GetProperty("userId").GetString()!, s.GetProperty("ticket").GetString()!))];
    }

    /// <summary>Redeems a personal link in a fresh browser-like client.</summary>
    public async Task<HttpResponseMessage> RedeemAsync(string ticket) =>
        await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { ticket });
}
