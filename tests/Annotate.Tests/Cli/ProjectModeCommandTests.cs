using Annotate.Cli;
using Annotate.Data;
using Annotate.Projects;
using Annotate.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Annotate.Tests.Cli;

public sealed class ProjectModeCommandTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(folder);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AnnotateCli.RunAsync(args, _ => throw new InvalidOperationException("serve must not run"), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Project_Mode_Sets_The_Visibility_In_The_Database()
    {
        var path = Path.Combine(folder, "annotate.db");
        var db = new Db(path);
        await Migrator.MigrateAsync(db);

        var (exitCode, output, _) = await RunAsync("project", "mode", "default", "reveal", "--db", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("'default' is now reveal", output, StringComparison.Ordinal);
        Assert.Equal("reveal", (await new ProjectStore(db, TimeProvider.System).GetAsync("default", default))!.Visibility);
    }

    [Fact]
    public async Task An_Unknown_Project_Or_Mode_Or_Database_Is_An_Error()
    {
        var path = Path.Combine(folder, "annotate.db");
        await Migrator.MigrateAsync(new Db(path));

        var unknownProject = await RunAsync("project", "mode", "nope", "open", "--db", path);
        var unknownMode = await RunAsync("project", "mode", "default", "loud", "--db", path);
        var noDatabase = await RunAsync("project", "mode", "default", "open", "--db", Path.Combine(folder, "missing.db"));

        Assert.Equal(1, unknownProject.ExitCode);
        Assert.Contains("no project 'nope'", unknownProject.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, unknownMode.ExitCode);
        Assert.Contains("loud", unknownMode.Error, StringComparison.Ordinal);
        Assert.Equal(2, noDatabase.ExitCode);
        Assert.False(File.Exists(Path.Combine(folder, "missing.db")));
    }

    [Fact]
    public async Task A_Mode_Changed_On_The_Command_Line_Reaches_Open_Pages_Live()
    {
        using var app = new AnnotateApp();
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await ben.JoinAsync("wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass");
        // No pause: the server read the modes before it took its first request, so this change is news to it.
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("project", "mode", "default", "reveal", "--db", app.DatabasePath);

        Assert.True(exitCode == 0, error);
        await Eventually.TrueAsync(() => ben.VisibilityChanges.Contains("reveal"), "Ben's page is told of the reveal without a reload", 5_000);
        // A second change is the sentinel: the checks run every 0.2 s in tests and a command's process takes longer than
        // that to start, so a mode sent every round would show up again before this one.
        (exitCode, _, error) = await AnnotateProcess.RunAsync("project", "mode", "default", "open", "--db", app.DatabasePath);
        Assert.True(exitCode == 0, error);
        await Eventually.TrueAsync(() => ben.VisibilityChanges.Contains("open"), "Ben's page is told of the second change", 5_000);
        Assert.Equal(["reveal", "open"], ben.VisibilityChanges); // once each, not every round
    }
}
