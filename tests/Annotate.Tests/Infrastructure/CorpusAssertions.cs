using Annotate.Corpus;

namespace Annotate.Tests.Infrastructure;

internal static class CorpusAssertions
{
    /// <summary>
    /// Loads a corpus that holds good/fine.md and one bad file: the good one must load, the load must finish, and the
    /// bad one must be the single problem at <paramref name="path"/>, on the status page too.
    /// </summary>
    public static async Task<CorpusProblem> LoadExpectingProblemAsync(CorpusFolder corpus, string path, string code, long maxFileSize = 5 * 1024 * 1024)
    {
        using var harness = new LoaderHarness(corpus.Root, maxFileSize);
        var result = await harness.LoadAsync();

        Assert.Equal(CorpusStatusSnapshot.Idle, harness.Status.Current.State);
        Assert.NotNull(await harness.Documents.GetAsync("good.fine", null, default));
        var problem = Assert.Single(result.Problems, p => p.Path == path);
        Assert.Equal(code, problem.Code);
        Assert.Equal(problem, Assert.Single(harness.Status.Current.Problems, p => p.Path == path));
        return problem;
    }
}
