using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Annotations;

/// <summary>The annotations API on the bundled corpus: every bad input named by field, retries and conflicts.</summary>
public sealed class AnnotationsApiTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Wire = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Emoji = "highland-monitor.2026-03-07-sarn-pass-social-media-reactions";

    private static string Url(string document, string id, string path = "annotations") => $"/api/documents/{document}/{path}/{id}";

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task<(HttpClient Client, string Text)> ClientWithTextAsync(string document = Wire)
    {
        var client = await app.SignedInClientAsync();
        var detail = await client.GetFromJsonAsync<DocumentDetail>($"/api/documents/{document}");
        return (client, detail!.Text);
    }

    [Fact]
    public async Task A_Span_Is_Created_With_Its_Quote_And_Context_And_Listed()
    {
        var (client, text) = await ClientWithTextAsync();
        var id = Guid.NewGuid().ToString();
        var start = text.IndexOf("convoy", StringComparison.Ordinal);

        var response = await PutAsync(client, Url(Wire, id), new { layer = "frame", label = "security", start, end = start + 6, attributes = new { } });
        var list = await client.GetFromJsonAsync<AnnotationList>($"/api/documents/{Wire}/annotations");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<Annotation>();
        Assert.Equal("convoy", created!.Quote);
        Assert.Equal(text[Math.Max(0, start - 32)..start], created.Prefix);
        Assert.Equal(1, created.Version);
        Assert.Equal(1, created.DocumentVersion);
        Assert.Equal("ok", created.Status);
        Assert.Contains(list!.Items, a => a.Id == id && a.Label == "security" && a.Prefix is null);
        var withContext = await client.GetFromJsonAsync<AnnotationList>($"/api/documents/{Wire}/annotations?context=true");
        Assert.Equal(created.Suffix, Assert.Single(withContext!.Items, a => a.Id == id).Suffix);
    }

    [Fact]
    public async Task Retrying_The_Same_Put_Creates_No_Duplicate()
    {
        var (client, _) = await ClientWithTextAsync();
        var id = Guid.NewGuid().ToString();
        var body = new { layer = "frame", label = "protest", start = 0, end = 5 };

        var first = await PutAsync(client, Url(Wire, id), body);
        var retry = await PutAsync(client, Url(Wire, id), body);
        var list = await client.GetFromJsonAsync<AnnotationList>($"/api/documents/{Wire}/annotations");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, (await retry.Content.ReadFromJsonAsync<Annotation>())!.Version);
        Assert.Single(list!.Items, a => a.Id == id);
    }

    [Fact]
    public async Task A_Stale_Edit_Is_Rejected_With_The_Current_State()
    {
        var (client, _) = await ClientWithTextAsync();
        var id = Guid.NewGuid().ToString();
        await PutAsync(client, Url(Wire, id), new { layer = "frame", label = "protest", start = 0, end = 5 });
        await PutAsync(client, Url(Wire, id), new { layer = "frame", label = "blockade", start = 0, end = 5, version = 1 });

        var stale = await PutAsync(client, Url(Wire, id), new { layer = "frame", label = "security", start = 0, end = 5, version = 1 });
        var noVersion = await PutAsync(client, Url(Wire, id), new { layer = "frame", label = "security", start = 0, end = 5 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal("blockade", current.GetProperty("label").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, noVersion.StatusCode);
    }

    [Fact]
    public async Task Delete_Leaves_A_Tombstone_And_Is_Idempotent_And_Undo_Restores()
    {
        var (client, _) = await ClientWithTextAsync();
        var id = Guid.NewGuid().ToString();
        await PutAsync(client, Url(Wire, id), new { layer = "frame", label = "protest", start = 0, end = 5 });

        var stale = await client.DeleteAsync(Url(Wire, id) + "?version=7");
        var deleted = await client.DeleteAsync(Url(Wire, id) + "?version=1");
        var again = await client.DeleteAsync(Url(Wire, id));
        var listed = await client.GetFromJsonAsync<AnnotationList>($"/api/documents/{Wire}/annotations");
        var restored = await PutAsync(client, Url(Wire, id), new { layer = "frame", label = "protest", start = 0, end = 5, version = 2 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.DoesNotContain(listed!.Items, a => a.Id == id);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(3, (await restored.Content.ReadFromJsonAsync<Annotation>())!.Version);
    }

    [Fact]
    public async Task Another_Annotators_Span_Cannot_Be_Changed_Or_Deleted()
    {
        var (owner, _) = await ClientWithTextAsync();
        var other = await app.SignedInClientAsync("Someone Else");
        var id = Guid.NewGuid().ToString();
        await PutAsync(owner, Url(Wire, id), new { layer = "frame", label = "protest", start = 0, end = 5 });

        var edit = await PutAsync(other, Url(Wire, id), new { layer = "frame", label = "blockade", start = 0, end = 5, version = 1 });
        var delete = await other.DeleteAsync(Url(Wire, id));

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    public static TheoryData<string, string> BadSpans() => new()
    {
        { """{"label":"protest","start":0,"end":5}""", "layer" },
        { """{"layer":"frame","start":0,"end":5}""", "label" },
        { """{"layer":"frame","label":"protest","end":5}""", "start" },
        { """{"layer":"frame","label":"protest","start":0}""", "end" },
        { """{"layer":"frame","label":"protest","start":-1,"end":5}""", "start" },
        { """{"layer":"frame","label":"protest","start":0,"end":999999}""", "end" },
        { """{"layer":"frame","label":"protest","start":9,"end":4}""", "end" },
        { """{"layer":"frame","label":"protest","start":4,"end":4}""", "end" },
        { """{"layer":"frame","label":"protest","start":0,"end":5,"quote":"Wrong"}""", "quote" },
        { """{"layer":"nolayer","label":"protest","start":0,"end":5}""", "layer" },
        { """{"layer":"stance","label":"neutral","start":0,"end":5}""", "layer" },
        { """{"layer":"frame","label":"riot","start":0,"end":5}""", "label" },
        { """{"layer":"frame","label":"protest","start":0,"end":5,"attributes":{"veracity":"fake"}}""", "attributes.veracity" },
        { """{"layer":"claim","label":"accusation","start":0,"end":5,"attributes":{"veracity":"probably"}}""", "attributes.veracity" },
        { """{"layer":"claim","label":"accusation","start":0,"end":5,"attributes":{"confidence":9}}""", "attributes.confidence" },
        { """{"layer":"claim","label":"accusation","start":0,"end":5,"attributes":{"confidence":"high"}}""", "attributes.confidence" },
        { """{"layer":"claim","label":"accusation","start":0,"end":5,"attribution":{"actor":"nobody"}}""", "attribution.actor" },
        { """{"layer":"claim","label":"accusation","start":0,"end":5,"attribution":{"actor":"dalmor-government","span":"x"}}""", "attribution" },
        { """{"layer":"claim","label":"accusation","start":0,"end":5,"attribution":{"span":"00000000-0000-0000-0000-000000000001"}}""", "attribution.span" },
        { """{"layer":"frame","label":"protest","start":0,"end":5,"documentVersion":42}""", "documentVersion" },
        { """{"layer":"frame","label":"protest","start":"zero","end":5}""", "start" },
        { """{"layer":"frame","label":"protest","start":0,"end":5,"colour":"red"}""", "colour" },
        { """{"layer":"frame","label":"protest","start":0,"end":5,"attribution":{"who":"x"}}""", "attribution.who" },
    };

    [Theory]
    [MemberData(nameof(BadSpans))]
    public async Task Bad_Input_Is_Refused_Naming_The_Field(string json, string field)
    {
        var (client, _) = await ClientWithTextAsync();

        var response = await client.PutAsync(Url(Wire, Guid.NewGuid().ToString()), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task Over_Long_Notes_Are_Refused()
    {
        var (client, _) = await ClientWithTextAsync();

        var response = await PutAsync(client, Url(Wire, Guid.NewGuid().ToString()), new { layer = "frame", label = "protest", start = 0, end = 5, note = new string('n', 5001) });

        Assert.Contains("note", (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task A_Non_Uuid_Id_Is_Refused()
    {
        var (client, _) = await ClientWithTextAsync();

        var response = await PutAsync(client, Url(Wire, "my-span"), new { layer = "frame", label = "protest", start = 0, end = 5 });

        Assert.Contains("id", (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task Unknown_Documents_Answer_404()
    {
        var (client, _) = await ClientWithTextAsync();

        var put = await PutAsync(client, Url("no-such-document", Guid.NewGuid().ToString()), new { layer = "frame", label = "protest", start = 0, end = 5 });
        var list = await client.GetAsync("/api/documents/no-such-document/annotations");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
    }

    [Fact]
    public async Task Offsets_That_Split_An_Emoji_Are_Refused_And_Whole_Ones_Accepted()
    {
        var (client, text) = await ClientWithTextAsync(Emoji);
        var emoji = text.IndexOf("🚧", StringComparison.Ordinal);

        var split = await PutAsync(client, Url(Emoji, Guid.NewGuid().ToString()), new { layer = "frame", label = "blockade", start = emoji, end = emoji + 1 });
        var whole = await PutAsync(client, Url(Emoji, Guid.NewGuid().ToString()), new { layer = "frame", label = "blockade", start = emoji, end = emoji + 2, quote = "🚧" });

        Assert.Contains("end", (await ErrorsAsync(split)).Keys);
        Assert.Equal(HttpStatusCode.Created, whole.StatusCode);
    }

    [Fact]
    public async Task Attributes_And_Attribution_Are_Stored()
    {
        var (client, text) = await ClientWithTextAsync();
        var sourceId = Guid.NewGuid().ToString();
        var claimId = Guid.NewGuid().ToString();
        await PutAsync(client, Url(Wire, sourceId), new { layer = "source", label = "official", start = 0, end = 5 });

        var response = await PutAsync(client, Url(Wire, claimId), new
        {
            layer = "claim", label = "accusation", start = 6, end = 14,
            attributes = new { veracity = "disputed", confidence = 4, note = "check the ministry" },
        });
        var byActor = await PutAsync(client, Url(Wire, Guid.NewGuid().ToString()), new
        {
            layer = "claim", label = "denial", start = 15, end = 20, attribution = new { actor = "varenia-government" },
        });

        var claim = await response.Content.ReadFromJsonAsync<Annotation>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("disputed", claim!.Attributes["veracity"].GetString());
        Assert.Equal(4, claim.Attributes["confidence"].GetInt32());
        Assert.Null(claim.Attribution);
        Assert.Equal("""{"actor":"varenia-government"}""", (await byActor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attribution").GetRawText());
        Assert.Equal(text[6..14], claim.Quote);
    }

    [Fact]
    public async Task A_Span_Attribution_Is_Refused_With_A_Pointer_To_The_Said_By_Relation()
    {
        var (client, _) = await ClientWithTextAsync();
        var sourceId = Guid.NewGuid().ToString();
        await PutAsync(client, Url(Wire, sourceId), new { layer = "source", label = "official", start = 0, end = 5 });

        var response = await PutAsync(client, Url(Wire, Guid.NewGuid().ToString()), new
        {
            layer = "claim", label = "accusation", start = 6, end = 14, attribution = new { span = sourceId },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await ErrorsAsync(response))["attribution.span"]);
        Assert.Contains("'said-by' relation", message, StringComparison.Ordinal);
        Assert.Contains("PUT /api/documents/{documentId}/relations/{relationId}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlapping_And_Nested_Spans_Are_All_Kept()
    {
        var (client, _) = await ClientWithTextAsync();
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();

        await PutAsync(client, Url(Wire, ids[0]), new { layer = "frame", label = "security", start = 0, end = 20 });
        await PutAsync(client, Url(Wire, ids[1]), new { layer = "frame", label = "protest", start = 6, end = 14 });
        await PutAsync(client, Url(Wire, ids[2]), new { layer = "claim", label = "factual-claim", start = 10, end = 30 });
        var list = await client.GetFromJsonAsync<AnnotationList>($"/api/documents/{Wire}/annotations");

        Assert.All(ids, id => Assert.Contains(list!.Items, a => a.Id == id));
    }

    [Fact]
    public async Task An_Exact_Duplicate_Of_Ones_Own_Span_Is_Refused_Naming_The_Existing_One()
    {
        var (client, _) = await ClientWithTextAsync();
        var (first, twin, other) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var span = new { layer = "frame", label = "protest", start = 40, end = 52 };

        var created = await PutAsync(client, Url(Wire, first), span);
        var duplicate = await PutAsync(client, Url(Wire, twin), span);
        var retried = await PutAsync(client, Url(Wire, first), span);
        var otherLabel = await PutAsync(client, Url(Wire, other), span with { label = "blockade" });
        var colleague = await PutAsync(await app.SignedInClientAsync("Colleague"), Url(Wire, Guid.NewGuid().ToString()), span);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var error = Assert.Single((await ErrorsAsync(duplicate))["start"]);
        Assert.Contains("already marked", error, StringComparison.Ordinal);
        Assert.Contains(first, error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode); // the same id again is a retry, not a duplicate
        Assert.Equal(HttpStatusCode.Created, otherLabel.StatusCode);
        Assert.Equal(HttpStatusCode.Created, colleague.StatusCode); // someone else's identical span is their reading

        // Once the first is deleted, the stretch can be marked again.
        var version = (await created.Content.ReadFromJsonAsync<Annotation>())!.Version;
        (await client.DeleteAsync($"{Url(Wire, first)}?version={version}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, Url(Wire, twin), span)).StatusCode);
    }

    [Fact]
    public async Task Document_Labels_Take_One_Label_Per_Annotator_In_A_Single_Choice_Layer()
    {
        var (client, _) = await ClientWithTextAsync(Emoji);
        var first = Guid.NewGuid().ToString();

        var created = await PutAsync(client, Url(Emoji, first, "labels"), new { layer = "stance", label = "neutral", note = "mostly quotes" });
        var second = await PutAsync(client, Url(Emoji, Guid.NewGuid().ToString(), "labels"), new { layer = "stance", label = "mixed" });
        var changed = await PutAsync(client, Url(Emoji, first, "labels"), new { layer = "stance", label = "mixed", version = 1 });
        var spanLayer = await PutAsync(client, Url(Emoji, Guid.NewGuid().ToString(), "labels"), new { layer = "frame", label = "protest" });
        var withOffsets = await PutAsync(client, Url(Emoji, Guid.NewGuid().ToString(), "labels"), new { layer = "stance", label = "mixed", start = 0, end = 4 });
        var labels = await client.GetFromJsonAsync<AnnotationList>($"/api/documents/{Emoji}/labels");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("layer", (await ErrorsAsync(spanLayer)).Keys);
        Assert.Contains("start", (await ErrorsAsync(withOffsets)).Keys);
        var label = Assert.Single(labels!.Items, l => l.Id == first);
        Assert.Equal("mixed", label.Label);
        Assert.Equal("document", label.Kind);
        Assert.Null(label.Start);
    }

    [Fact]
    public async Task Annotations_Can_Be_Filtered_By_Annotator_And_Layer()
    {
        var (client, _) = await ClientWithTextAsync();
        var other = await app.SignedInClientAsync("Filter Other");
        var me = (await client.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("userId").GetString();
        await PutAsync(client, Url(Wire, Guid.NewGuid().ToString()), new { layer = "source", label = "official", start = 0, end = 5 });
        await PutAsync(other, Url(Wire, Guid.NewGuid().ToString()), new { layer = "source", label = "media", start = 0, end = 5 });

        var mine = await client.GetFromJsonAsync<AnnotationList>($"/api/documents/{Wire}/annotations?annotator={me}&layer=source");

        Assert.NotEmpty(mine!.Items);
        Assert.All(mine.Items, a => Assert.True(a.AnnotatorId == me && a.Layer == "source"));
    }

    [Fact]
    public async Task The_Codebook_Of_A_Document_Is_Served()
    {
        var (client, _) = await ClientWithTextAsync();

        var codebook = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{Wire}/codebook");

        Assert.Equal("", codebook.GetProperty("collection").GetString());
        Assert.Contains(codebook.GetProperty("codebook").GetProperty("actors").EnumerateArray(), a => a.GetProperty("id").GetString() == "dalmor-government");
    }
}
