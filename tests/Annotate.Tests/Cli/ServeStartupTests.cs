using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>The real executable, started as a user would: bad paths end it at once with a reason on stderr.</summary>
public sealed class ServeStartupTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    [Fact]
    public async Task Serving_A_Missing_Corpus_Folder_Exits_With_2_And_Says_Why()
    {
        var missing = Path.Combine(folder, "no-such-corpus");

        var (exitCode, _, error) = await AnnotateExecutable.RunAsync("serve", "--corpus", missing, "--db", Path.Combine(folder, "a.db"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.Contains($"The corpus folder {missing} does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unopenable_Database_Exits_With_2_And_Says_Why()
    {
        var blocker = Path.Combine(folder, "file-not-folder");
        File.WriteAllText(blocker, "x");

        var (exitCode, _, error) = await AnnotateExecutable.RunAsync("--corpus", RepositoryRoot.Corpus, "--db", Path.Combine(blocker, "annotate.db"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.Contains("Cannot use the database", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Setting_Out_Of_Range_Exits_With_2_And_Names_It()
    {
        var (exitCode, output, error) = await AnnotateExecutable.RunAsync("--corpus", RepositoryRoot.Corpus, "--db", Path.Combine(folder, "a.db"),
            "--urls", "http://127.0.0.1:0", "--Annotate:LiveCheckSeconds=5");

        Assert.Equal(2, exitCode);
        Assert.Contains("Annotate:LiveCheckSeconds must be between 0.05 and 1", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Lists_The_Commands()
    {
        // In the test process: the help is the command line's, not the executable's (the tests above start it).
        var (exitCode, output, _) = await AnnotateProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("serve", output, StringComparison.Ordinal);
        Assert.Contains("corpus", output, StringComparison.Ordinal);
    }
}
