using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// Sessions end on the server, not only in the browser: a copied cookie, a session from before a password change,
/// and the sessions a server owner ends all stop working, over HTTP and on the live hub.
/// </summary>
public sealed class SessionRevocationTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly SecurityServer server;

    public SessionRevocationTests() => server = new SecurityServer(app);

    public void Dispose() => app.Dispose();

    /// <summary>A second client holding a copy of the first one's session cookie (as a thief or another tab would).</summary>
    private HttpClient CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(cookies.GetCookies(app.ClientOptions.BaseAddress)["annotate.session"]!);
        return AntiforgeryHandler.Client(app.ClientOptions.BaseAddress, copy);
    }

    [Fact]
    public async Task Signing_Out_Ends_The_Session_So_A_Copied_Cookie_Stops_Working()
    {
        await server.ServerOwnerAsync();
        var cookies = new CookieContainer();
        var (olga, _) = await server.SignInAsync("olga", cookies);
        var thief = CopyOf(cookies);
        var before = await thief.GetAsync("/api/documents");

        (await olga.DeleteAsync("/api/session")).EnsureSuccessStatusCode();
        var after = await thief.GetAsync("/api/documents");
        var again = await server.SignInAsync("olga");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/api/documents")).StatusCode); // a new sign-in works
    }

    [Fact]
    public async Task A_Password_Change_Ends_Every_Other_Session_But_Not_This_One()
    {
        await server.ServerOwnerAsync();
        await server.AccountAsync("paul");
        var (laptop, _) = await server.SignInAsync("paul");
        var (phone, _) = await server.SignInAsync("paul");

        var changed = await laptop.PostAsJsonAsync("/api/account/password", new { currentPassword = SecurityServer.Password, newPassword = "a brand new passphrase" });
        var laptopAfter = await laptop.GetAsync("/api/session");
        var phoneAfter = await phone.GetAsync("/api/projects");

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, laptopAfter.StatusCode);
        Assert.Equal("paul", (await laptopAfter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, phoneAfter.StatusCode);
    }

    [Fact]
    public async Task A_Server_Owner_Ends_A_Users_Sessions_Over_Http_And_The_Hub()
    {
        var (olga, _) = await server.ServerOwnerAsync();
        await server.AccountAsync("nina");
        await server.AddMemberAsync("default", "nina", "owner");
        await using var nina = await HubUser.SignInWithPasswordAsync(app, "nina", SecurityServer.Password);
        await nina.JoinAsync(Doc);

        // A project owner is not a server owner: she may not end the server owner's sessions.
        var byProjectOwner = await nina.Http.DeleteAsync($"/api/users/{(await olga.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("userId").GetString()}/sessions");
        var unknown = await olga.DeleteAsync($"/api/users/{Guid.NewGuid()}/sessions");
        var ended = await olga.DeleteAsync($"/api/users/{nina.UserId}/sessions");
        var http = await nina.Http.GetAsync("/api/documents");
        // The guard answers "Your session has ended" and closes the connection; the client may see either first.
        await Assert.ThrowsAnyAsync<Exception>(() => nina.JoinAsync(Doc));

        Assert.Equal(HttpStatusCode.Forbidden, byProjectOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, http.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await olga.GetAsync("/api/documents")).StatusCode);
    }
}
