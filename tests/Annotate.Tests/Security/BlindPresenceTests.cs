using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>
/// Issue 12, blind mode: an annotator learns neither who else annotates nor where they read. Presence and the
/// annotators list show others only outside blind mode (owners and curators always see them), and a refused write
/// to someone else's annotation does not name its author.
/// </summary>
public sealed class BlindPresenceTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly NetworkAccounts accounts;

    public BlindPresenceTests() => accounts = new NetworkAccounts(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task In_Blind_Mode_An_Annotator_Learns_Nothing_Of_Who_Else_Is_On_A_Document_While_The_Owner_Sees_Everyone()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await accounts.AddAsync("ben", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "blind");
        await using var olga = await accounts.HubAsync(NetworkAccounts.Owner);
        await using var anna = await accounts.HubAsync("anna");
        await using var ben = await accounts.HubAsync("ben");
        var olgaJoin = await olga.JoinAsync(Doc);
        var annaJoin = await anna.JoinAsync(Doc);
        // Each answer says whose work it covers, so a page can tell when that changed and join again from 0.
        Assert.True(olgaJoin.SeesOthers);
        Assert.False(annaJoin.SeesOthers);

        var benJoin = await ben.JoinAsync(Doc);
        await ben.Hub.InvokeAsync("UpdatePresence", Doc, 2);
        await anna.Hub.InvokeAsync("LeaveDocument", Doc);

        await Eventually.TrueAsync(() => olga.Presence.Any(p => p.UserId == ben.UserId && p.Block == 2), "the owner sees Ben reading block 2");
        await Eventually.TrueAsync(() => olga.Presence.Any(p => p.UserId == anna.UserId && !p.Present), "the owner sees Anna leave");
        // A sentinel, not a pause: the switch to open mode is told to Anna and Ben on the same connections after every
        // presence message the steps above could have sent them, so once it has arrived, anything leaked has too.
        await NetworkAccounts.SetVisibilityAsync(owner, "open");
        await Eventually.TrueAsync(() => anna.VisibilityChanges.Contains("open") && ben.VisibilityChanges.Contains("open"), "Anna and Ben are told the project is open");
        Assert.DoesNotContain(annaJoin.Present, p => p.UserId != anna.UserId);
        Assert.DoesNotContain(benJoin.Present, p => p.UserId != ben.UserId);
        Assert.DoesNotContain(anna.Presence, p => p.UserId != anna.UserId);
        Assert.DoesNotContain(ben.Presence, p => p.UserId != ben.UserId);

        // Outside blind mode everyone sees everyone again.
        var openJoin = await anna.JoinAsync(Doc);
        Assert.True(openJoin.SeesOthers);
        Assert.Contains(openJoin.Present, p => p.UserId == ben.UserId);
        Assert.Contains(openJoin.Present, p => p.UserId == olga.UserId);
    }

    [Fact]
    public async Task In_Blind_Mode_The_Annotators_List_Shows_An_Annotator_Only_Themselves()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await accounts.AddAsync("ben", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "blind");
        await using var anna = await accounts.HubAsync("anna");
        await using var ben = await accounts.HubAsync("ben");
        await anna.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 5);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 10, 15);

        var blindForAnna = await anna.Http.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");
        var blindForOwner = await owner.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");
        await NetworkAccounts.SetVisibilityAsync(owner, "open");
        var openForAnna = await anna.Http.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");

        Assert.Equal([anna.UserId], Ids(blindForAnna));
        Assert.Contains(ben.UserId, Ids(blindForOwner));
        Assert.Contains(anna.UserId, Ids(blindForOwner));
        Assert.Contains(ben.UserId, Ids(openForAnna));
    }

    [Fact]
    public async Task Refusing_A_Change_To_Someone_Elses_Annotation_Does_Not_Name_Its_Author()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await accounts.AddAsync("ben", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "blind");
        await using var anna = await accounts.HubAsync("anna");
        await using var ben = await accounts.HubAsync("ben");
        var annas = await anna.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 5);

        var change = await ben.Http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{annas.Id}", new { layer = "frame", label = "protest", start = 0, end = 6, version = 1 });
        var delete = await ben.Http.DeleteAsync($"/api/documents/{Doc}/annotations/{annas.Id}");

        foreach (var refused in new[] { change, delete })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("anna", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(anna.UserId, body, StringComparison.Ordinal);
        }
    }

    private static List<string> Ids(JsonElement annotators) => annotators.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
}
