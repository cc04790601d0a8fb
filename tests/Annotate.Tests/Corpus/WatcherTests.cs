using System.Net.Http.Json;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Corpus;

/// <summary>The running server notices new, edited and broken files without a restart.</summary>
public sealed class WatcherTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    public WatcherTests() => corpus.Write("news/first.md", CorpusFolder.Article("First", "Already here."));

    public void Dispose() => corpus.Dispose();

    [Fact]
    public async Task A_New_File_Shows_Up_Without_A_Restart()
    {
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        var client = await app.SignedInClientAsync();

        corpus.Write("news/second.md", CorpusFolder.Article("Second", "Dropped in while the server runs."));
        await AnnotateApp.WaitForCorpusAsync(client, s => s.DocumentCount == 2);

        var list = await client.GetFromJsonAsync<DocumentList>("/api/documents");
        Assert.Contains(list!.Items, d => d.Id == "news.second" && d.Title == "Second");
    }

    [Fact]
    public async Task An_Edited_File_Becomes_A_New_Version_Without_A_Restart()
    {
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        var client = await app.SignedInClientAsync();

        corpus.Write("news/first.md", CorpusFolder.Article("First", "Edited while the server runs."));
        DocumentDetail? document = null;
        for (var attempt = 0; attempt < 300 && document?.Version != 2; attempt++)
        {
            await Task.Delay(100);
            document = await client.GetFromJsonAsync<DocumentDetail>("/api/documents/news.first");
        }

        Assert.Equal(2, document!.Version);
        Assert.Equal("Edited while the server runs.", document.Text);
    }

    [Fact]
    public async Task A_Bad_File_Added_Later_Appears_On_The_Status_Page()
    {
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        var client = await app.SignedInClientAsync();

        corpus.WriteBytes("news/broken.md", [0xFF, 0xFE, 0x00, 0x41]);
        var status = await AnnotateApp.WaitForCorpusAsync(client, s => s.Problems.Count > 0);

        var problem = Assert.Single(status.Problems);
        Assert.Equal("news/broken.md", problem.Path);
        Assert.Equal("unsupported-encoding", problem.Code);
    }
}
