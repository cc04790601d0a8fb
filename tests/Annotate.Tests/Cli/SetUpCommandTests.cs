using System.Diagnostics;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>The README's set-up, typed on a fresh clone: accounts before the first `serve`, paths relative to where one types.</summary>
public sealed class SetUpCommandTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    [Fact]
    public async Task Accounts_Members_And_Tokens_Can_Be_Made_Before_The_First_Serve()
    {
        var database = Path.Combine(folder, "srv", "annotate", "annotate.db");

        var owner = await AnnotateProcess.RunWithInputAsync("a long passphrase", "user", "add", "olga", "--owner", "--db", database);
        var member = await AnnotateProcess.RunWithInputAsync("another passphrase", "user", "add", "ana", "--db", database);
        var role = await AnnotateProcess.RunAsync("project", "add-member", "default", "ana", "--role", "annotator", "--db", database);
        var token = await AnnotateProcess.RunAsync("token", "create", "olga", "--db", database);
        var export = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "x.zip"), "--db", Path.Combine(folder, "none.db"));

        Assert.True(owner.ExitCode == 0, owner.Error);
        Assert.Contains("Created the database", owner.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(database));
        Assert.True(member.ExitCode == 0, member.Error);
        Assert.DoesNotContain("Created the database", member.Error, StringComparison.Ordinal);
        Assert.True(role.ExitCode == 0, role.Error);
        Assert.True(token.ExitCode == 0, token.Error);
        Assert.StartsWith("ann_", token.Output.Trim(), StringComparison.Ordinal);
        // Reading commands still refuse a database that is not there (a typo must not export an empty project).
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("There is no database", export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "none.db")));
    }

    [Fact]
    public async Task Relative_Paths_Given_To_Dotnet_Run_Land_In_The_Folder_The_Command_Was_Typed_In()
    {
        // Arrange: a database made by the set-up commands; then the README's export line, typed in a folder of one's own.
        var database = Path.Combine(folder, "annotate.db");
        var added = await AnnotateProcess.RunWithInputAsync("a long passphrase", "user", "add", "olga", "--owner", "--db", database);
        Assert.True(added.ExitCode == 0, added.Error);
        var typedIn = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;

        // Act: dotnet run, as the README says, with a relative --out whose folder does not exist yet.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = typedIn, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "--no-build", "--project", Path.Combine(RepositoryRoot.Path, "src", "Annotate"), "--",
                     "export", "--project", "default", "--format", "jsonl", "--out", "out/default.zip", "--db", database })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.True(process.ExitCode == 0, await error + await output);
        Assert.True(File.Exists(Path.Combine(typedIn, "out", "default.zip")), $"not in {typedIn}: {await output}");
    }
}
