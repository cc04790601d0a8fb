using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Corpus;

/// <summary>A changed text becomes a new version; the old one stays so nothing pointing into it dangles.</summary>
public sealed class VersioningTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    public void Dispose() => corpus.Dispose();

    [Fact]
    public async Task Changed_Text_Becomes_A_New_Version_And_The_Old_One_Is_Kept()
    {
        var path = corpus.Write("news/closure.md", CorpusFolder.Article("Closure", "The road is closed."));
        using var harness = new LoaderHarness(corpus.Root);
        await harness.LoadAsync();

        File.WriteAllText(path, CorpusFolder.Article("Closure", "The road is blockaded."));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var result = await harness.LoadAsync();

        Assert.Equal(1, result.NewVersions);
        var current = await harness.Documents.GetAsync("news.closure", null, default);
        var first = await harness.Documents.GetAsync("news.closure", 1, default);
        Assert.Equal(2, current!.Value.Version.Version);
        Assert.Equal("The road is blockaded.", current.Value.Version.Text);
        Assert.Equal("The road is closed.", first!.Value.Version.Text);
        Assert.Equal(2, (await harness.Documents.VersionsAsync("news.closure", default))!.Count);
    }

    [Fact]
    public async Task Metadata_Change_Keeps_The_Version_But_Updates_The_Document()
    {
        var path = corpus.Write("news/closure.md", CorpusFolder.Article("Closure", "The road is closed."));
        using var harness = new LoaderHarness(corpus.Root);
        await harness.LoadAsync();

        File.WriteAllText(path, CorpusFolder.Article("Closure, updated title", "The road is *closed*."));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var result = await harness.LoadAsync();

        Assert.Equal(0, result.NewVersions);
        var current = await harness.Documents.GetAsync("news.closure", null, default);
        Assert.Equal(1, current!.Value.Version.Version);
        Assert.Equal("Closure, updated title", current.Value.Document.Title);
        Assert.Contains("*closed*", current.Value.Version.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Restart_Skips_Unchanged_Files_Without_Reading_Them()
    {
        corpus.Write("news/a.md", CorpusFolder.Article("A", "Text A."));
        var path = corpus.Write("news/b.md", CorpusFolder.Article("B", "Text B."));
        using var harness = new LoaderHarness(corpus.Root);
        await harness.LoadAsync();

        // Unreadable now, but unchanged in size and time: a warm load must not even open it.
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var result = await harness.LoadAsync();

        Assert.Equal(2, result.Unchanged);
        Assert.Equal(0, result.Added);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task A_Deleted_File_Leaves_Its_Document_And_Versions_In_Place()
    {
        var path = corpus.Write("news/gone.md", CorpusFolder.Article("Gone", "Soon deleted."));
        using var harness = new LoaderHarness(corpus.Root);
        await harness.LoadAsync();

        File.Delete(path);
        var result = await harness.LoadAsync();

        Assert.Equal(1, result.Missing);
        Assert.Empty((await harness.Documents.ListAsync(new(null, null, null, null), null, default)).Items);
        Assert.Equal("Soon deleted.", (await harness.Documents.GetAsync("news.gone", 1, default))!.Value.Version.Text);
    }

    [Fact]
    public async Task A_Changed_Codebook_Becomes_A_New_Codebook_Version()
    {
        const string codebook = "name: C\nlayers:\n  - id: frame\n    name: Frame\n    labels:\n      - { id: protest, name: Protest, key: p }\n";
        corpus.Write("a.md", "Text.");
        corpus.Write("codebook.yaml", codebook);
        using var harness = new LoaderHarness(corpus.Root);
        await harness.LoadAsync();

        corpus.Write("codebook.yaml", codebook + "      - { id: blockade, name: Blockade, key: b }\n");
        await harness.LoadAsync();

        var current = Assert.Single(await harness.Codebooks.CurrentAsync(default));
        Assert.Equal(2, current.Version);
        Assert.Equal(["protest", "blockade"], current.Codebook.Layers[0].Labels.Select(l => l.Id));
    }
}
