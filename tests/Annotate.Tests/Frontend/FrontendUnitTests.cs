using System.Diagnostics;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Frontend;

/// <summary>
/// The front end's pure logic (routes, list navigation, keys, formatting) has Node unit tests in
/// src/Annotate/scripts/tests; running them from here makes `dotnet test` the one command that runs every test.
/// </summary>
public class FrontendUnitTests
{
    [Fact]
    public async Task The_Front_End_Unit_Tests_Pass_Under_Node()
    {
        var start = new ProcessStartInfo("npm", "test --silent")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "Annotate"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var report = await output + await error;
        Assert.True(process.ExitCode == 0, $"npm test exited with {process.ExitCode}:\n{report}");
        Assert.Matches(@"# pass [1-9][0-9]*", report);
        Assert.Contains("# fail 0", report, StringComparison.Ordinal);
    }
}
