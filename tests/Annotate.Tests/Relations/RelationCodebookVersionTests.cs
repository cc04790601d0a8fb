using System.Net.Http.Json;
using Annotate.Corpus;
using Annotate.Relations;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Relations;

/// <summary>Relation types are versioned and renamed like labels: a declared rename migrates, a dropped type is reported.</summary>
public sealed class RelationCodebookVersionTests : IDisposable
{
    private const string Layers = """
        name: Test codebook
        layers:
          - id: claim
            name: Claim
            labels:
              - { id: fact, name: Fact }

        """;

    private readonly CorpusFolder corpus = new();

    public RelationCodebookVersionTests()
    {
        corpus.Write("codebook.yaml", Layers + """
            relations:
              - { id: backs, name: Backs }
              - { id: echoes, name: Echoes, directed: false }
            """);
        corpus.Write("news/pass.md", CorpusFolder.Article("Pass", "Drivers call the closure a blockade. Residents call it a protest today."));
    }

    public void Dispose() => corpus.Dispose();

    [Fact]
    public async Task A_Declared_Rename_Migrates_Relations_And_A_Dropped_Type_Is_Unknown()
    {
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        var client = ana.Http;
        var heard = new System.Collections.Concurrent.ConcurrentQueue<RelationChange>();
        ana.Hub.On<RelationChange>("RelationChanged", heard.Enqueue);
        async Task<string> PutAsync(string path, object body)
        {
            var id = Guid.NewGuid().ToString();
            (await client.PutAsJsonAsync($"/api/documents/news.pass/{path}/{id}", body)).EnsureSuccessStatusCode();
            return id;
        }

        var (one, two) = (await PutAsync("annotations", new { layer = "claim", label = "fact", start = 0, end = 7 }), await PutAsync("annotations", new { layer = "claim", label = "fact", start = 37, end = 46 }));
        var backs = await PutAsync("relations", new { type = "backs", source = one, target = two });
        var echoes = await PutAsync("relations", new { type = "echoes", source = one, target = two });
        await ana.JoinAsync("news.pass");

        corpus.Write("codebook.yaml", Layers + """
            relations:
              - { id: supports, name: Supports }
            renames:
              - { kind: relation, from: backs, to: supports }
            """);
        IReadOnlyList<Relation> relations = [];
        for (var attempt = 0; attempt < 300 && !relations.Any(r => r.Type == "supports"); attempt++)
        {
            await Task.Delay(100);
            relations = (await client.GetFromJsonAsync<RelationList>("/api/documents/news.pass/relations"))!.Items;
        }

        var migrated = Assert.Single(relations, r => r.Id == backs);
        Assert.Equal(("supports", 2, 2, "ok"), (migrated.Type, migrated.CodebookVersion, migrated.Version, migrated.Status));
        var dropped = Assert.Single(relations, r => r.Id == echoes);
        Assert.Equal(("echoes", "unknown-label"), (dropped.Type, dropped.Status));
        // The migration is announced live like any relation change (as a label rename is for spans).
        await Eventually.TrueAsync(() => heard.Any(c => c.Relation.Id == backs && c.Relation.Type == "supports"), "the renamed relation is pushed");
    }
}
