using Microsoft.Data.Sqlite;
using Npgsql;

namespace Annotate.Data;

internal enum SqlDialect
{
    Sqlite,
    Postgres,
}

/// <summary>
/// What Annotate:Database (or --db) names: a SQLite file path, or a PostgreSQL server as a postgres:// URL or an
/// Npgsql connection string ("Host=…"). <see cref="Display"/> is safe to log: it never holds a password.
/// </summary>
internal sealed record DatabaseTarget(SqlDialect Dialect, string ConnectionString, string Display, string? FilePath)
{
    public static bool IsPostgres(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || value.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || value.Contains(";Host=", StringComparison.OrdinalIgnoreCase);

    public static DatabaseTarget Parse(string value)
    {
        if (!IsPostgres(value))
        {
            var path = Path.GetFullPath(value);
            var sqlite = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            return new DatabaseTarget(SqlDialect.Sqlite, sqlite, path, path);
        }

        var builder = value.Contains("://", StringComparison.Ordinal) ? FromUrl(value) : new NpgsqlConnectionStringBuilder(value);
        var display = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        return new DatabaseTarget(SqlDialect.Postgres, builder.ConnectionString, display, null);
    }

    /// <summary>postgres://user:password@host:port/database (user, password and port optional; percent-escapes allowed).</summary>
    private static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        var url = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host, Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port };
        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
            }
        }

        return builder;
    }
}
