using System.Diagnostics;

namespace Annotate.Tests.Infrastructure;

/// <summary>Runs the real `annotate` executable as a user would, capturing exit code, stdout and stderr.</summary>
internal static class AnnotateProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs the executable with <paramref name="input"/> on its standard input (null: none redirected).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "annotate.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
