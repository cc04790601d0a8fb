using System.Diagnostics;

namespace Annotate.Tests.Infrastructure;

/// <summary>Runs a developer tool (npm, dotnet format) in a folder of the repository, as a developer would.</summary>
internal static class ToolProcess
{
    /// <summary>The exit code, and standard output followed by standard error (for the failure message).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {timeout.TotalMinutes:0} minutes.");
        }

        return (process.ExitCode, await output + await error);
    }
}
