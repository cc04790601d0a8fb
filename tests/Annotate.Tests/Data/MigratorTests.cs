using Annotate.Data;
using Annotate.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Annotate.Tests.Data;

public sealed class MigratorTests : IDisposable
{
    private readonly string folder = TempFolder.Create();
    private readonly List<string> databases = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        databases.ForEach(TestDatabase.Drop);
        TempFolder.Delete(folder);
    }

    /// <summary>A database of the dialect under test (ANNOTATE_TEST_DATABASE), dropped after the test.</summary>
    private Db NewDatabase()
    {
        var database = TestDatabase.Create(folder);
        databases.Add(database);
        return new Db(database);
    }

    [Fact]
    public async Task Either_Dialect_Records_The_Latest_Version_And_Refuses_A_Newer_One()
    {
        var db = NewDatabase();
        await Migrator.MigrateAsync(db);
        await Migrator.MigrateAsync(db); // a second start changes nothing

        var version = db.IsSqlite ? "PRAGMA user_version" : "SELECT max(Version) FROM SchemaVersion";
        await using (var connection = await db.OpenAsync())
        {
            Assert.Equal(Migrator.Migrations[^1].Number, await connection.ExecuteScalarAsync<int>(version + ";"));
            await connection.ExecuteAsync(db.IsSqlite ? "PRAGMA user_version = 999;" : "UPDATE SchemaVersion SET Version = 999;");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.MigrateAsync(db));
        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_New_Database_Gets_Every_Migration_And_WAL_Mode()
    {
        var db = new Db(Path.Combine(folder, "sub", "annotate.db"));

        await Migrator.MigrateAsync(db);
        await Migrator.MigrateAsync(db); // a second start changes nothing

        await using var connection = await db.OpenAsync();
        Assert.Equal(Migrator.Migrations[^1].Number, await connection.ExecuteScalarAsync<int>("PRAGMA user_version;"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sqlite_master WHERE name = 'DocumentVersions';"));
    }

    [Fact]
    public async Task A_Database_From_A_Newer_Build_Is_Refused_With_A_Clear_Message()
    {
        var db = new Db(Path.Combine(folder, "annotate.db"));
        await Migrator.MigrateAsync(db);
        await using (var connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("PRAGMA user_version = 999;");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.MigrateAsync(db));

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_Writers_Never_See_Database_Is_Locked()
    {
        var db = NewDatabase();
        await Migrator.MigrateAsync(db);

        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(() => db.WriteAsync((c, t) =>
            c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@Id, 'u', 'now');", new { Id = $"user-{i}" }, t))));
        await Task.WhenAll(writes);

        await using var connection = await db.OpenAsync();
        Assert.Equal(200, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM Users WHERE Id LIKE 'user-%';"));
    }

    [Fact]
    public async Task A_Failing_Write_Rolls_Back_Alone_While_Its_Group_Commits()
    {
        var db = NewDatabase();
        await Migrator.MigrateAsync(db);

        var writes = Enumerable.Range(0, 50).Select(i => db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@Id, 'u', 'now');", new { Id = $"user-{i}" }, t);
            if (i % 10 == 3)
            {
                throw new InvalidOperationException($"write {i} fails after its insert");
            }
        })).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w => { try { await w; return true; } catch (InvalidOperationException) { return false; } }));

        await using var connection = await db.OpenAsync();
        Assert.Equal(45, outcomes.Count(ok => ok));
        Assert.Equal(45, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM Users WHERE Id LIKE 'user-%';"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM Users WHERE Id = 'user-3';"));
    }
}
