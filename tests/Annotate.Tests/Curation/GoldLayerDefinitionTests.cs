using System.Text.RegularExpressions;
using Annotate.Curation;
using Annotate.Data;
using Annotate.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Annotate.Tests.Curation;

/// <summary>
/// Who is a person, as opposed to the gold layer, is said once in each language: in SQL by the views of migration
/// 0014 (HumanAnnotations, HumanUsers), in memory by <see cref="GoldLayer.Is"/>. These tests hold the two to the same
/// id and keep a second definition from creeping into a new query.
/// </summary>
public sealed partial class GoldLayerDefinitionTests : IDisposable
{
    private readonly string folder = TempFolder.Create();
    private readonly string database;

    public GoldLayerDefinitionTests() => database = TestDatabase.Create(folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabase.Drop(database);
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task The_Human_Views_Leave_Out_The_Gold_Layers_Id_And_Keep_Every_Column_Of_Their_Table()
    {
        var db = new Db(database);
        await Migrator.MigrateAsync(db);

        await using var connection = await db.OpenAsync();
        async Task<List<string>> ColumnsAsync(string relation) => [.. (await connection.QueryAsync<string>(db.IsSqlite
                ? "SELECT name FROM pragma_table_info(@Relation) ORDER BY cid;"
                : "SELECT column_name FROM information_schema.columns WHERE table_name = lower(@Relation) ORDER BY ordinal_position;",
            new { Relation = relation })).Select(c => c.ToLowerInvariant())];
        // A column added to Annotations must reach the view too, or queries reading the view would miss it.
        Assert.Equal(await ColumnsAsync("Annotations"), await ColumnsAsync("HumanAnnotations"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM Users WHERE Id = @Gold;", new { Gold = GoldLayer.AnnotatorId }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM HumanUsers WHERE Id = @Gold;", new { Gold = GoldLayer.AnnotatorId }));
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM Users;") - 1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM HumanUsers;"));
    }

    [Fact]
    public void No_Query_Or_Code_Tells_The_Gold_Layer_Apart_By_Its_Id_Outside_Its_Definition()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src");
        var offenders = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            // 0018 gives a project's exercise key the gold layer's id as its default: a value stored, not a comparison.
            .Where(f => Path.GetFileName(f) is not ("GoldLayer.cs" or "0012_gold_layer.sql" or "0014_human_annotators.sql" or "0018_exercise.sql"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && !l.Text.StartsWith("--", StringComparison.Ordinal) && ComparedWithGold().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        // Use the views HumanAnnotations / HumanUsers in SQL, GoldLayer.Is or GoldLayer.AnnotatorId in C#.
        Assert.Empty(offenders);
    }

    // The SQL literal anywhere, or a C# comparison with the string.
    [GeneratedRegex("""'gold'|[=!]=\s*"gold"|"gold"\s*[=!]=|Equals\(\s*"gold"|is\s+"gold"|case\s+"gold"\s*:""", RegexOptions.IgnoreCase)]
    private static partial Regex ComparedWithGold();
}
