using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Relations;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Curation;

/// <summary>
/// Curation of relations over HTTP: annotators' relations grouped into relation clusters, accepted into gold with
/// provenance once both ends are gold (409 naming the end before), edited, rejected, taken by accept-agreed after
/// the spans, and refused to annotators.
/// </summary>
public sealed class RelationCurationTests : IAsyncLifetime
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Password = "relation curator passphrase";
    private readonly AnnotateApp app = new();
    private HubUser ana = null!;
    private HubUser ben = null!;
    private HubUser cora = null!;

    public async Task InitializeAsync()
    {
        ana = await HubUser.SignInAsync(app, "Ana");
        ben = await HubUser.SignInAsync(app, "Ben");
        var (added, _, error) = await AnnotateProcess.RunWithInputAsync(Password, "user", "add", "cora", "--db", app.DatabasePath);
        Assert.True(added == 0, error);
        var (member, _, memberError) = await AnnotateProcess.RunAsync("project", "add-member", "default", "cora", "--role", "curator", "--db", app.DatabasePath);
        Assert.True(member == 0, memberError);
        cora = await HubUser.SignInWithPasswordAsync(app, "cora", Password);
    }

    public async Task DisposeAsync()
    {
        await ana.DisposeAsync();
        await ben.DisposeAsync();
        await cora.DisposeAsync();
        app.Dispose();
    }

    /// <summary>One annotator's claim (0–20) said by a source (75–90), with the relation's mode.</summary>
    private sealed record Said(Annotation Claim, Annotation Source, Relation Relation);

    private static async Task<Said> SaidByAsync(HubUser who, string mode = "direct-quote", int claimEnd = 20)
    {
        var claim = await who.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "factual-claim", 0, claimEnd, layer: "claim");
        var source = await who.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "official", 75, 90, layer: "source");
        var response = await who.Http.PutAsJsonAsync($"/api/documents/{Doc}/relations/{Guid.NewGuid()}",
            new { type = "said-by", source = claim.Id, target = source.Id, attributes = new { mode } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Said(claim, source, (await response.Content.ReadFromJsonAsync<Relation>())!);
    }

    private async Task<JsonElement> ViewAsync() => await cora.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/curation");

    private static JsonElement OnlyRelationCluster(JsonElement view) => Assert.Single(view.GetProperty("relationClusters").EnumerateArray().ToList());

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private Task<HttpResponseMessage> PutGoldRelationAsync(string id, object body) => cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/gold-relations/{id}", body);

    private async Task<Annotation> AcceptSpanAsync(Annotation span)
    {
        var response = await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/gold/{Guid.NewGuid()}",
            new { layer = span.Layer, label = span.Label, start = span.Start, end = span.End, action = "accepted", sources = new[] { span.Id } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Annotation>())!;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task Relations_Between_The_Same_Span_Clusters_Form_One_Relation_Cluster_That_Says_Who_Made_It()
    {
        var anas = await SaidByAsync(ana);
        var bens = await SaidByAsync(ben, mode: "paraphrase", claimEnd: 18);
        var other = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "factual-claim", 25, 45, layer: "claim");
        (await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/relations/{Guid.NewGuid()}", new { type = "supports", source = anas.Claim.Id, target = other.Id })).EnsureSuccessStatusCode();

        var view = await ViewAsync();

        var clusters = view.GetProperty("relationClusters").EnumerateArray().ToList();
        Assert.Equal(2, clusters.Count);
        var said = clusters.Single(c => c.GetProperty("type").GetString() == "said-by");
        Assert.Equal("claim:0-20", said.GetProperty("sourceCluster").GetString());
        Assert.Equal("source:75-90", said.GetProperty("targetCluster").GetString());
        Assert.Equal("said-by:claim:0-20>source:75-90", said.GetProperty("id").GetString());
        Assert.Equal(new[] { ana.UserId, ben.UserId }.Order(StringComparer.Ordinal), Strings(said.GetProperty("annotators")));
        Assert.Equal(new[] { anas.Relation.Id, bens.Relation.Id }.Order(StringComparer.Ordinal), Strings(said.GetProperty("relations")).Order(StringComparer.Ordinal));
        Assert.Equal(["ends"], Strings(said.GetProperty("kinds"))); // Ben's claim ends at 18
        Assert.False(said.GetProperty("agreed").GetBoolean());
        Assert.Equal("open", said.GetProperty("status").GetString());
        Assert.All(said.GetProperty("ends").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("source").ValueKind));
        var supports = clusters.Single(c => c.GetProperty("type").GetString() == "supports");
        Assert.Equal(["missed"], Strings(supports.GetProperty("kinds")));
        Assert.Equal([ben.UserId], Strings(supports.GetProperty("missing")));
        Assert.Equal(3, view.GetProperty("relations").GetArrayLength());
        Assert.Equal(anas.Claim.Id, view.GetProperty("relations").EnumerateArray().Single(r => r.GetProperty("id").GetString() == anas.Relation.Id).GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_Relation_Is_Accepted_Only_Once_Both_Ends_Are_Gold_Then_Joins_The_Gold_Copies_With_Provenance()
    {
        var anas = await SaidByAsync(ana);
        var bens = await SaidByAsync(ben);
        var id = Guid.NewGuid().ToString();
        object Accept() => new { type = "said-by", source = anas.Claim.Id, target = anas.Source.Id, attributes = new { mode = "direct-quote" }, action = "accepted", sources = new[] { anas.Relation.Id, bens.Relation.Id } };

        var noEnds = await PutGoldRelationAsync(id, Accept());
        var goldClaim = await AcceptSpanAsync(anas.Claim);
        var noTarget = await PutGoldRelationAsync(id, Accept());
        var goldSource = await AcceptSpanAsync(bens.Source); // Ben's copy: Ana's identical source span stands for it
        var accepted = await PutGoldRelationAsync(id, Accept());
        var retried = await PutGoldRelationAsync(id, Accept());

        Assert.Equal(HttpStatusCode.Conflict, noEnds.StatusCode);
        var problem = await noEnds.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("source", problem.GetProperty("field").GetString());
        Assert.Equal(anas.Claim.Id, problem.GetProperty("span").GetString());
        Assert.Contains("is not in the gold layer yet; accept it first", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("target", (await noTarget.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var gold = (await accepted.Content.ReadFromJsonAsync<Relation>())!;
        Assert.Equal((goldClaim.Id, goldSource.Id), (gold.Source, gold.Target));
        Assert.Equal("gold", gold.AnnotatorId);
        Assert.Equal("accepted", gold.Provenance!.Action);
        Assert.Equal("cora", gold.Provenance.CuratorName);
        Assert.Equal(new[] { anas.Relation.Id, bens.Relation.Id }.Order(StringComparer.Ordinal), gold.Provenance.Sources.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal("said-by", gold.Provenance.Sources[0].Label);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, (await retried.Content.ReadFromJsonAsync<Relation>())!.Version);
        var view = await ViewAsync();
        var cluster = OnlyRelationCluster(view);
        Assert.Equal("curated", cluster.GetProperty("status").GetString());
        Assert.Equal([id], Strings(cluster.GetProperty("gold")));
        Assert.All(cluster.GetProperty("ends").EnumerateArray(), e => Assert.Equal((goldClaim.Id, goldSource.Id), (e.GetProperty("source").GetString(), e.GetProperty("target").GetString())));
        Assert.Equal(gold.Provenance.Action, view.GetProperty("goldRelations").EnumerateArray().Single().GetProperty("provenance").GetProperty("action").GetString());
    }

    [Fact]
    public async Task An_Accepted_Relation_Can_Be_Edited_And_Keeps_Its_Sources()
    {
        var anas = await SaidByAsync(ana);
        var goldClaim = await AcceptSpanAsync(anas.Claim);
        var goldSource = await AcceptSpanAsync(anas.Source);
        var id = Guid.NewGuid().ToString();
        (await PutGoldRelationAsync(id, new { type = "said-by", source = goldClaim.Id, target = goldSource.Id, attributes = new { mode = "direct-quote" }, action = "accepted", sources = new[] { anas.Relation.Id } })).EnsureSuccessStatusCode();

        var edited = await PutGoldRelationAsync(id, new { type = "said-by", source = goldClaim.Id, target = goldSource.Id, attributes = new { mode = "paraphrase" }, action = "edited", version = 1 });
        var stale = await PutGoldRelationAsync(id, new { type = "said-by", source = goldClaim.Id, target = goldSource.Id, attributes = new { mode = "reported-speech" }, action = "edited", version = 1 });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var relation = (await edited.Content.ReadFromJsonAsync<Relation>())!;
        Assert.Equal("edited", relation.Provenance!.Action);
        Assert.Equal(anas.Relation.Id, relation.Provenance.Sources.Single().Id);
        Assert.Equal("paraphrase", relation.Attributes["mode"].GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("curated", OnlyRelationCluster(await ViewAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_Rejection_Of_Relations_Is_Recorded_With_Provenance_And_Can_Be_Undone()
    {
        var anas = await SaidByAsync(ana);
        var bens = await SaidByAsync(ben);
        var id = Guid.NewGuid().ToString();

        var rejected = await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/relation-rejections/{id}", new { type = "said-by", sources = new[] { anas.Relation.Id, bens.Relation.Id } });
        var whileRejected = OnlyRelationCluster(await ViewAsync());
        var removed = await cora.Http.DeleteAsync($"/api/documents/{Doc}/relation-rejections/{id}?version=1");

        Assert.Equal(HttpStatusCode.Created, rejected.StatusCode);
        var rejection = (await rejected.Content.ReadFromJsonAsync<Annotation>())!;
        Assert.Equal(("rejected-relation", "said-by", "rejected"), (rejection.Kind, rejection.Label, rejection.Provenance!.Action));
        Assert.Equal(2, rejection.Provenance.Sources.Count);
        Assert.Equal("rejected", whileRejected.GetProperty("status").GetString());
        Assert.Equal([id], Strings(whileRejected.GetProperty("rejections")));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var after = await ViewAsync();
        Assert.Equal("open", OnlyRelationCluster(after).GetProperty("status").GetString());
        Assert.Empty(after.GetProperty("relationRejections").EnumerateArray());
    }

    [Fact]
    public async Task Accept_Agreed_Takes_Agreed_Relations_After_Their_Spans_Once()
    {
        var anas = await SaidByAsync(ana);
        var bens = await SaidByAsync(ben);
        var anasOwn = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "factual-claim", 25, 45, layer: "claim");
        (await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/relations/{Guid.NewGuid()}", new { type = "supports", source = anas.Claim.Id, target = anasOwn.Id })).EnsureSuccessStatusCode();

        var first = await (await cora.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await cora.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { })).Content.ReadFromJsonAsync<JsonElement>();

        var spans = first.GetProperty("created").EnumerateArray().ToDictionary(s => s.GetProperty("layer").GetString()!, s => s.GetProperty("id").GetString()!);
        Assert.Equal(2, spans.Count);
        var relation = Assert.Single(first.GetProperty("relations").EnumerateArray().ToList()); // Ana's "supports" is hers alone
        Assert.Equal("said-by", relation.GetProperty("type").GetString());
        Assert.Equal((spans["claim"], spans["source"]), (relation.GetProperty("source").GetString(), relation.GetProperty("target").GetString()));
        Assert.Equal("accepted", relation.GetProperty("provenance").GetProperty("action").GetString());
        Assert.Equal(new[] { anas.Relation.Id, bens.Relation.Id }.Order(StringComparer.Ordinal),
            relation.GetProperty("provenance").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("direct-quote", relation.GetProperty("attributes").GetProperty("mode").GetString());
        Assert.Empty(second.GetProperty("created").EnumerateArray());
        Assert.Empty(second.GetProperty("relations").EnumerateArray());
        var clusters = (await ViewAsync()).GetProperty("relationClusters").EnumerateArray().ToList();
        Assert.Equal("curated", clusters.Single(c => c.GetProperty("type").GetString() == "said-by").GetProperty("status").GetString());
        Assert.Equal("open", clusters.Single(c => c.GetProperty("type").GetString() == "supports").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_Undirected_Relation_Made_Either_Way_Round_Is_One_Agreed_Cluster_Accepted_With_The_Spans()
    {
        var restated = new List<string>();
        foreach (var (who, first) in new[] { (ana, true), (ben, false) })
        {
            var quote = await who.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "factual-claim", 0, 20, layer: "claim");
            var paraphrase = await who.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "factual-claim", 30, 50, layer: "claim");
            var (source, target) = first ? (quote.Id, paraphrase.Id) : (paraphrase.Id, quote.Id);
            var response = await who.Http.PutAsJsonAsync($"/api/documents/{Doc}/relations/{Guid.NewGuid()}", new { type = "restates", source, target });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            restated.Add((await response.Content.ReadFromJsonAsync<Relation>())!.Id);
        }

        var cluster = OnlyRelationCluster(await ViewAsync());
        var accepted = await (await cora.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("restates:claim:0-20~claim:30-50", cluster.GetProperty("id").GetString());
        Assert.False(cluster.GetProperty("directed").GetBoolean());
        Assert.True(cluster.GetProperty("agreed").GetBoolean(), cluster.ToString());
        Assert.Equal(restated.Order(StringComparer.Ordinal), Strings(cluster.GetProperty("relations")).Order(StringComparer.Ordinal));
        var relation = Assert.Single(accepted.GetProperty("relations").EnumerateArray().ToList());
        Assert.Equal(2, relation.GetProperty("provenance").GetProperty("sources").GetArrayLength());
        Assert.Equal("curated", OnlyRelationCluster(await ViewAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Annotators_Cannot_Curate_Relations()
    {
        var anas = await SaidByAsync(ana);

        var accept = await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/gold-relations/{Guid.NewGuid()}",
            new { type = "said-by", source = anas.Claim.Id, target = anas.Source.Id, action = "accepted", sources = new[] { anas.Relation.Id } });
        var reject = await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/relation-rejections/{Guid.NewGuid()}", new { type = "said-by", sources = new[] { anas.Relation.Id } });
        var unreject = await ana.Http.DeleteAsync($"/api/documents/{Doc}/relation-rejections/{Guid.NewGuid()}?version=1");

        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unreject.StatusCode);
    }

    [Fact]
    public async Task Bad_Relation_Curation_Writes_Name_The_Field()
    {
        var anas = await SaidByAsync(ana);
        var goldClaim = await AcceptSpanAsync(anas.Claim);
        var goldSource = await AcceptSpanAsync(anas.Source);
        object Body(string? action, object sources) => new { type = "said-by", source = goldClaim.Id, target = goldSource.Id, action, sources };

        var badAction = await ErrorsAsync(await PutGoldRelationAsync(Guid.NewGuid().ToString(), Body("approved", new[] { anas.Relation.Id })));
        var noSources = await ErrorsAsync(await PutGoldRelationAsync(Guid.NewGuid().ToString(), Body("accepted", Array.Empty<string>())));
        var spanAsSource = await ErrorsAsync(await PutGoldRelationAsync(Guid.NewGuid().ToString(), Body("accepted", new[] { anas.Claim.Id })));
        var misspelt = await PutGoldRelationAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = goldClaim.Id, target = goldSource.Id, action = "created", sourcez = "x" });
        var rejectNoType = await ErrorsAsync(await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/relation-rejections/{Guid.NewGuid()}", new { sources = new[] { anas.Relation.Id } }));
        var rejectOtherType = await ErrorsAsync(await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/relation-rejections/{Guid.NewGuid()}", new { type = "supports", sources = new[] { anas.Relation.Id } }));
        var rejectNothing = await ErrorsAsync(await cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/relation-rejections/{Guid.NewGuid()}", new { type = "said-by" }));
        var wrongWay = await ErrorsAsync(await PutGoldRelationAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = goldSource.Id, target = goldClaim.Id, action = "edited", sources = new[] { anas.Relation.Id } }));

        Assert.Contains("not a curation action", badAction["action"][0], StringComparison.Ordinal);
        Assert.Contains("Say which relations", noSources["sources"][0], StringComparison.Ordinal);
        Assert.Equal($"'{anas.Claim.Id}' is not an annotator's relation of this document.", spanAsSource["sources"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Contains("relation type", rejectNoType["type"][0], StringComparison.Ordinal);
        Assert.Equal($"'{anas.Relation.Id}' is a 'said-by' relation, not 'supports'.", rejectOtherType["sources"][0]);
        Assert.Contains("Say which annotators' relations", rejectNothing["sources"][0], StringComparison.Ordinal);
        Assert.True(wrongWay.ContainsKey("source"), string.Join(", ", wrongWay.Keys));
    }
}
