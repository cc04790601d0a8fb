using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Annotate.Data;

/// <summary>
/// The one way to reach the database: a fresh pooled connection per operation (hub calls have no request scope),
/// and every write funnelled through a single gate so SQLite never answers "database is locked" to a user.
/// </summary>
internal sealed class Db
{
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public Db(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // FULL makes an acknowledged write survive power loss too, not only a process crash.
        await connection.ExecuteAsync("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> inside one IMMEDIATE transaction, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // Microsoft.Data.Sqlite begins non-deferred transactions as BEGIN IMMEDIATE: the write lock is taken up front.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task WriteAsync(Func<IDbConnection, IDbTransaction, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async (c, t) => { await work(c, t); return true; }, cancellationToken);
}
