#if !POSTGRES_SUITE
using Annotate.Tests.Export;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>
/// `annotate migrate --from sqlite:PATH --to postgres://…` as a process, into a real PostgreSQL server: the copy is
/// compared by content (every export file of both databases, byte for byte). SQLite suite only: the source is the
/// SQLite file a test app writes.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task A_Project_Moves_To_PostgreSQL_With_Nothing_Lost()
    {
        await using var scenario = await ExportScenario.CreateAsync();
        var target = PostgresTestServer.Instance.CreateDatabase();
        try
        {
            var (exit, output, error) = await AnnotateProcess.RunAsync("migrate", "--from", "sqlite:" + scenario.App.DatabasePath, "--to", target);
            var again = await AnnotateProcess.RunAsync("migrate", "--from", scenario.App.DatabasePath, "--to", target);

            Assert.True(exit == 0, output + error);
            Assert.Contains("row counts match", output, StringComparison.Ordinal);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("migrate into an empty database", again.Error, StringComparison.Ordinal);
            foreach (var format in new[] { "jsonl", "brat", "csv" })
            {
                var fromSqlite = await ExportScenario.ExportAsync(scenario.App, scenario.Folder, format, format + "-sqlite");
                var fromPostgres = Path.Combine(scenario.Folder, format + "-postgres");
                var exported = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", format, "--out", fromPostgres, "--db", target);
                Assert.True(exported.ExitCode == 0, exported.Error);
                AssertSameTree(fromSqlite, fromPostgres);
            }
        }
        finally
        {
            PostgresTestServer.Instance.DropDatabase(target);
        }
    }

    [Fact]
    public async Task Bad_Migrations_Say_What_Is_Wrong()
    {
        var missing = await AnnotateProcess.RunAsync("migrate", "--from", "sqlite:/nonexistent/annotate.db", "--to", "postgres://localhost/x");
        var notPostgres = await AnnotateProcess.RunAsync("migrate", "--from", "sqlite:/nonexistent/annotate.db", "--to", "/tmp/other.db");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("must name an existing SQLite file", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, notPostgres.ExitCode);
    }

    private static void AssertSameTree(string one, string two)
    {
        var files = Directory.GetFiles(one, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(one, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(two, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(two, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(one, f)), File.ReadAllBytes(Path.Combine(two, f))));
    }
}
#endif
