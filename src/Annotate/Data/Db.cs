using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Annotate.Data;

/// <summary>
/// The one way to reach the database: a fresh pooled connection per operation (hub calls have no request scope),
/// and every write funnelled through a single writer so SQLite never answers "database is locked" to a user.
/// The writer commits in groups: writes that arrive while one commits share the next transaction (each in its own
/// savepoint, so one failing write does not undo the others), and one fsync then acknowledges them all.
/// The same code runs on PostgreSQL (see <see cref="DatabaseTarget"/>); there the writer is one per instance, so writes
/// that must be serialised across instances take an advisory lock (<see cref="LockAsync"/>).
/// </summary>
internal sealed class Db
{
    private const int MaxGroup = 256;
    private readonly Channel<PendingWrite> pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> writer;

    public Db(string database)
    {
        Target = DatabaseTarget.Parse(database);
        writer = new Lazy<Task>(() => Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
    }

    public DatabaseTarget Target { get; }

    public SqlDialect Dialect => Target.Dialect;

    public bool IsSqlite => Target.Dialect == SqlDialect.Sqlite;

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? DatabasePath => Target.FilePath;

    /// <summary>Where the data lives, fit for a log line (no password).</summary>
    public string Display => Target.Display;

    public string ConnectionString => Target.ConnectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSqlite)
        {
            var postgres = new NpgsqlConnection(ConnectionString);
            await postgres.OpenAsync(cancellationToken);
            return postgres;
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // FULL makes an acknowledged write survive power loss too, not only a process crash.
        await connection.ExecuteAsync("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    /// <summary>
    /// Serialises writers on <paramref name="key"/> until the transaction ends. SQLite needs nothing (the writer holds
    /// the file's write lock); on PostgreSQL other instances may write at the same time, so this takes a
    /// transaction-level advisory lock (re-entrant: taking it again in the same transaction is free).
    /// </summary>
    public static Task LockAsync(IDbConnection connection, IDbTransaction transaction, string key) =>
        connection is NpgsqlConnection
            ? connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext(@Key));", new { Key = key }, transaction)
            : Task.CompletedTask;

    /// <summary>
    /// Runs <paramref name="work"/> inside the writer's transaction and completes once it is committed (durable).
    /// If the work throws, its changes are rolled back and the exception is rethrown here.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var write = new PendingWrite(async (c, t) => await work(c, t), cancellationToken);
        _ = writer.Value;
        await pending.Writer.WriteAsync(write, cancellationToken);
        return (T)(await write.Done.Task)!;
    }

    public Task WriteAsync(Func<IDbConnection, IDbTransaction, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async (c, t) => { await work(c, t); return true; }, cancellationToken);

    /// <summary>
    /// Holds <paramref name="key"/> against other instances until disposed, for work longer than one write (a corpus
    /// load that reads, then writes in batches). Nothing to do on SQLite, where instances share one machine's file and
    /// the in-process gate of the caller is enough; a session-level advisory lock on PostgreSQL.
    /// </summary>
    public async Task<IAsyncDisposable> ExclusiveAsync(string key, CancellationToken cancellationToken = default)
    {
        if (IsSqlite)
        {
            return NoLock.Instance;
        }

        var connection = await OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(hashtext(@Key));", new { Key = key }, cancellationToken: cancellationToken));
            return new SessionLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingWrite>(MaxGroup);
        while (await pending.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && pending.Reader.TryRead(out var write))
            {
                if (write.Cancellation.IsCancellationRequested)
                {
                    write.Done.TrySetCanceled(write.Cancellation);
                }
                else
                {
                    group.Add(write);
                }
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group);
            }
        }
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        var results = new (object? Value, Exception? Error)[group.Count];
        try
        {
            await using var connection = await OpenAsync();
            // Microsoft.Data.Sqlite begins non-deferred transactions as BEGIN IMMEDIATE: the write lock is taken up front.
            // PostgreSQL stays at READ COMMITTED: cross-instance races are settled by advisory locks, not retries.
            await using var transaction = await connection.BeginTransactionAsync(IsSqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted);
            for (var i = 0; i < group.Count; i++)
            {
                await transaction.SaveAsync("write");
                try
                {
                    results[i] = (await group[i].Work(connection, transaction), null);
                    await transaction.ReleaseAsync("write");
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    await transaction.RollbackAsync("write");
                    await transaction.ReleaseAsync("write");
                    results[i] = (null, ex);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The commit itself failed: nothing of this group is durable, so none of it is acknowledged.
            foreach (var write in group)
            {
                write.Done.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Error is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected } && !group[i].Retried)
            {
                // Another instance's group took the same locks in the other order and PostgreSQL chose this write to
                // give way. This group's commit has released its locks, so the write goes again, once, in the next.
                pending.Writer.TryWrite(group[i] with { Retried = true });
                continue;
            }

            _ = results[i].Error is { } error ? group[i].Done.TrySetException(error) : group[i].Done.TrySetResult(results[i].Value);
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SessionLock(DbConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing would release it too, but a pooled connection is not closed, only returned.
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@Key));", new { Key = key });
            await connection.DisposeAsync();
        }
    }

    private sealed record PendingWrite(Func<IDbConnection, IDbTransaction, Task<object?>> Work, CancellationToken Cancellation)
    {
        // A copy made with `with` shares it: the retried write completes the caller's task.
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Whether this write already gave way to a deadlock once (it is retried only once).</summary>
        public bool Retried { get; init; }
    }
}
