using System.Text;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Corpus;

/// <summary>Every kind of bad file is reported with its path and a precise reason, and never stops the load.</summary>
public sealed class BadFileTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    public BadFileTests() => corpus.Write("good/fine.md", CorpusFolder.Article("Fine", "A perfectly good article."));

    public void Dispose() => corpus.Dispose();

    [Fact]
    public async Task Binary_File_Is_Reported_And_The_Rest_Loads()
    {
        corpus.WriteBytes("good/photo.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/photo.md", "binary");

        Assert.Equal(CorpusProblem.Error, problem.Severity);
        Assert.Contains("offset 8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_Utf8_Is_Reported_With_Its_Byte_And_Line()
    {
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: Caf\n---\nline two\nCaf").Concat(new byte[] { 0xE9, 0x20, 0x6F, 0x6B }).ToArray();
        corpus.WriteBytes("good/latin1.md", bytes);

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/latin1.md", "invalid-utf8");

        Assert.Contains("byte 31 (line 5)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_File_Is_Reported_As_An_Unsupported_Encoding()
    {
        corpus.WriteBytes("good/wide.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Hello")]);

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/wide.md", "unsupported-encoding");

        Assert.Contains("UTF-16", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_Front_Matter_Is_Reported_With_Its_Line()
    {
        corpus.Write("good/broken.md", "---\ntitle: ok\ntags: [unclosed, list\nauthor: x\n---\nBody.");

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/broken.md", "front-matter");

        Assert.Matches("line [0-9]+", problem.Message);
    }

    [Fact]
    public async Task Unclosed_Front_Matter_Is_Reported()
    {
        corpus.Write("good/unclosed.md", "---\ntitle: ok\n\nBody without a closing line.");

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/unclosed.md", "front-matter");

        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Front_Matter_That_Is_Not_A_Mapping_Is_Reported()
    {
        corpus.Write("good/list.md", "---\n- a\n- b\n---\nBody.");

        await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/list.md", "front-matter");
    }

    [Fact]
    public async Task File_Over_The_Size_Limit_Is_Refused_Without_Being_Read()
    {
        corpus.Write("good/huge.md", CorpusFolder.Article("Huge", new string('x', 5000)));

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/huge.md", "too-large", maxFileSize: 2000);

        Assert.Contains("over the limit of 2,000 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_Ids_Keep_The_First_File_And_Report_The_Second()
    {
        corpus.Write("good/Road Closed.md", CorpusFolder.Article("One", "First."));
        corpus.Write("good/road-closed.txt", "Second\n\nBody.");

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/road-closed.txt", "duplicate-id");

        Assert.Contains("'good.road-closed'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("good/Road Closed.md", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_File_Is_Reported()
    {
        var path = corpus.Write("good/locked.md", CorpusFolder.Article("Locked", "Held open exclusively by another writer."));
        // An exclusive lock stands in for missing permissions, which root (as CI runs) would bypass.
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/locked.md", "unreadable");

        Assert.StartsWith("The file cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_To_A_File_Outside_The_Corpus_Is_Refused()
    {
        var outside = Path.Combine(Path.GetDirectoryName(corpus.Root)!, "secret.md");
        File.WriteAllText(outside, "Secret text outside the corpus.");
        File.CreateSymbolicLink(Path.Combine(corpus.Root, "good", "escape.md"), "../../secret.md");

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/escape.md", "outside-root");

        Assert.Contains("outside the corpus folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_To_A_Folder_Outside_The_Corpus_Is_Refused()
    {
        var outside = Path.Combine(Path.GetDirectoryName(corpus.Root)!, "elsewhere");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "leak.md"), "Leaked.");
        Directory.CreateSymbolicLink(Path.Combine(corpus.Root, "linked"), outside);

        await CorpusAssertions.LoadExpectingProblemAsync(corpus, "linked", "outside-root");
    }

    [Fact]
    public async Task Broken_Link_Is_Reported()
    {
        File.CreateSymbolicLink(Path.Combine(corpus.Root, "good", "dangling.md"), "nowhere.md");

        await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/dangling.md", "broken-link");
    }

    [Fact]
    public async Task Empty_Article_Is_A_Warning()
    {
        corpus.Write("good/empty.md", "---\ntitle: Nothing\n---\n\n   \n");

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/empty.md", "empty");

        Assert.Equal(CorpusProblem.Warning, problem.Severity);
    }

    [Fact]
    public async Task Other_File_Types_Are_Skipped_With_A_Warning()
    {
        corpus.WriteBytes("good/scan.pdf", [0x25, 0x50, 0x44, 0x46]);

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/scan.pdf", "unsupported-type");

        Assert.Equal(CorpusProblem.Warning, problem.Severity);
    }

    [Fact]
    public async Task Invalid_Codebook_Is_Reported_With_The_Place_Of_Each_Mistake()
    {
        corpus.Write("good/codebook.yaml", """
            name: Broken
            layers:
              - id: frame
                name: Frame
                scope: paragraph
                labels:
                  - { id: a, name: A, key: x, color: red }
                  - { id: b, name: B, key: x }
            """);
        using var harness = new LoaderHarness(corpus.Root);

        var result = await harness.LoadAsync();

        var messages = result.Problems.Where(p => p.Path == "good/codebook.yaml").Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.Contains("layers[0].scope: 'paragraph'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("layers[0].labels[0].color: 'red'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("key 'x' is used 2 times", StringComparison.Ordinal));
        Assert.Empty(await harness.Codebooks.CurrentAsync(default));
    }

    [Fact]
    public async Task Hidden_Files_And_Readmes_Are_Not_Articles()
    {
        corpus.Write(".git/notes.md", "Hidden.");
        corpus.Write("README.md", "# About this corpus");
        using var harness = new LoaderHarness(corpus.Root);

        var result = await harness.LoadAsync();

        Assert.Equal(1, result.Files);
        Assert.Empty(result.Problems);
    }
}
