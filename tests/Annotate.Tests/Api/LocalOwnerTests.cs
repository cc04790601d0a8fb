using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Api;

/// <summary>On a server for this machine, the person at the machine can curate and export without the command line.</summary>
public sealed class LocalOwnerTests
{
    [Fact]
    public async Task The_Person_At_The_Machine_Can_Sign_In_As_The_Owner_And_Export_Without_The_Command_Line()
    {
        using var app = new AnnotateApp();
        var owner = app.AnonymousClient();
        var colleague = app.AnonymousClient();

        var options = await owner.GetFromJsonAsync<JsonElement>("/api/session/options");
        (await owner.PostAsJsonAsync("/api/session", new { displayName = "Rosa", owner = true })).EnsureSuccessStatusCode();
        (await colleague.PostAsJsonAsync("/api/session", new { displayName = "Colleague" })).EnsureSuccessStatusCode();
        await AnnotateApp.WaitForCorpusAsync(owner);

        Assert.True(options.GetProperty("displayName").GetBoolean());
        Assert.Equal("owner", await RoleAsync(owner));
        Assert.Equal("annotator", await RoleAsync(colleague));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/projects/default/export?format=jsonl")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync("/api/projects/default/export?format=jsonl")).StatusCode);
        var me = await owner.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.False(me.GetProperty("hasPassword").GetBoolean()); // no password form to show a display-name person
        Assert.Equal(JsonValueKind.Null, me.GetProperty("userName").ValueKind);
    }

    [Fact]
    public async Task Through_A_Proxy_Display_Names_And_The_Owner_Role_Are_Refused_And_Options_Say_So()
    {
        using var app = new AnnotateApp();
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var options = await client.GetFromJsonAsync<JsonElement>("/api/session/options");
        var signIn = await client.PostAsJsonAsync("/api/session", new { displayName = "Mallory", owner = true });

        Assert.False(options.GetProperty("displayName").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
    }

    private static async Task<string?> RoleAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/projects")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "default").GetProperty("role").GetString();
}
