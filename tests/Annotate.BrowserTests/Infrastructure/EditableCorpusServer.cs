namespace Annotate.BrowserTests.Infrastructure;

/// <summary>A server on a small corpus of its own (with the bundled codebook) that a test may edit.</summary>
public sealed class EditableCorpusServer : AnnotateServer
{
    public const string DocumentId = "news.pass";

    protected override string CorpusFolder => Path.Combine(DataFolder, "corpus");

    public string ArticlePath => Path.Combine(CorpusFolder, "news", "pass.md");

    /// <summary>The corpus folder itself, for tests that add files beside the collections.</summary>
    public string CorpusRoot => CorpusFolder;

    public static string Article(string body) => $"---\ntitle: \"The pass\"\noutlet: \"Test Gazette\"\nlanguage: en\n---\n\n{body}\n";

    protected override void PrepareCorpus()
    {
        Directory.CreateDirectory(Path.Combine(CorpusFolder, "news"));
        File.Copy(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml"), Path.Combine(CorpusFolder, "codebook.yaml"));
        File.WriteAllText(ArticlePath, Article("Drivers say the road is closed. Residents call it a protest today."));
    }
}

[CollectionDefinition(Name)]
public sealed class EditableCorpusCollection : ICollectionFixture<EditableCorpusServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Editable corpus";
}
