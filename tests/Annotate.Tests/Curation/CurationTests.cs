using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Curation;

/// <summary>
/// Curation over HTTP and the hub: disagreements classified, gold written with provenance, accept-agreed, rejections,
/// undo by restoring a tombstone, live to another curator, refused to annotators, kept apart from agreement.
/// </summary>
public sealed class CurationTests : IAsyncLifetime
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Password = "curators passphrase";
    private const string ClaimLabel = "factual-claim";
    private readonly AnnotateApp app = new();
    private HubUser ana = null!;
    private HubUser ben = null!;
    private HubUser cora = null!;

    public async Task InitializeAsync()
    {
        ana = await HubUser.SignInAsync(app, "Ana");
        ben = await HubUser.SignInAsync(app, "Ben");
        cora = await CuratorAsync("cora");
    }

    public async Task DisposeAsync()
    {
        await ana.DisposeAsync();
        await ben.DisposeAsync();
        await cora.DisposeAsync();
        app.Dispose();
    }

    private async Task<HubUser> CuratorAsync(string name)
    {
        var (added, _, error) = await AnnotateProcess.RunWithInputAsync(Password, "user", "add", name, "--db", app.DatabasePath);
        Assert.True(added == 0, error);
        var (member, _, memberError) = await AnnotateProcess.RunAsync("project", "add-member", "default", name, "--role", "curator", "--db", app.DatabasePath);
        Assert.True(member == 0, memberError);
        return await HubUser.SignInWithPasswordAsync(app, name, Password);
    }

    private static async Task<JsonElement> ViewAsync(HubUser user) => await user.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/curation");

    private static JsonElement Cluster(JsonElement view, int start) =>
        view.GetProperty("clusters").EnumerateArray().Single(c => c.GetProperty("start").GetInt32() == start);

    private static string[] Kinds(JsonElement cluster) => [.. cluster.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!)];

    private static async Task<HttpResponseMessage> PutGoldAsync(HubUser user, string id, object body) =>
        await user.Http.PutAsJsonAsync($"/api/documents/{Doc}/gold/{id}", body);

    [Fact]
    public async Task A_Gold_Span_Attribution_Is_Refused_And_The_Gold_Said_By_Relation_Carries_The_Link()
    {
        var (source, claim) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await ana.PutSpanAsync(Doc, source, "official", 0, 10, layer: "source");
        await ana.PutSpanAsync(Doc, claim, ClaimLabel, 20, 40, layer: "claim");
        var (goldSource, goldClaim) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        (await PutGoldAsync(cora, goldSource, new { layer = "source", label = "official", start = 0, end = 10, action = "accepted", sources = new[] { source } })).EnsureSuccessStatusCode();

        // The older way is refused on the gold layer too, pointing at gold-relations.
        var refused = await PutGoldAsync(cora, goldClaim, new { layer = "claim", label = ClaimLabel, start = 20, end = 40, attribution = new { span = goldSource }, action = "accepted", sources = new[] { claim } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("gold-relations", errors.GetProperty("attribution.span")[0].GetString(), StringComparison.Ordinal);

        (await PutGoldAsync(cora, goldClaim, new { layer = "claim", label = ClaimLabel, start = 20, end = 40, action = "accepted", sources = new[] { claim } })).EnsureSuccessStatusCode();
        (await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/gold-relations/{Guid.NewGuid()}", new { type = "said-by", source = goldClaim, target = goldSource })).EnsureSuccessStatusCode();

        // brat's gold file carries the relation between gold entities, as a said-by line (no Attribution line any more).
        var folder = TempFolder.Create();
        try
        {
            var (exit, _, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "brat", "--out", Path.Combine(folder, "out"), "--db", app.DatabasePath);
            Assert.True(exit == 0, error);
            var ann = Directory.GetFiles(Path.Combine(folder, "out", "brat", "gold"), "*.ann", SearchOption.AllDirectories).Single();
            var relation = Assert.Single(await File.ReadAllLinesAsync(ann), l => l.StartsWith('R') && l.Contains("Arg1:", StringComparison.Ordinal));
            Assert.Contains("\tsaid-by Arg1:", relation, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task Disagreements_Are_Classified_As_Boundary_Label_And_Missed()
    {
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);     // agreed
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 20, 30);   // label
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 40, 50);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 42, 50);   // boundary
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 60, 70);    // missed by Ben
        foreach (var (who, veracity) in new[] { (ana, "fake"), (ben, "disputed") })  // attributes
        {
            (await who.Http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}",
                new { layer = "claim", label = ClaimLabel, start = 80, end = 90, attributes = new Dictionary<string, object> { ["veracity"] = veracity } })).EnsureSuccessStatusCode();
        }

        var view = await ViewAsync(cora);

        Assert.Equal(2, view.GetProperty("annotators").GetArrayLength());
        Assert.True(Cluster(view, 0).GetProperty("agreed").GetBoolean());
        Assert.Empty(Kinds(Cluster(view, 0)));
        Assert.Equal(["label"], Kinds(Cluster(view, 20)));
        Assert.Equal(["boundary"], Kinds(Cluster(view, 40)));
        Assert.Equal(50, Cluster(view, 40).GetProperty("end").GetInt32());
        Assert.Equal(["missed"], Kinds(Cluster(view, 60)));
        Assert.Equal(ben.UserId, Cluster(view, 60).GetProperty("missing").EnumerateArray().Single().GetString());
        Assert.Equal(["attributes"], Kinds(Cluster(view, 80)));
        Assert.False(Cluster(view, 80).GetProperty("agreed").GetBoolean());
        Assert.All(view.GetProperty("clusters").EnumerateArray(), c => Assert.Equal("open", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Annotators_Cannot_See_Or_Write_The_Gold_Layer()
    {
        var mine = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);

        var view = await ana.Http.GetAsync($"/api/documents/{Doc}/curation");
        var write = await PutGoldAsync(ana, Guid.NewGuid().ToString(), new { layer = "frame", label = "protest", start = 0, end = 10, action = "accepted", sources = new[] { mine.Id } });
        var accept = await ana.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { });

        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
    }

    [Fact]
    public async Task Accepting_A_Span_Records_Where_It_Came_From_And_Reaches_Another_Curator_Live()
    {
        var dana = await CuratorAsync("dana");
        await using var _ = dana;
        await dana.JoinAsync(Doc);
        await ana.JoinAsync(Doc);
        var anas = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 20, 30);
        var id = Guid.NewGuid().ToString();

        var response = await PutGoldAsync(cora, id, new { layer = "frame", label = "protest", start = 20, end = 30, action = "accepted", sources = new[] { anas.Id } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var gold = (await response.Content.ReadFromJsonAsync<Annotation>())!;
        Assert.Equal("gold", gold.AnnotatorId);
        Assert.Equal("accepted", gold.Provenance!.Action);
        Assert.Equal(ana.UserId, gold.Provenance.Sources.Single().AnnotatorId);
        Assert.Equal("Ana", gold.Provenance.Sources.Single().AnnotatorName);
        Assert.Equal("cora", gold.Provenance.CuratorName);
        await Eventually.TrueAsync(() => dana.Changes.Any(c => c.Annotation.Id == id), "the other curator receives the gold span");
        var view = await ViewAsync(cora);
        Assert.Equal("curated", Cluster(view, 20).GetProperty("status").GetString());
        Assert.Equal(id, Cluster(view, 20).GetProperty("gold").EnumerateArray().Single().GetString());
        // The project is blind: an annotator never receives the gold layer.
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 40, 45);
        await Eventually.TrueAsync(() => ana.Changes.Any(c => c.Annotation.Start == 40), "Ana receives her own span");
        Assert.DoesNotContain(ana.Changes, c => c.Annotation.AnnotatorId == "gold");
    }

    [Fact]
    public async Task Accept_Agreed_Takes_Only_What_Everyone_Marked_Alike_Once()
    {
        var a1 = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        var b1 = await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 20, 30);
        (await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        (await ben.Http.PutAsJsonAsync($"/api/documents/{Doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();

        var first = await cora.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { });
        var second = await cora.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { });

        var created = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").EnumerateArray().ToList();
        Assert.Equal(2, created.Count);
        var span = created.Single(c => c.GetProperty("kind").GetString() == "span");
        Assert.Equal(0, span.GetProperty("start").GetInt32());
        Assert.Equal(new[] { a1.Id, b1.Id }.Order(StringComparer.Ordinal), span.GetProperty("provenance").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("neutral", created.Single(c => c.GetProperty("kind").GetString() == "document").GetProperty("label").GetString());
        Assert.Empty((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").EnumerateArray());
        var view = await ViewAsync(cora);
        Assert.Equal("open", Cluster(view, 20).GetProperty("status").GetString());
        Assert.Equal("curated", view.GetProperty("labelLayers").EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reject_Edit_And_Undo_By_Restoring_The_Tombstone()
    {
        var anas = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 22, 30);
        var rejection = Guid.NewGuid().ToString();
        var rejected = await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/rejections/{rejection}", new { layer = "frame", label = "protest", start = 20, end = 30, sources = new[] { anas.Id } });
        Assert.Equal(HttpStatusCode.Created, rejected.StatusCode);
        Assert.Equal("rejected", Cluster(await ViewAsync(cora), 20).GetProperty("status").GetString());

        // Change of mind: undo the rejection, merge the two into one gold span, then edit its label.
        (await cora.Http.DeleteAsync($"/api/documents/{Doc}/rejections/{rejection}?version=1")).EnsureSuccessStatusCode();
        var id = Guid.NewGuid().ToString();
        (await PutGoldAsync(cora, id, new { layer = "frame", label = "protest", start = 20, end = 30, action = "merged", sources = new[] { anas.Id } })).EnsureSuccessStatusCode();
        var edited = await PutGoldAsync(cora, id, new { layer = "frame", label = "blockade", start = 20, end = 30, action = "edited", version = 1 });
        var editedGold = (await edited.Content.ReadFromJsonAsync<Annotation>())!;
        Assert.Equal("edited", editedGold.Provenance!.Action);
        Assert.Equal(anas.Id, editedGold.Provenance.Sources.Single().Id); // sources kept when an edit sends none

        // Undo the edit (put back the previous content on the current version), then undo the creation, then redo it.
        (await PutGoldAsync(cora, id, new { layer = "frame", label = "protest", start = 20, end = 30, action = "merged", sources = new[] { anas.Id }, version = 2 })).EnsureSuccessStatusCode();
        (await cora.Http.DeleteAsync($"/api/documents/{Doc}/gold/{id}?version=3")).EnsureSuccessStatusCode();
        Assert.Empty((await ViewAsync(cora)).GetProperty("gold").EnumerateArray());
        var restored = await PutGoldAsync(cora, id, new { layer = "frame", label = "protest", start = 20, end = 30, action = "merged", sources = new[] { anas.Id }, version = 4 });

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var view = await ViewAsync(cora);
        Assert.Equal("protest", view.GetProperty("gold").EnumerateArray().Single().GetProperty("label").GetString());
        Assert.Equal("curated", Cluster(view, 20).GetProperty("status").GetString());
        Assert.Empty(view.GetProperty("rejections").EnumerateArray());
    }

    [Fact]
    public async Task Bad_Gold_Writes_Say_What_Is_Wrong()
    {
        var anas = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);
        var gold = Guid.NewGuid().ToString();
        (await PutGoldAsync(cora, gold, new { layer = "frame", label = "protest", start = 20, end = 30, action = "created" })).EnsureSuccessStatusCode();

        var noAction = await PutGoldAsync(cora, Guid.NewGuid().ToString(), new { layer = "frame", label = "protest", start = 20, end = 30, sources = new[] { anas.Id } });
        var noSources = await PutGoldAsync(cora, Guid.NewGuid().ToString(), new { layer = "frame", label = "protest", start = 20, end = 30, action = "accepted" });
        var goldAsSource = await PutGoldAsync(cora, Guid.NewGuid().ToString(), new { layer = "frame", label = "protest", start = 20, end = 30, action = "accepted", sources = new[] { gold } });
        var unknownSource = await PutGoldAsync(cora, Guid.NewGuid().ToString(), new { layer = "frame", label = "protest", start = 20, end = 30, action = "accepted", sources = new[] { Guid.NewGuid().ToString() } });
        var badLabel = await PutGoldAsync(cora, Guid.NewGuid().ToString(), new { layer = "frame", label = "nope", start = 20, end = 30, action = "created" });
        var misspelt = await PutGoldAsync(cora, Guid.NewGuid().ToString(), new { layer = "frame", label = "protest", start = 20, end = 30, action = "created", source = "x" });
        var annotatorsOwn = await PutGoldAsync(cora, anas.Id, new { layer = "frame", label = "protest", start = 20, end = 30, action = "created" });
        var goldViaAnnotations = await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{gold}", new { layer = "frame", label = "blockade", start = 20, end = 30, version = 1 });

        Assert.Contains("not a curation action", await noAction.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Say which annotations", await noSources.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("is not an annotator's span", await goldAsSource.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownSource.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLabel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, annotatorsOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, goldViaAnnotations.StatusCode);
    }

    [Fact]
    public async Task The_Gold_Layer_Is_Not_An_Annotator()
    {
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        (await cora.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { })).EnsureSuccessStatusCode();

        var annotators = await cora.Http.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");
        var list = await cora.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");
        var agreement = await cora.Http.GetFromJsonAsync<JsonElement>("/api/projects/default/agreement");

        Assert.DoesNotContain("gold", annotators.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        Assert.Equal(2, agreement.GetProperty("annotators").GetArrayLength());
    }
}
