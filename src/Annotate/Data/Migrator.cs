using System.Reflection;
using Dapper;

namespace Annotate.Data;

/// <summary>Applies the numbered embedded Schema/NNNN_name.sql scripts in order, tracked by PRAGMA user_version.</summary>
internal static class Migrator
{
    public static IReadOnlyList<(int Number, string Name)> Migrations { get; } = FindMigrations();

    public static async Task MigrateAsync(Db db, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(db.DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        // WAL lets readers go on while the single writer commits; the setting is stored in the file.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        var current = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;");
        var latest = Migrations.Count == 0 ? 0 : Migrations[^1].Number;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database '{db.DatabasePath}' has schema version {current}, newer than this build of Annotate supports ({latest}). Use a newer build or another --db.");
        }

        foreach (var (number, name) in Migrations.Where(m => m.Number > current))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(ReadScript(name), transaction: transaction);
            // PRAGMA takes no parameters; the number comes from our own resource name, not from input.
            await connection.ExecuteAsync($"PRAGMA user_version = {number};", transaction: transaction);
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

    private static string ReadScript(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded migration {resourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
