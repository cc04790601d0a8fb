using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Hygiene;

/// <summary>
/// The C# code follows .editorconfig: what `dotnet format --verify-no-changes` checks, in its two parts that the
/// build does not already enforce (analyzer warnings are build errors, Directory.Build.props). A failure names each
/// file and line; `dotnet format` fixes them.
/// </summary>
public class CodeFormatTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Every_File_Has_The_Whitespace_The_Editorconfig_Asks_For()
    {
        // --folder reads the files as text: no project is loaded, so this takes seconds.
        var (exitCode, report) = await ToolProcess.RunAsync("dotnet", "format whitespace --folder --verify-no-changes .", RepositoryRoot.Path, Limit);

        Assert.True(exitCode == 0, $"dotnet format whitespace found files to fix (run `dotnet format`):\n{report}");
    }

    [Fact]
    public async Task Code_Style_And_Using_Order_Follow_The_Editorconfig()
    {
        // Loads the solution as built by `dotnet test` (no restore), for the style rules and the order of usings.
        var (exitCode, report) = await ToolProcess.RunAsync("dotnet", "format style Annotate.sln --verify-no-changes --no-restore", RepositoryRoot.Path, Limit);

        Assert.True(exitCode == 0, $"dotnet format style found files to fix (run `dotnet format`):\n{report}");
    }
}
