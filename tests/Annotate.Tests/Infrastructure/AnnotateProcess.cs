using Annotate.Cli;

namespace Annotate.Tests.Infrastructure;

/// <summary>
/// Runs an `annotate` command as a user would type it, inside the test process: the same command line, exit code,
/// stdout and stderr as the executable, without paying a process start-up per call. The commands take their streams
/// from the caller and read no process-wide state (working directory aside, which a test never changes), so tests in
/// parallel can share the process. `serve` is refused here: tests of it start the executable
/// (<see cref="AnnotateExecutable"/>, <see cref="ServerProcess"/>).
/// </summary>
internal static class AnnotateProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs the command with <paramref name="input"/> as its redirected standard input (null: a terminal).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = input is null ? null : new StringReader(input + Environment.NewLine);
        var exitCode = await AnnotateCli.RunAsync(args, _ => throw new InvalidOperationException("`serve` runs in its own process: use AnnotateExecutable or ServerProcess."), output, error, reader)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, output.ToString(), error.ToString());
    }
}
