using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>
/// Issue 12, point 3: a live connection keeps no privilege its person lost. A change of role (by the API or the
/// command line) or a removal closes the connection within 2 s, whether it joined a document or only watches agreement.
/// </summary>
public sealed class LivePrivilegeTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly NetworkAccounts accounts;

    public LivePrivilegeTests() => accounts = new NetworkAccounts(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Curator_Demoted_To_Annotator_Stops_Receiving_Others_Spans_In_A_Blind_Project_Within_Two_Seconds()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("cora", "curator");
        await accounts.AddAsync("anna", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "blind");
        await using var cora = await accounts.HubAsync("cora");
        await using var anna = await accounts.HubAsync("anna");
        var closed = NetworkAccounts.ClosedAsync(cora.Hub);
        await cora.JoinAsync(Doc);
        await anna.JoinAsync(Doc);
        var before = Guid.NewGuid().ToString();
        await anna.PutSpanAsync(Doc, before, "protest", 0, 5);
        await Eventually.TrueAsync(() => cora.Changes.Any(c => c.Annotation.Id == before), "the curator sees the annotator's span (blind mode)");

        var demoted = await owner.PutAsJsonAsync($"/api/projects/default/members/{await NetworkAccounts.IdOfAsync(owner, "cora")}", new { role = "annotator" });

        demoted.EnsureSuccessStatusCode();
        await closed.WaitAsync(Promptly);
        var after = Guid.NewGuid().ToString();
        await using var again = await accounts.HubAsync("cora");
        var rejoined = await again.JoinAsync(Doc);
        await anna.PutSpanAsync(Doc, after, "protest", 10, 15);
        await Eventually.TrueAsync(() => anna.Changes.Any(c => c.Annotation.Id == after), "the annotator sees her own span");
        await again.SentinelAsync(Doc, 20, 25); // had Anna's span been pushed to the demoted curator, it would have come first
        Assert.DoesNotContain(cora.Changes, c => c.Annotation.Id == after);
        Assert.DoesNotContain(again.Changes, c => c.Annotation.Id == after);
        Assert.DoesNotContain(rejoined.Changes, c => c.Annotation.AnnotatorId == anna.UserId);
    }

    [Fact]
    public async Task A_Curator_Watching_Blind_Agreement_Demoted_By_The_Command_Line_Loses_The_Connection_Within_Two_Seconds()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("cora", "curator");
        await NetworkAccounts.SetVisibilityAsync(owner, "blind");
        await using var cora = await accounts.HubAsync("cora");
        var closed = NetworkAccounts.ClosedAsync(cora.Hub);
        await cora.Hub.InvokeAsync("WatchAgreement", "default");

        await accounts.SetRoleByCommandLineAsync("cora", "annotator");

        await closed.WaitAsync(Promptly);
        await using var again = await accounts.HubAsync("cora");
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => again.Hub.InvokeAsync("WatchAgreement", "default"));
        Assert.Contains("Blind project", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Member_Removed_While_Only_Watching_Agreement_Loses_The_Connection_Within_Two_Seconds()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "open");
        await using var anna = await accounts.HubAsync("anna");
        var closed = NetworkAccounts.ClosedAsync(anna.Hub);
        await anna.Hub.InvokeAsync("WatchAgreement", "default");

        var removed = await owner.DeleteAsync($"/api/projects/default/members/{await NetworkAccounts.IdOfAsync(owner, "anna")}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await closed.WaitAsync(Promptly);
    }

    [Fact]
    public async Task A_Connection_That_Joins_Again_With_A_Changed_Role_Is_Closed_Rather_Than_Keeping_Its_Old_Groups()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("cora", "curator");
        await NetworkAccounts.SetVisibilityAsync(owner, "blind");
        var token = await accounts.TokenAsync("cora");
        var hub = accounts.TokenHub(token);
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L);

        // Straight to the database, as another instance would: whether the sweep or this join notices first, the connection ends.
        await accounts.SetRoleByCommandLineAsync("cora", "annotator");
        var error = await Record.ExceptionAsync(() => hub.InvokeAsync<JsonElement>("JoinDocument", Doc, 0L));

        Assert.NotNull(error);
        await Eventually.TrueAsync(() => hub.State == HubConnectionState.Disconnected, "the connection is closed");
        await hub.DisposeAsync();
    }
}
