using System.Net.Http.Json;
using Annotate.Annotations;
using Annotate.Collaboration;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Annotations;

/// <summary>Edits to an article or its codebook carry existing annotations along, or keep them as orphans; none is lost.</summary>
public sealed class ReanchoringTests : IDisposable
{
    private const string Codebook = """
        name: Test codebook
        layers:
          - id: frame
            name: Frame
            labels:
              - { id: protest, name: Protest, key: p }
              - { id: blockade, name: Blockade, key: b }
        """;

    private readonly CorpusFolder corpus = new();

    public ReanchoringTests()
    {
        corpus.Write("codebook.yaml", Codebook);
        corpus.Write("news/pass.md", CorpusFolder.Article("Pass", "Drivers call the closure a blockade. Residents call it a protest 🚧 today."));
    }

    public void Dispose() => corpus.Dispose();

    private static async Task<string> AddSpanAsync(HttpClient client, string text, string quote, string label)
    {
        var id = Guid.NewGuid().ToString();
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        var response = await client.PutAsJsonAsync($"/api/documents/news.pass/annotations/{id}", new { layer = "frame", label, start, end = start + quote.Length });
        response.EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<DocumentDetail> WaitForVersionAsync(HttpClient client, int version)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var document = await client.GetFromJsonAsync<DocumentDetail>("/api/documents/news.pass");
            if (document!.Version == version)
            {
                await AnnotateApp.WaitForCorpusAsync(client);
                return document;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"news.pass never reached version {version}.");
    }

    [Fact]
    public async Task Spans_Follow_Their_Text_Into_A_New_Version_And_Lost_Ones_Become_Orphans()
    {
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        var client = await app.SignedInClientAsync();
        var text = (await client.GetFromJsonAsync<DocumentDetail>("/api/documents/news.pass"))!.Text;
        var blockade = await AddSpanAsync(client, text, "blockade", "blockade");
        var protest = await AddSpanAsync(client, text, "protest 🚧", "protest");

        corpus.Write("news/pass.md", CorpusFolder.Article("Pass", "Update: residents call it a protest 🚧 today. Drivers call the closure a road block."));
        var edited = await WaitForVersionAsync(client, 2);
        var annotations = (await client.GetFromJsonAsync<AnnotationList>("/api/documents/news.pass/annotations"))!.Items;

        var moved = Assert.Single(annotations, a => a.Id == protest);
        Assert.Equal(2, moved.DocumentVersion);
        Assert.Equal("protest 🚧", edited.Text[moved.Start!.Value..moved.End!.Value]);
        Assert.Equal("ok", moved.Status);
        var orphan = Assert.Single(annotations, a => a.Id == blockade);
        Assert.Equal("orphan", orphan.Status);
        Assert.Equal(1, orphan.DocumentVersion);
        Assert.Equal("blockade", orphan.Quote);
        var review = await client.GetFromJsonAsync<AnnotationList>("/api/annotations/review");
        Assert.Equal(blockade, Assert.Single(review!.Items).Id);
    }

    [Fact]
    public async Task A_Declared_Rename_Migrates_Existing_Labels_And_An_Undeclared_Removal_Is_Reported()
    {
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        var client = await app.SignedInClientAsync();
        var text = (await client.GetFromJsonAsync<DocumentDetail>("/api/documents/news.pass"))!.Text;
        var renamed = await AddSpanAsync(client, text, "protest", "protest");
        var dropped = await AddSpanAsync(client, text, "blockade", "blockade");

        corpus.Write("codebook.yaml", """
            name: Test codebook
            layers:
              - id: frame
                name: Frame
                labels:
                  - { id: civil-protest, name: Civil protest, key: p }
            renames:
              - { layer: frame, from: protest, to: civil-protest }
            """);
        IReadOnlyList<Annotation> annotations = [];
        for (var attempt = 0; attempt < 300 && !annotations.Any(a => a.Label == "civil-protest"); attempt++)
        {
            await Task.Delay(100);
            annotations = (await client.GetFromJsonAsync<AnnotationList>("/api/documents/news.pass/annotations"))!.Items;
        }

        var migrated = Assert.Single(annotations, a => a.Id == renamed);
        Assert.Equal("civil-protest", migrated.Label);
        Assert.Equal(2, migrated.CodebookVersion);
        Assert.Equal(2, migrated.Version);
        var unknown = Assert.Single(annotations, a => a.Id == dropped);
        Assert.Equal("unknown-label", unknown.Status);
        Assert.Equal("blockade", unknown.Label);
        var review = await client.GetFromJsonAsync<AnnotationList>("/api/annotations/review");
        Assert.Equal(dropped, Assert.Single(review!.Items).Id);
    }

    [Fact]
    public async Task Clients_Following_The_Document_Live_See_Spans_Move_To_The_New_Text()
    {
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        var text = (await ana.Http.GetFromJsonAsync<DocumentDetail>("/api/documents/news.pass"))!.Text;
        var id = await AddSpanAsync(ana.Http, text, "protest 🚧", "protest");
        await ana.JoinAsync("news.pass");

        corpus.Write("news/pass.md", CorpusFolder.Article("Pass", "Now: residents call it a protest 🚧 today."));

        await Eventually.TrueAsync(() => ana.Changes.Any(c => c.Annotation.Id == id && c.Annotation.DocumentVersion == 2), "the moved span is pushed", 15_000);
        var change = ana.Changes.Last(c => c.Annotation.Id == id);
        Assert.Equal("protest 🚧", change.Annotation.Quote);
        Assert.Equal(2, change.Annotation.Version);
        Assert.Contains(new DocumentVersionChange("news.pass", 2), ana.DocumentChanges);
    }
}
