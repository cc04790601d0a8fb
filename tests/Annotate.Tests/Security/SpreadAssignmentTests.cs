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

    [Fact]
    public async Task Spreading_Documents_Out_Closes_The_Live_Connections_Of_Annotators_Following_Everything_Within_Two_Seconds()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await accounts.AddAsync("ben", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "open");
        await using var anna = await accounts.HubAsync("anna");
        var closed = NetworkAccounts.ClosedAsync(anna.Hub);
        await anna.Hub.InvokeAsync("WatchAgreement", "default");

        var spread = await owner.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 });

        spread.EnsureSuccessStatusCode();
        await closed.WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_Annotators_Review_List_Leaves_Out_Documents_Not_Assigned_To_Them()
    {
        // A corpus of its own: the codebook is changed under the annotations so that they need review.
        using var corpus = new CorpusFolder();
        var codebook = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml"));
        corpus.Write("codebook.yaml", codebook);
        corpus.Write("one.md", CorpusFolder.Article("One", "The first article of the review test."));
        corpus.Write("two.md", CorpusFolder.Article("Two", "The second article of the review test."));
        using var own = AnnotateApp.ForCorpus(corpus.Root);
        var people = new NetworkAccounts(own);
        var owner = await people.StartAsync();
        await people.AddAsync("anna", "annotator");
        await people.AddAsync("ben", "annotator");
        await NetworkAccounts.SetVisibilityAsync(owner, "open");
        (await owner.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 })).EnsureSuccessStatusCode();
        await using var anna = await people.HubAsync("anna");
        await using var ben = await people.HubAsync("ben");
        var annasDoc = Assert.Single(await DocumentsAsync(anna.Http));
        var bensDoc = Assert.Single(await DocumentsAsync(ben.Http));
        await anna.PutSpanAsync(annasDoc, Guid.NewGuid().ToString(), "protest", 0, 5);
        await ben.PutSpanAsync(bensDoc, Guid.NewGuid().ToString(), "protest", 0, 5);

        corpus.Write("codebook.yaml", codebook.Replace("      - id: protest\n", "      - id: protest-renamed\n", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<string> ownerReview;
        while (!((ownerReview = await ReviewDocumentsAsync(owner)).Contains(annasDoc) && ownerReview.Contains(bensDoc)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the owner's review list never held both annotations");
            await Task.Delay(100);
        }

        var annasReview = await ReviewDocumentsAsync(anna.Http);

        Assert.Equal([annasDoc], annasReview);
    }

    private static async Task<List<string>> ReviewDocumentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/annotations/review")).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("documentId").GetString()!).Distinct().ToList();

    private static async Task<List<string>> DocumentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();

    private static List<string> ReportDocuments(JsonElement report) =>
        report.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
}
