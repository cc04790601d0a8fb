using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Relations;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Relations;

/// <summary>The relations API on the bundled corpus and codebook: the rules of span writes, and the rules of relations.</summary>
public sealed class RelationsApiTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private async Task<RelationWork> WorkAsync(string name) => await RelationWork.CreateAsync(await HubUser.SignInAsync(app, $"{name} {Guid.NewGuid():N}"));

    [Fact]
    public async Task A_Relation_Between_Two_Own_Spans_Is_Created_Listed_And_Retried_Safely()
    {
        var ana = await WorkAsync("Ana");
        var id = Guid.NewGuid().ToString();
        var body = new { type = "said-by", source = ana.Claim, target = ana.Source, attributes = new { mode = "direct-quote" }, note = "quoted" };

        var first = await ana.PutAsync(id, body);
        var retry = await ana.PutAsync(id, body);
        var list = await ana.ListAsync(ana.User.UserId);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/documents/{RelationWork.Doc}/relations/{id}", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var created = (await first.Content.ReadFromJsonAsync<Relation>())!;
        Assert.Equal(("said-by", ana.Claim, ana.Source, 1, "ok", "quoted"), (created.Type, created.Source, created.Target, created.Version, created.Status, created.Note));
        Assert.Equal("direct-quote", created.Attributes["mode"].GetString());
        Assert.Equal(ana.User.UserId, created.AnnotatorId);
        Assert.Equal(1, (await retry.Content.ReadFromJsonAsync<Relation>())!.Version);
        Assert.Equal(id, Assert.Single(list).Id);
    }

    [Fact]
    public async Task Every_Bad_Request_Is_Named_By_Its_Field()
    {
        var ana = await WorkAsync("Ana");
        async Task<Dictionary<string, string[]>> ErrorsAsync(object body) => await RelationWork.ErrorsAsync(await ana.PutAsync(Guid.NewGuid().ToString(), body));

        var unknownType = await ErrorsAsync(new { type = "blames", source = ana.Claim, target = ana.Source });
        var noEnds = await ErrorsAsync(new { type = "said-by" });
        var notIds = await ErrorsAsync(new { type = "said-by", source = "claim-1", target = ana.Source });
        var same = await ErrorsAsync(new { type = "said-by", source = ana.Claim, target = ana.Claim });
        var unknownAttribute = await ErrorsAsync(new { type = "said-by", source = ana.Claim, target = ana.Source, attributes = new { tone = "angry" } });
        var badValue = await ErrorsAsync(new { type = "said-by", source = ana.Claim, target = ana.Source, attributes = new { mode = "shouted" } });
        var misspelt = await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = ana.Claim, traget = ana.Source });
        var badId = await RelationWork.ErrorsAsync(await ana.PutAsync("not-a-uuid", new { type = "said-by", source = ana.Claim, target = ana.Source }));

        Assert.StartsWith("The codebook has no relation type 'blames'; its relation types are: said-by, denies, supports, attacks, restates.", unknownType["type"][0], StringComparison.Ordinal);
        Assert.Equal(["source", "target"], noEnds.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'claim-1' is not a span id", notIds["source"][0], StringComparison.Ordinal);
        Assert.Contains("two different spans", same["target"][0], StringComparison.Ordinal);
        Assert.Contains("has no attribute 'tone' (its attributes: mode)", unknownAttribute["attributes.tone"][0], StringComparison.Ordinal);
        Assert.Contains("direct-quote, reported-speech, paraphrase", badValue["attributes.mode"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Contains("relation ids are UUIDs", badId["id"][0], StringComparison.Ordinal);
        Assert.Empty(await ana.ListAsync(ana.User.UserId));
    }

    [Fact]
    public async Task Each_End_Must_Be_A_Live_Span_Of_This_Document()
    {
        var ana = await WorkAsync("Ana");
        var deleted = Guid.NewGuid().ToString();
        await ana.User.PutSpanAsync(RelationWork.Doc, deleted, "factual-claim", 120, 130, layer: "claim");
        (await ana.User.Http.DeleteAsync($"/api/documents/{RelationWork.Doc}/annotations/{deleted}")).EnsureSuccessStatusCode();
        var label = Guid.NewGuid().ToString();
        (await ana.User.Http.PutAsJsonAsync($"/api/documents/{RelationWork.Doc}/labels/{label}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        var elsewhere = Guid.NewGuid().ToString();
        await ana.User.PutSpanAsync("highland-monitor.2026-03-10-fact-check-sarn-pass-claims", elsewhere, "official", 0, 10, layer: "source");
        async Task<Dictionary<string, string[]>> ErrorsAsync(string source, string target) =>
            await RelationWork.ErrorsAsync(await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "said-by", source, target }));

        var missing = await ErrorsAsync(Guid.NewGuid().ToString(), ana.Source);
        var tombstone = await ErrorsAsync(deleted, ana.Source);
        var documentLabel = await ErrorsAsync(label, ana.Source);
        var otherDocument = await ErrorsAsync(ana.Claim, elsewhere);

        Assert.EndsWith("is not a live span of this document.", missing["source"][0], StringComparison.Ordinal);
        Assert.Equal($"'{deleted}' is not a live span of this document.", tombstone["source"][0]);
        Assert.Equal($"'{label}' is not a live span of this document.", documentLabel["source"][0]);
        Assert.Equal($"'{elsewhere}' is not a live span of this document.", otherDocument["target"][0]);
    }

    [Fact]
    public async Task The_Type_Decides_Which_Layers_And_Labels_Each_End_May_Be()
    {
        var ana = await WorkAsync("Ana");
        async Task<Dictionary<string, string[]>> ErrorsAsync(string type, string source, string target) =>
            await RelationWork.ErrorsAsync(await ana.PutAsync(Guid.NewGuid().ToString(), new { type, source, target }));

        var reversed = await ErrorsAsync("said-by", ana.Source, ana.Claim);
        var wrongTarget = await ErrorsAsync("said-by", ana.Claim, ana.OtherClaim);
        var notADenial = await ErrorsAsync("denies", ana.Claim, ana.OtherClaim);
        var deniesAFrame = await ErrorsAsync("denies", ana.Denial, ana.Frame);
        var undirectedMisfit = await ErrorsAsync("restates", ana.Frame, ana.Claim);
        var undirectedEitherWay = await ana.RelateAsync("restates", ana.OtherClaim, ana.Claim);
        var denial = await ana.RelateAsync("denies", ana.Denial, ana.Claim);

        Assert.Equal("A 'said-by' relation starts at a span of layer claim; the source is 'source/official'.", reversed["source"][0]);
        Assert.Equal("A 'said-by' relation ends at a span of layer source; the target is 'claim/factual-claim'.", wrongTarget["target"][0]);
        Assert.Equal("A 'denies' relation starts at a span of layer claim with label denial; the source is 'claim/factual-claim'.", notADenial["source"][0]);
        Assert.Contains("ends at a span of layer claim with label factual-claim or accusation", deniesAFrame["target"][0], StringComparison.Ordinal);
        Assert.Equal("'restates' joins a span of layer claim with one of layer claim; these spans are 'frame/protest' and 'claim/factual-claim'.", undirectedMisfit["type"][0]);
        Assert.Equal("restates", undirectedEitherWay.Type);
        Assert.Equal(ana.Denial, denial.Source);
    }

    [Fact]
    public async Task The_Same_Link_Twice_Is_Refused_Either_Way_Round_When_Undirected()
    {
        var ana = await WorkAsync("Ana");
        var first = await ana.RelateAsync("restates", ana.Claim, ana.OtherClaim);
        await ana.RelateAsync("attacks", ana.Claim, ana.OtherClaim);
        await ana.RelateAsync("attacks", ana.OtherClaim, ana.Claim); // directed: the other way is another link

        var again = await RelationWork.ErrorsAsync(await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "restates", source = ana.OtherClaim, target = ana.Claim }));
        var attackTwice = await RelationWork.ErrorsAsync(await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "attacks", source = ana.Claim, target = ana.OtherClaim }));

        Assert.Contains($"already joined by a 'restates' relation ({first.Id})", again["target"][0], StringComparison.Ordinal);
        Assert.Contains("already joined by a 'attacks' relation", attackTwice["target"][0], StringComparison.Ordinal);
        Assert.Equal(3, (await ana.ListAsync(ana.User.UserId)).Count);
    }

    [Fact]
    public async Task The_Ends_Must_Be_Spans_Of_The_Relations_Own_Author()
    {
        var ana = await WorkAsync("Ana");
        var ben = await WorkAsync("Ben");
        var anas = await ana.RelateAsync("said-by", ana.Claim, ana.Source);

        var mixed = await RelationWork.ErrorsAsync(await ben.PutAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = ben.Claim, target = ana.Source }));
        var onAnas = await RelationWork.ErrorsAsync(await ben.PutAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = ana.Claim, target = ana.Source }));
        var takeOver = await ben.PutAsync(anas.Id, new { type = "said-by", source = ben.Claim, target = ben.Source, version = 1 });
        var deleteAnas = await ben.User.Http.DeleteAsync(RelationWork.Url(anas.Id));

        Assert.Equal($"'{ana.Source}' is not one of your spans; a relation joins two spans of its own author.", mixed["target"][0]);
        Assert.Equal($"'{ana.Claim}' is not one of your spans; a relation joins two spans of its own author.", onAnas["source"][0]);
        Assert.Equal(HttpStatusCode.Forbidden, takeOver.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleteAnas.StatusCode);
        Assert.DoesNotContain("Ana", await takeOver.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(anas.Id, Assert.Single(await ana.ListAsync(ana.User.UserId)).Id);
    }

    [Fact]
    public async Task Versions_Protect_Edits_And_A_Stale_One_Gets_The_Current_Relation()
    {
        var ana = await WorkAsync("Ana");
        var relation = await ana.RelateAsync("supports", ana.Claim, ana.OtherClaim);

        var edited = await ana.PutAsync(relation.Id, new { type = "attacks", source = ana.Claim, target = ana.OtherClaim, attributes = new { @explicit = true }, version = 1 });
        var stale = await ana.PutAsync(relation.Id, new { type = "supports", source = ana.Claim, target = ana.OtherClaim, version = 1 });
        var unversioned = await ana.PutAsync(relation.Id, new { type = "supports", source = ana.Claim, target = ana.OtherClaim });
        var missing = await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "supports", source = ana.Claim, target = ana.OtherClaim, version = 3 });
        var asSpan = await ana.User.Http.PutAsJsonAsync($"/api/documents/{RelationWork.Doc}/annotations/{relation.Id}", new { layer = "frame", label = "protest", start = 0, end = 5 });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = (await edited.Content.ReadFromJsonAsync<Relation>())!;
        Assert.Equal(("attacks", 2, true), (after.Type, after.Version, after.Attributes["explicit"].GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal(("attacks", 2, ana.Claim), (current.GetProperty("type").GetString(), current.GetProperty("version").GetInt32(), current.GetProperty("source").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, unversioned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("belongs to another annotation", (await RelationWork.ErrorsAsync(asSpan))["id"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Deleted_Relation_Is_A_Tombstone_That_A_Stale_Delete_Cannot_Touch()
    {
        var ana = await WorkAsync("Ana");
        var relation = await ana.RelateAsync("said-by", ana.Claim, ana.Source);
        await ana.PutAsync(relation.Id, new { type = "said-by", source = ana.Claim, target = ana.Source, note = "edited", version = 1 });

        var stale = await ana.User.Http.DeleteAsync(RelationWork.Url(relation.Id) + "?version=1");
        var deleted = await ana.User.Http.DeleteAsync(RelationWork.Url(relation.Id) + "?version=2");
        var twice = await ana.User.Http.DeleteAsync(RelationWork.Url(relation.Id));
        var unknown = await ana.User.Http.DeleteAsync(RelationWork.Url(Guid.NewGuid().ToString()));
        var join = await ana.User.JoinAsync(RelationWork.Doc);
        var revived = await ana.PutAsync(relation.Id, new { type = "said-by", source = ana.Claim, target = ana.Source, version = 3 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var tombstone = Assert.Single(join.Relations, r => r.Relation.Id == relation.Id);
        Assert.Equal(("delete", true, 3), (tombstone.Kind, tombstone.Relation.Deleted, tombstone.Relation.Version));
        Assert.DoesNotContain(join.Changes, c => c.Annotation.Id == relation.Id);
        Assert.Equal(HttpStatusCode.OK, revived.StatusCode);
        Assert.Equal(4, Assert.Single(await ana.ListAsync(ana.User.UserId)).Version);
    }

    [Fact]
    public async Task Deleting_A_Span_Tombstones_Its_Relations_And_Bringing_It_Back_Restores_Them()
    {
        var ana = await WorkAsync("Ana");
        var saidBy = await ana.RelateAsync("said-by", ana.Claim, ana.Source);
        var attack = await ana.RelateAsync("attacks", ana.OtherClaim, ana.Claim);
        var kept = await ana.RelateAsync("denies", ana.Denial, ana.OtherClaim);
        var removedByHand = await ana.RelateAsync("supports", ana.Claim, ana.OtherClaim);
        (await ana.User.Http.DeleteAsync(RelationWork.Url(removedByHand.Id))).EnsureSuccessStatusCode();
        var before = await ana.User.JoinAsync(RelationWork.Doc);

        (await ana.User.Http.DeleteAsync($"/api/documents/{RelationWork.Doc}/annotations/{ana.Claim}")).EnsureSuccessStatusCode();
        var afterDelete = await ana.ListAsync(ana.User.UserId);
        var catchUp = await ana.User.JoinAsync(RelationWork.Doc, before.LastSeq);
        var span = (await ana.User.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{RelationWork.Doc}/annotations")).GetProperty("items");
        // The undo: the span written again on its tombstone (version 2), as the server brings back what was deleted.
        var restored = await ana.User.PutSpanAsync(RelationWork.Doc, ana.Claim, "factual-claim", 0, 20, version: 2, layer: "claim");
        var afterUndo = await ana.ListAsync(ana.User.UserId);

        Assert.Equal([kept.Id], afterDelete.Select(r => r.Id));
        Assert.Equal(new[] { saidBy.Id, attack.Id }.Order(StringComparer.Ordinal), catchUp.Relations.Select(r => r.Relation.Id).Order(StringComparer.Ordinal));
        Assert.All(catchUp.Relations, r => Assert.Equal(AnnotationChange.Delete, r.Kind));
        Assert.All(catchUp.Relations, r => Assert.True(r.Seq > catchUp.Changes.Single().Seq)); // the span's tombstone first
        Assert.Equal(catchUp.LastSeq, catchUp.Relations.Max(r => r.Seq));
        Assert.DoesNotContain(span.EnumerateArray(), a => a.GetProperty("id").GetString() == ana.Claim);
        Assert.Equal(3, restored.Version);
        Assert.Equal(new[] { saidBy.Id, attack.Id, kept.Id }.Order(StringComparer.Ordinal), afterUndo.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(afterUndo.Where(r => r.Id != kept.Id), r => Assert.Equal(3, r.Version));
    }

    [Fact]
    public async Task A_Blind_Annotator_Never_Lists_Anothers_Relations_But_An_Open_One_Does()
    {
        var ana = await WorkAsync("Ana");
        var ben = await WorkAsync("Ben");
        await RelationWork.SetVisibilityAsync(ana.User, "blind");
        var anas = await ana.RelateAsync("said-by", ana.Claim, ana.Source);
        await ben.RelateAsync("said-by", ben.Claim, ben.Source);

        var blindList = await ben.ListAsync();
        var peek = await ben.User.Http.GetAsync($"/api/documents/{RelationWork.Doc}/relations?annotator={ana.User.UserId}");
        await RelationWork.SetVisibilityAsync(ana.User, "open");
        var openList = await ben.ListAsync(ana.User.UserId);

        Assert.All(blindList, r => Assert.Equal(ben.User.UserId, r.AnnotatorId));
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        Assert.Equal((anas.Id, anas.Version), (Assert.Single(openList).Id, openList[0].Version));
    }

    [Fact]
    public async Task Relations_Stay_Out_Of_The_Span_Lists_And_The_Review_List()
    {
        var ana = await WorkAsync("Ana");
        var relation = await ana.RelateAsync("said-by", ana.Claim, ana.Source);

        var spans = await ana.User.Http.GetFromJsonAsync<AnnotationList>($"/api/documents/{RelationWork.Doc}/annotations?annotator={ana.User.UserId}");
        var labels = await ana.User.Http.GetFromJsonAsync<AnnotationList>($"/api/documents/{RelationWork.Doc}/labels?annotator={ana.User.UserId}");
        var review = await ana.User.Http.GetFromJsonAsync<AnnotationList>("/api/annotations/review");

        Assert.Equal(5, spans!.Items.Count);
        Assert.DoesNotContain(spans.Items.Concat(labels!.Items).Concat(review!.Items), a => a.Id == relation.Id);
    }
}
