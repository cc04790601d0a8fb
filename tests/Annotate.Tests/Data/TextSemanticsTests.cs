using Annotate.Data;
using Annotate.Tests.Infrastructure;
using Dapper;

namespace Annotate.Tests.Data;

/// <summary>
/// Text compares, sorts and folds case the same on both engines: by bytes, ASCII-only folding (SQLite's BINARY and
/// NOCASE). On PostgreSQL this holds whatever the database's collation (the test server's is ICU en-US).
/// </summary>
public sealed class TextSemanticsTests : IDisposable
{
    private readonly string folder = TempFolder.Create();
    private readonly string database;

    public TextSemanticsTests() => database = TestDatabase.Create(folder);

    public void Dispose()
    {
        TestDatabase.Drop(database);
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task Text_Sorts_By_Bytes_And_Folds_Only_Ascii_Case()
    {
        var db = new Db(database);
        await Migrator.MigrateAsync(db);
        string[] names = ["b", "B", "a", "É", "é", "Z", "_x"];
        await db.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@Id, @Id, 'now');", names.Select(n => new { Id = n }), t));

        await using var connection = await db.OpenAsync();
        var sorted = (await connection.QueryAsync<string>("SELECT Id FROM Users WHERE Id <> 'gold' ORDER BY Id;")).AsList();
        var lowered = (await connection.QueryAsync<string>("SELECT lower(Id) FROM Users WHERE Id <> 'gold' ORDER BY Id;")).AsList();

        Assert.Equal(names.Order(StringComparer.Ordinal), sorted);
        Assert.Equal(["b", "z", "_x", "a", "b", "É", "é"], lowered);
    }

    [Fact]
    public async Task User_Names_Are_Unique_Ignoring_Ascii_Case_Only()
    {
        var db = new Db(database);
        await Migrator.MigrateAsync(db);
        const string insert = "INSERT INTO Users (Id, DisplayName, CreatedAt, UserName) VALUES (@Id, @Id, 'now', @Id);";
        await db.WriteAsync((c, t) => c.ExecuteAsync(insert, new[] { new { Id = "sam" }, new { Id = "émile" }, new { Id = "ÉMILE" } }, t));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.WriteAsync((c, t) => c.ExecuteAsync(insert, new { Id = "SAM" }, t)));
        await using var connection = await db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM Users WHERE lower(UserName) = lower(@Name);", new { Name = "Sam" }));
    }
}
