using System.Text;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Corpus;

/// <summary>Small files built to hurt (deep nesting, YAML bombs, link tricks) become problems, never a stopped load.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    public HostileInputTests() => corpus.Write("good/fine.md", CorpusFolder.Article("Fine", "A perfectly good article."));

    public void Dispose() => corpus.Dispose();

    [Fact]
    public async Task Deeply_Nested_Emphasis_Is_Refused_Instead_Of_Overflowing_The_Stack()
    {
        corpus.Write("good/deep.md", new string('*', 100_000) + "x" + new string('*', 100_000));

        await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/deep.md", "too-deep");
    }

    [Fact]
    public async Task Nesting_Markdig_Refuses_Is_Reported_And_The_Load_Completes()
    {
        corpus.Write("good/quotes.md", new string('>', 1000) + " x");

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/quotes.md", "unparsable");

        Assert.StartsWith("The article cannot be parsed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yaml_Aliases_In_Front_Matter_Are_Refused()
    {
        var bomb = new StringBuilder("---\nl0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (var i = 1; i < 9; i++)
        {
            bomb.Append(FormattableString.Invariant($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));
        }

        corpus.Write("good/bomb.md", bomb.Append("---\nBody.").ToString());

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/bomb.md", "front-matter");

        Assert.Contains("aliases", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Front_Matter_Nested_Deeper_Than_The_Limit_Is_A_Problem_Of_Its_File_And_The_Others_Load()
    {
        // 100 levels parse as YAML but once stopped the whole load in the JSON writer (depth 64).
        corpus.Write("good/nested.md", "---\ntitle: Deep\nextra: " + new string('[', 100) + new string(']', 100) + "\n---\nBody text.");

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/nested.md", "front-matter");

        Assert.Contains("more than 8 levels deep", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_Check_Reports_Deep_Front_Matter_As_The_Load_Does()
    {
        corpus.Write("good/nested.md", "---\nextra: " + string.Concat(Enumerable.Repeat("{a: ", 20)) + "1" + new string('}', 20) + "\n---\nBody text.");

        var report = CorpusCheck.Run(corpus.Root, 5 * 1024 * 1024, null, default);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("good/nested.md", "front-matter"), (problem.Path, problem.Code));
        Assert.Equal(1, report.Loadable);
    }

    [Fact]
    public async Task A_Link_Through_A_Folder_Link_Outside_The_Corpus_Is_Refused()
    {
        var secret = Path.Combine(Path.GetDirectoryName(corpus.Root)!, "secret");
        Directory.CreateDirectory(secret);
        File.WriteAllText(Path.Combine(secret, "s.md"), "Secret.");
        Directory.CreateSymbolicLink(Path.Combine(corpus.Root, ".hidden"), secret);
        File.CreateSymbolicLink(Path.Combine(corpus.Root, "good", "escape.md"), "../.hidden/s.md");

        await CorpusAssertions.LoadExpectingProblemAsync(corpus, "good/escape.md", "outside-root");
    }

    [Fact]
    public async Task Links_That_Loop_Are_Reported_As_Broken()
    {
        File.CreateSymbolicLink(Path.Combine(corpus.Root, "good", "a.md"), "b.md");
        File.CreateSymbolicLink(Path.Combine(corpus.Root, "good", "b.md"), "a.md");

        using var harness = new LoaderHarness(corpus.Root);
        var result = await harness.LoadAsync();

        Assert.Equal(2, result.Problems.Count(p => p.Code == "broken-link"));
    }

    [Fact]
    public async Task A_Link_To_A_File_Inside_The_Corpus_Loads()
    {
        File.CreateSymbolicLink(Path.Combine(corpus.Root, "alias.md"), "good/fine.md");

        using var harness = new LoaderHarness(corpus.Root);
        var result = await harness.LoadAsync();

        Assert.Empty(result.Problems);
        Assert.NotNull(await harness.Documents.GetAsync("alias", null, default));
    }

    [Theory]
    [InlineData("name: C\nlayers:\n")]
    [InlineData("name: C\nlayers:\n  - id: frame\n    name: Frame\n    labels:\n")]
    [InlineData("name: C\nlayers:\n  - id:\n    name: Frame\n    labels:\n      - { id: a, name: A }\n")]
    [InlineData("name: C\nlayers:\n  - id: frame\n    name: F\n    labels:\n      - id: a\n        name: A\n        examples:\n")]
    public async Task Codebooks_With_Empty_Fields_Are_Reported_Not_Crashed_On(string yaml)
    {
        corpus.Write("codebook.yaml", yaml);

        using var harness = new LoaderHarness(corpus.Root);
        var result = await harness.LoadAsync();

        Assert.Equal(CorpusStatusSnapshot.Idle, harness.Status.Current.State);
        Assert.DoesNotContain(result.Problems, p => p.Code == "load-failed");
        Assert.True(result.Problems.All(p => p.Code == "codebook"));
    }

    [Fact]
    public async Task Two_Codebooks_In_One_Folder_Are_Reported_And_The_Yaml_One_Is_Used()
    {
        const string codebook = "name: {0}\nlayers:\n  - id: frame\n    name: Frame\n    labels:\n      - {{ id: a, name: A }}\n";
        corpus.Write("codebook.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, codebook, "Main"));
        corpus.Write("codebook.yml", string.Format(System.Globalization.CultureInfo.InvariantCulture, codebook, "Other"));

        var problem = await CorpusAssertions.LoadExpectingProblemAsync(corpus, "codebook.yml", "duplicate-codebook");

        Assert.Contains("codebook.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Refused_File_Keeps_Its_Document_Listed()
    {
        var path = corpus.Write("good/grows.md", CorpusFolder.Article("Grows", "Short for now."));
        using (var first = new LoaderHarness(corpus.Root, maxFileSizeBytes: 1000))
        {
            await first.LoadAsync();
            File.WriteAllText(path, CorpusFolder.Article("Grows", new string('x', 2000)));
            var result = await first.LoadAsync();

            Assert.Equal(0, result.Missing);
            Assert.Contains(result.Problems, p => p.Path == "good/grows.md" && p.Code == "too-large");
            Assert.Contains((await first.Documents.ListAsync(new(null, null, null, null), null, default)).Items, d => d.Id == "good.grows");
        }
    }
}
