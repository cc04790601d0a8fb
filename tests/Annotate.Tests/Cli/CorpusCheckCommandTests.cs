using System.Text.Json;
using Annotate.Cli;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

public sealed class CorpusCheckCommandTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    public void Dispose() => corpus.Dispose();

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AnnotateCli.RunAsync(args, _ => throw new InvalidOperationException("serve must not run"), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_Bundled_Corpus_Checks_Clean()
    {
        var (exitCode, output, _) = await RunAsync("corpus", "check", RepositoryRoot.Corpus);

        Assert.Equal(0, exitCode);
        Assert.Contains("0 errors, 0 warnings", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_Are_Listed_With_Path_And_Reason_And_Exit_With_1()
    {
        corpus.Write("a/good.md", CorpusFolder.Article("Good", "Fine."));
        corpus.WriteBytes("a/bad.md", [0x41, 0x00, 0x42]);
        corpus.WriteBytes("a/latin1.txt", [0x43, 0x61, 0x66, 0xE9]);

        var (exitCode, output, _) = await RunAsync("corpus", "check", corpus.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("error    a/bad.md: The file looks binary", output, StringComparison.Ordinal);
        Assert.Contains("a/latin1.txt: Invalid UTF-8 at byte 3 (line 1)", output, StringComparison.Ordinal);
        Assert.Contains("1 articles can be loaded; 2 errors, 0 warnings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Output_Is_Machine_Readable()
    {
        corpus.Write("x.md", "---\ntitle: [broken\n---\nBody");

        var (exitCode, output, _) = await RunAsync("corpus", "check", corpus.Root, "--json");

        Assert.Equal(1, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        var problem = Assert.Single(report.GetProperty("problems").EnumerateArray());
        Assert.Equal("x.md", problem.GetProperty("path").GetString());
        Assert.Equal("front-matter", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Warnings_Alone_Exit_With_0()
    {
        corpus.Write("x.md", "---\ntitle: T\ndate: someday\n---\nBody");

        var (exitCode, output, _) = await RunAsync("corpus", "check", corpus.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains("warning  x.md: Front matter 'date' is 'someday'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Missing_Folder_Is_A_Usage_Error_On_Stderr()
    {
        var (exitCode, output, error) = await RunAsync("corpus", "check", Path.Combine(corpus.Root, "nope"));

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unknown_Command_Is_An_Error_Not_A_Server_Start()
    {
        var (exitCode, _, error) = await RunAsync("corpsu", "check");

        Assert.NotEqual(0, exitCode);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Serve_Options_Become_Configuration_Keys()
    {
        string[]? received = null;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await AnnotateCli.RunAsync(["--db", "x.db", "--corpus", "c", "--urls", "http://127.0.0.1:5123", "--environment", "Staging"],
            args => { received = args; return Task.FromResult(0); }, output, error);

        Assert.Equal(0, exitCode);
        Assert.Contains($"--Annotate:Database={Path.GetFullPath("x.db")}", received!);
        Assert.Contains($"--Annotate:Corpus={Path.GetFullPath("c")}", received!);
        Assert.Contains("--urls=http://127.0.0.1:5123", received!);
        Assert.Contains("--environment", received!);
    }
}
