using System.Xml.Linq;
using Annotate.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace Annotate.Tests.Hygiene;

/// <summary>
/// The C# code follows .editorconfig: what `dotnet format --verify-no-changes` checks, in its parts that the build does
/// not already enforce (analyzer warnings are build errors, Directory.Build.props). A failure names each file; `dotnet
/// format` fixes them.
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
        // `dotnet format style` does two things: it runs the code-style analyzers at the severities .editorconfig gives
        // them, and it sorts usings. The first is what every build here already does (EnforceCodeStyleInBuild, with
        // warnings as errors), so these tests could not be running had it found anything; re-running it cost a whole
        // second compilation of the solution (about 80 s of CPU on this machine). The second is done below, in the
        // test process, with the Roslyn call `dotnet format` itself makes (Formatter.OrganizeImportsAsync) and the same
        // .editorconfig, on every C# file of the repository.
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
        Assert.Equal("true", props.Descendants("EnforceCodeStyleInBuild").Single().Value);
        Assert.Equal("true", props.Descendants("TreatWarningsAsErrors").Single().Value);

        var unsorted = await FilesWithUnsortedUsingsAsync();

        Assert.True(unsorted.Count == 0, $"Usings out of the .editorconfig's order (run `dotnet format`):\n{string.Join('\n', unsorted)}");
    }

    private static async Task<List<string>> FilesWithUnsortedUsingsAsync()
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var editorConfig = Path.Combine(RepositoryRoot.Path, ".editorconfig");
        var project = ProjectInfo.Create(projectId, VersionStamp.Default, "all", "all", LanguageNames.CSharp)
            .WithAnalyzerConfigDocuments([DocumentInfo.Create(DocumentId.CreateNewId(projectId), ".editorconfig", filePath: editorConfig,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(await File.ReadAllTextAsync(editorConfig)), VersionStamp.Default)))]);
        var solution = workspace.CurrentSolution.AddProject(project);
        var files = SourceFiles().ToList();
        foreach (var file in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file), SourceText.From(await File.ReadAllTextAsync(file)), filePath: file);
        }

        var unsorted = new List<string>();
        foreach (var document in solution.GetProject(projectId)!.Documents)
        {
            var before = (await document.GetTextAsync()).ToString();
            var organized = await Formatter.OrganizeImportsAsync(document);
            var after = (await organized.GetTextAsync()).ToString();
            // dotnet format puts the file's own line endings back after sorting; so compare with those.
            if (!before.Contains('\r', StringComparison.Ordinal))
            {
                after = after.Replace("\r\n", "\n", StringComparison.Ordinal);
            }

            if (after != before)
            {
                unsorted.Add(Path.GetRelativePath(RepositoryRoot.Path, document.FilePath!));
            }
        }

        Assert.True(files.Count > 100, $"Only {files.Count} C# files found under {RepositoryRoot.Path}.");
        return unsorted;
    }

    /// <summary>The C# files the solution's projects compile: everything under src/ and tests/ but build output.</summary>
    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));
}
