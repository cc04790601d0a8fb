namespace Annotate.BrowserTests.Infrastructure;

/// <summary>A server on a small corpus in which two files cannot be loaded and one is not an article.</summary>
public sealed class BrokenCorpusServer : AnnotateServer
{
    protected override string CorpusFolder => Path.Combine(DataFolder, "corpus");

    protected override void PrepareCorpus()
    {
        var news = Directory.CreateDirectory(Path.Combine(CorpusFolder, "news")).FullName;
        File.WriteAllText(Path.Combine(news, "good.md"), """
            ---
            title: "A perfectly good article"
            outlet: "Test Gazette"
            date: 2026-03-04
            language: en
            tags: [test]
            ---

            Everything in this article loads.
            """);
        File.WriteAllText(Path.Combine(news, "broken.md"), "---\ntitle: [unclosed\n---\nBody text.\n");
        File.WriteAllText(Path.Combine(news, "also-broken.md"), "---\ntags: {oops\n---\nBody text.\n");
        File.WriteAllText(Path.Combine(news, "notes.pdf"), "not an article");
    }
}

[CollectionDefinition(Name)]
public sealed class BrokenCorpusCollection : ICollectionFixture<BrokenCorpusServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Broken corpus";
}
