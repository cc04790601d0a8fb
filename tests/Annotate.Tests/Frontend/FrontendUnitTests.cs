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
        var (exitCode, report) = await Npm.RunAsync("test --silent");

        Assert.True(exitCode == 0, $"npm test exited with {exitCode}:\n{report}");
        Assert.Matches(@"# pass [1-9][0-9]*", report);
        Assert.Contains("# fail 0", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Front_End_Passes_Its_Linter()
    {
        // eslint.config.js: ESLint's and typescript-eslint's recommended rules, with type information.
        var (exitCode, report) = await Npm.RunAsync("run lint --silent");

        Assert.True(exitCode == 0, $"npm run lint exited with {exitCode}:\n{report}");
    }
}
