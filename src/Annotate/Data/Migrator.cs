using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Annotate.Data;

/// <summary>
/// Applies the numbered embedded Schema/NNNN_name.sql scripts in order, tracked by PRAGMA user_version on SQLite and by
/// a SchemaVersion table on PostgreSQL (where the scripts go through <see cref="PostgresSchema.Translate"/>). A step
/// that moves data in a way SQL cannot say the same in both dialects (JSON, name-based ids) adds a C# part, run after
/// its script in the same transaction (<see cref="DataSteps"/>).
/// </summary>
internal static class Migrator
{
    // Any constant works: instances starting together on one PostgreSQL database migrate one after the other.
    private const long PostgresMigrationLock = 0x616e6e6f74617465;

    public static IReadOnlyList<(int Number, string Name)> Migrations { get; } = FindMigrations();

    // By migration number; each runs once, right after that number's script and before its version is recorded.
    private static readonly Dictionary<int, Func<DbConnection, DbTransaction, Task>> DataSteps = new()
    {
        [22] = Relations.SpanAttributionMigration.RunAsync,
    };

    public static Task MigrateAsync(Db db, CancellationToken cancellationToken = default) => MigrateAsync(db, null, cancellationToken);

    /// <param name="upTo">Stop after this migration (tests build a database as an older build left it); null: all.</param>
    public static async Task MigrateAsync(Db db, int? upTo, CancellationToken cancellationToken = default)
    {
        if (db.DatabasePath is { } file)
        {
            OwnerOnly.CreateFolder(Path.GetDirectoryName(file)!);
            OwnerOnly.CreateFile(file);
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        if (db.IsSqlite)
        {
            // WAL lets readers go on while the single writer commits; the setting is stored in the file.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }
        else
        {
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@Key);", new { Key = PostgresMigrationLock });
            await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS SchemaVersion (Version BIGINT NOT NULL);");
        }

        try
        {
            await ApplyAsync(db, connection, upTo, cancellationToken);
        }
        finally
        {
            if (!db.IsSqlite)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@Key);", new { Key = PostgresMigrationLock });
            }
        }
    }

    private static async Task ApplyAsync(Db db, DbConnection connection, int? upTo, CancellationToken cancellationToken)
    {
        var current = db.IsSqlite
            ? await connection.ExecuteScalarAsync<int>("PRAGMA user_version;")
            : await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(Version), 0) FROM SchemaVersion;");
        var latest = Migrations.Count == 0 ? 0 : Migrations[^1].Number;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database '{db.Display}' has schema version {current}, newer than this build of Annotate supports ({latest}). Use a newer build or another --db.");
        }

        foreach (var (number, name) in Migrations.Where(m => m.Number > current && m.Number <= (upTo ?? int.MaxValue)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (db.IsSqlite)
            {
                await connection.ExecuteAsync(ReadScript(name), transaction: transaction);
            }
            else
            {
                await connection.ExecuteAsync(PostgresSchema.Translate(ReadScript(name)), transaction: transaction);
            }

            if (DataSteps.TryGetValue(number, out var step))
            {
                await step(connection, transaction);
            }

            if (db.IsSqlite)
            {
                // PRAGMA takes no parameters; the number comes from our own resource name, not from input.
                await connection.ExecuteAsync($"PRAGMA user_version = {number};", transaction: transaction);
            }
            else
            {
                await connection.ExecuteAsync("DELETE FROM SchemaVersion; INSERT INTO SchemaVersion (Version) VALUES (@Number);", new { Number = number }, transaction);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static List<(int, string)> FindMigrations()
    {
        const string prefix = "Annotate.Data.Schema.";
        return typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (int.Parse(n.AsSpan(prefix.Length, 4), System.Globalization.CultureInfo.InvariantCulture), n))
            .OrderBy(m => m.Item1)
            .ToList();
    }

    internal static string ReadScript(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded migration {resourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
