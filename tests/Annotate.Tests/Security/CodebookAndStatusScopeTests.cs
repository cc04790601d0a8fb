using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// Issue 12, point 6: server-wide answers are cut to the caller. /api/codebooks holds only the codebooks of the
/// caller's projects (examples left out where the project hides them); /api/corpus/status shows someone other than
/// the server owner only their projects' documents and problems, and never the server's folder.
/// </summary>
public sealed class CodebookAndStatusScopeTests : IDisposable
{
    private readonly CorpusFolder corpus = new();
    private readonly AnnotateApp app;
    private readonly NetworkAccounts accounts;

    public CodebookAndStatusScopeTests()
    {
        // Two collections with a codebook each (the bundled one, renamed) and a file that cannot be loaded in each.
        var codebook = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml"));
        corpus.Write("a/codebook.yaml", codebook.Replace("name: Sarn Pass framing codebook", "name: Codebook A", StringComparison.Ordinal));
        corpus.Write("b/codebook.yaml", codebook.Replace("name: Sarn Pass framing codebook", "name: Codebook B", StringComparison.Ordinal));
        corpus.Write("a/one.md", CorpusFolder.Article("One", "The first article."));
        corpus.Write("b/two.md", CorpusFolder.Article("Two", "The second article."));
        corpus.WriteBytes("a/photo.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]);
        corpus.WriteBytes("b/photo.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]);
        app = AnnotateApp.ForCorpus(corpus.Root);
        accounts = new NetworkAccounts(app);
    }

    public void Dispose()
    {
        app.Dispose();
        corpus.Dispose();
    }

    /// <summary>The server owner (olga, owner of 'default', which keeps b) and project 'pa' owning a: alice its owner, anna an annotator.</summary>
    private async Task<HttpClient> TwoProjectsAsync()
    {
        var olga = await accounts.StartAsync();
        await accounts.AddAsync("alice");
        await accounts.AddAsync("anna");
        var (exit, _, error) = await AnnotateProcess.RunAsync("project", "add", "pa", "--collection", "a", "--owner", "alice", "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        await accounts.SetRoleByCommandLineAsync("anna", "annotator", "pa");
        return olga;
    }

    [Fact]
    public async Task The_Codebook_List_Holds_Only_The_Callers_Projects_Codebooks_Without_Examples_Their_Project_Hides()
    {
        await TwoProjectsAsync();
        var alice = await accounts.SignInAsync("alice");
        var anna = await accounts.SignInAsync("anna");

        var before = await anna.GetFromJsonAsync<JsonElement>("/api/codebooks");
        (await alice.PatchAsJsonAsync("/api/projects/pa", new { showCodebookExamples = false })).EnsureSuccessStatusCode();
        var hidden = await anna.GetFromJsonAsync<JsonElement>("/api/codebooks");
        var owners = await alice.GetFromJsonAsync<JsonElement>("/api/codebooks");

        Assert.Equal(["a"], Collections(before));
        Assert.True(Examples(before) > 0);
        Assert.Equal(["a"], Collections(hidden));
        Assert.Equal(0, Examples(hidden));
        Assert.Equal(Examples(before), Examples(owners));
    }

    [Fact]
    public async Task The_Corpus_Status_Shows_Others_Only_Their_Projects_Documents_And_Problems_And_Never_The_Folder()
    {
        var olga = await TwoProjectsAsync();
        var anna = await accounts.SignInAsync("anna");

        var forAnna = await anna.GetFromJsonAsync<CorpusStatusSnapshot>("/api/corpus/status");
        var forOwner = await olga.GetFromJsonAsync<CorpusStatusSnapshot>("/api/corpus/status");

        Assert.Equal("", forAnna!.Root);
        Assert.Equal(["a/photo.md"], forAnna.Problems.Select(p => p.Path));
        Assert.Equal(1, forAnna.DocumentCount);
        Assert.Equal(Path.GetFullPath(corpus.Root), Path.GetFullPath(forOwner!.Root));
        Assert.Equal(["a/photo.md", "b/photo.md"], forOwner.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Equal(2, forOwner.DocumentCount);
    }

    private static List<string> Collections(JsonElement codebooks) => codebooks.EnumerateArray().Select(c => c.GetProperty("collection").GetString()!).ToList();

    private static int Examples(JsonElement codebooks) => codebooks.EnumerateArray()
        .SelectMany(c => c.GetProperty("codebook").GetProperty("layers").EnumerateArray())
        .SelectMany(l => l.GetProperty("labels").EnumerateArray()).Sum(l => l.GetProperty("examples").GetArrayLength());
}
