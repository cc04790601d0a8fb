using System.Text;

namespace Annotate.BrowserTests.Infrastructure;

/// <summary>
/// A server whose corpus is one article long enough for the reader's long-article mode (over 40,000 characters:
/// parts far from the viewport are not laid out until scrolled near), with the bundled codebook.
/// </summary>
public sealed class LongArticleServer : AnnotateServer
{
    public const string DocumentId = "news.long";
    public const int Paragraphs = 120;

    protected override string CorpusFolder => Path.Combine(DataFolder, "corpus");

    protected override void PrepareCorpus()
    {
        Directory.CreateDirectory(Path.Combine(CorpusFolder, "news"));
        File.Copy(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml"), Path.Combine(CorpusFolder, "codebook.yaml"));
        File.WriteAllText(Path.Combine(CorpusFolder, "news", "long.md"), Article());
    }

    /// <summary>Plain paragraphs of about 450 characters, each opening with its number, so block text equals DOM text.</summary>
    private static string Article()
    {
        var words = new[] { "harbour", "council", "ferry", "road", "closure", "residents", "protest", "report", "mayor", "bridge", "winter", "market" };
        var text = new StringBuilder("---\ntitle: \"The long pass\"\noutlet: \"Test Gazette\"\nlanguage: en\n---\n\n");
        for (var p = 0; p < Paragraphs; p++)
        {
            text.Append("Paragraph ").Append(p).Append(" opens here");
            for (var w = 0; w < 70; w++)
            {
                text.Append(' ').Append(words[(p * 7 + w * 5) % words.Length]);
            }

            text.Append(" and Witness ").Append(p).Append(" said so.\n\n");
        }

        return text.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class LongArticleCollection : ICollectionFixture<LongArticleServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Long article";
}
