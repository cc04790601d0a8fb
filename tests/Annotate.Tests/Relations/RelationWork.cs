using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Relations;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Relations;

/// <summary>One annotator's spans on the wire report, ready to be related, and the calls the relation tests make.</summary>
internal sealed record RelationWork(HttpClient Http, string Claim, string OtherClaim, string Denial, string Source, string Frame)
{
    public const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    /// <summary>Two factual claims, a denial, a source and a frame span of the user's (or of the gold layer, through …/gold).</summary>
    public static async Task<RelationWork> CreateAsync(HubUser user) => await CreateAsync(user.Http, gold: false) with { User = user };

    /// <summary>The user signed in with a hub connection (null for a plain HTTP client).</summary>
    public HubUser User { get; private init; } = null!;

    public static async Task<RelationWork> CreateAsync(HttpClient http, bool gold)
    {
        async Task<string> SpanAsync(string layer, string label, int start, int end)
        {
            var id = Guid.NewGuid().ToString();
            var path = gold ? "gold" : "annotations";
            var body = gold ? (object)new { layer, label, start, end, action = "created", sources = Array.Empty<string>() } : new { layer, label, start, end };
            (await http.PutAsJsonAsync($"/api/documents/{Doc}/{path}/{id}", body)).EnsureSuccessStatusCode();
            return id;
        }

        return new RelationWork(http, await SpanAsync("claim", "factual-claim", 0, 20), await SpanAsync("claim", "factual-claim", 25, 45),
            await SpanAsync("claim", "denial", 50, 70), await SpanAsync("source", "official", 75, 90), await SpanAsync("frame", "protest", 95, 110));
    }

    public static string Url(string id, string path = "relations") => $"/api/documents/{Doc}/{path}/{id}";

    public Task<HttpResponseMessage> PutAsync(string id, object body, string path = "relations") => Http.PutAsJsonAsync(Url(id, path), body);

    /// <summary>Creates a relation and returns it (the call must succeed).</summary>
    public async Task<Relation> RelateAsync(string type, string source, string target, object? attributes = null, string path = "relations")
    {
        var response = await PutAsync(Guid.NewGuid().ToString(), new { type, source, target, attributes }, path);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Relation>())!;
    }

    public async Task<IReadOnlyList<Relation>> ListAsync(string? annotator = null) =>
        (await Http.GetFromJsonAsync<RelationList>($"/api/documents/{Doc}/relations" + (annotator is null ? "" : $"?annotator={annotator}")))!.Items;

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    public static async Task SetVisibilityAsync(HubUser user, string visibility) =>
        (await user.Http.PatchAsJsonAsync("/api/projects/default", new { visibility })).EnsureSuccessStatusCode();
}
