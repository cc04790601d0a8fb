using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Annotate.Data;

/// <summary>How many rows of a table were copied.</summary>
internal sealed record CopiedTable(string Table, long Rows);

/// <summary>
/// Copies a whole SQLite database into a PostgreSQL one brought to the same schema version, table by table in the
/// order the migrations created them (so every row a foreign key points at is there first), in one PostgreSQL
/// transaction: either all of it arrives or none. Rows stream through; nothing is held but one row.
/// </summary>
internal static class DatabaseCopy
{
    public static async Task<IReadOnlyList<CopiedTable>> CopyAsync(Db source, Db target, IProgress<CopiedTable>? progress, CancellationToken ct)
    {
        if (!source.IsSqlite || target.IsSqlite)
        {
            throw new ArgumentException("A copy goes from a SQLite file to a PostgreSQL database.");
        }

        await Migrator.MigrateAsync(source, ct);
        await Migrator.MigrateAsync(target, ct);
        await using var from = (SqliteConnection)await source.OpenAsync(ct);
        await using var to = (NpgsqlConnection)await target.OpenAsync(ct);
        var tables = (await from.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid;")).AsList();
        // Names go into SQL text: a file from elsewhere must not smuggle any in.
        if (tables.FirstOrDefault(t => !System.Text.RegularExpressions.Regex.IsMatch(t, "^[A-Za-z_][A-Za-z0-9_]{0,62}$")) is { } odd)
        {
            throw new InvalidDataException($"The SQLite file has a table named '{odd}', which no Annotate database has.");
        }
        await using var transaction = await to.BeginTransactionAsync(ct);
        // The migrations seed a few rows (the default project, the gold annotator): the copy brings its own.
        foreach (var table in Enumerable.Reverse(tables))
        {
            await to.ExecuteAsync($"DELETE FROM {table};", transaction: transaction);
        }

        var copied = new List<CopiedTable>();
        foreach (var table in tables)
        {
            var rows = await CopyTableAsync(from, to, transaction, table, ct);
            copied.Add(new CopiedTable(table, rows));
            progress?.Report(copied[^1]);
        }

        await transaction.CommitAsync(ct);
        return copied;
    }

    /// <summary>Rows per table in a database, for comparing a copy with its source.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(Db db, IEnumerable<string> tables, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table};", cancellationToken: ct));
        }

        return counts;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection from, NpgsqlConnection to, DbTransaction transaction, string table, CancellationToken ct)
    {
        var columns = (await from.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid;")).AsList();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))});",
            to, (NpgsqlTransaction)transaction);
        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table};";
        await using var reader = await read.ExecuteReaderAsync(ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            insert.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = reader.IsDBNull(i) ? DBNull.Value : reader.GetValue(i) });
            }

            await insert.ExecuteNonQueryAsync(ct);
            rows++;
        }

        return rows;
    }
}
