using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>
/// Issue 12, point 11: where a project spreads its documents out, an annotator meets only the documents assigned to
/// them, in every list, report and push; asked directly, another document answers 404 like a foreign one. The owner
/// still sees everything.
/// </summary>
public sealed class SpreadAssignmentTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly NetworkAccounts accounts;

    public SpreadAssignmentTests() => accounts = new NetworkAccounts(app);

    public void Dispose() => app.Dispose();

    /// <summary>An open project whose documents are spread over anna and ben, one annotator each.</summary>
    private async Task<(HttpClient Owner, HubUser Anna, HubUser Ben, string AnnasDoc, string BensDoc)> SpreadAsync()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await accounts.AddAsync("ben", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "open");
        (await owner.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 })).EnsureSuccessStatusCode();
        var anna = await accounts.HubAsync("anna");
        var ben = await accounts.HubAsync("ben");
        var annas = await DocumentsAsync(anna.Http);
        var bens = await DocumentsAsync(ben.Http);
        Assert.NotEmpty(annas);
        Assert.Empty(annas.Intersect(bens));
        return (owner, anna, ben, annas[0], bens[0]);
    }

    [Fact]
    public async Task An_Annotator_Meets_Only_Assigned_Documents_In_Agreement_Reports_Lists_And_Counts()
    {
        var (owner, anna, ben, annasDoc, bensDoc) = await SpreadAsync();
        await using var _ = anna;
        await using var __ = ben;
        await anna.PutSpanAsync(annasDoc, Guid.NewGuid().ToString(), "protest", 0, 5);
        await ben.PutSpanAsync(bensDoc, Guid.NewGuid().ToString(), "protest", 0, 5);

        var report = await anna.Http.GetFromJsonAsync<JsonElement>("/api/projects/default/agreement");
        var foreignReport = await anna.Http.GetAsync($"/api/projects/default/agreement?document={bensDoc}");
        var heatMap = await anna.Http.GetAsync($"/api/documents/{bensDoc}/agreement/text");
        var document = await anna.Http.GetAsync($"/api/documents/{bensDoc}");
        var projects = await anna.Http.GetFromJsonAsync<JsonElement>("/api/projects");
        var collections = await anna.Http.GetFromJsonAsync<JsonElement>("/api/collections");
        var ownersReport = await owner.GetFromJsonAsync<JsonElement>("/api/projects/default/agreement");

        var assigned = (await DocumentsAsync(anna.Http)).Count;
        Assert.Equal([annasDoc], ReportDocuments(report));
        Assert.Equal(HttpStatusCode.NotFound, foreignReport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, heatMap.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(assigned, projects.EnumerateArray().Single().GetProperty("documents").GetInt32());
        Assert.Equal(assigned, collections.EnumerateArray().Sum(c => c.GetProperty("documentCount").GetInt32()));
        Assert.Contains(bensDoc, ReportDocuments(ownersReport));
        Assert.Contains(annasDoc, ReportDocuments(ownersReport));
    }

    [Fact]
    public async Task An_Annotator_Watching_Agreement_Hears_Only_Of_Changes_To_Their_Own_Documents()
    {
        var (_, anna, ben, annasDoc, bensDoc) = await SpreadAsync();
        await using var a = anna;
        await using var b = ben;
        await anna.Hub.InvokeAsync("WatchAgreement", "default");
        await ben.Hub.InvokeAsync("WatchAgreement", "default");

        await ben.PutSpanAsync(bensDoc, Guid.NewGuid().ToString(), "protest", 0, 5);
        await Eventually.TrueAsync(() => ben.AgreementUpdates.Any(u => u.DocumentIds.Contains(bensDoc)), "Ben hears of his own document");
        await anna.PutSpanAsync(annasDoc, Guid.NewGuid().ToString(), "protest", 0, 5);
        await Eventually.TrueAsync(() => anna.AgreementUpdates.Any(u => u.DocumentIds.Contains(annasDoc)), "Anna hears of her own document");

        Assert.DoesNotContain(anna.AgreementUpdates, u => u.DocumentIds.Contains(bensDoc));
        Assert.DoesNotContain(ben.AgreementUpdates, u => u.DocumentIds.Contains(annasDoc));
    }

    private static async Task<List<string>> DocumentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();

    private static List<string> ReportDocuments(JsonElement report) =>
        report.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
}
