using System.Diagnostics;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Frontend;

/// <summary>Runs an npm command in the front end's folder (src/Annotate), as a developer would.</summary>
internal static class Npm
{
    public static string FrontendFolder { get; } = Path.Combine(RepositoryRoot.Path, "src", "Annotate");

    /// <summary>The exit code, and standard output followed by standard error (for the failure message).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("npm", arguments)
        {
            WorkingDirectory = FrontendFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Type-aware linting takes about 20 s on an idle machine, and took nearly 4 minutes on a 2-core one running
        // several test suites at once.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm {arguments} did not finish within 10 minutes.");
        }

        return (process.ExitCode, await output + await error);
    }
}
