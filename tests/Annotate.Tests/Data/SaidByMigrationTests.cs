using Annotate.Annotations;
using Annotate.Data;
using Annotate.Relations;
using Annotate.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Annotate.Tests.Data;

/// <summary>
/// Schema step 0022 on a database as a build at step 0021 left it: every span attribution becomes a said-by relation
/// with the right ends, and nothing else changes. Runs on the dialect under test (SQLite, or PostgreSQL in the
/// Postgres suite).
/// </summary>
public sealed class SaidByMigrationTests : IDisposable
{
    private const string Doc = "wire.one";
    private const string Stamp = "2026-11-30T10:00:00.0000000+00:00";
    private const string Codebook = """
        {"name":"c","actors":[{"id":"dalmor-government","name":"D"}],
         "layers":[{"id":"claim","name":"Claim","scope":"span","labels":[{"id":"factual-claim","name":"F"}]},
                   {"id":"source","name":"Source","scope":"span","labels":[{"id":"official","name":"O"}]},
                   {"id":"frame","name":"Frame","scope":"span","labels":[{"id":"protest","name":"P"}]}],
         "relations":[{"id":"said-by","name":"Said by","directed":true,"source":{"layers":["claim"],"labels":[]},"target":{"layers":["source"],"labels":[]}}]}
        """;

    private readonly string folder = TempFolder.Create();
    private readonly string database;
    private readonly Db db;

    // Ana's source and claims, the gold layer's pair, a tombstoned claim, a claim whose source was deleted, Ben's frame
    // attributed to Ana's source (a pair said-by refuses), and spans with an actor or nothing (untouched).
    private readonly string source = Guid.NewGuid().ToString(), claim = Guid.NewGuid().ToString(), deletedClaim = Guid.NewGuid().ToString(),
        goldSource = Guid.NewGuid().ToString(), goldClaim = Guid.NewGuid().ToString(), deletedSource = Guid.NewGuid().ToString(),
        orphanedClaim = Guid.NewGuid().ToString(), frame = Guid.NewGuid().ToString(), byActor = Guid.NewGuid().ToString(), plain = Guid.NewGuid().ToString();

    public SaidByMigrationTests()
    {
        database = TestDatabase.Create(folder);
        db = new Db(database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabase.Drop(database);
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task Every_Span_Attribution_Becomes_A_Said_By_Relation_And_Nothing_Else_Changes()
    {
        await Migrator.MigrateAsync(db, 21);
        await SeedAsync();
        var before = await RowsAsync();
        var attributed = new[] { claim, deletedClaim, goldClaim, orphanedClaim, frame };

        await Migrator.MigrateAsync(db);
        var after = await RowsAsync();

        // Untouched: spans without a span attribution, and every column but attribution, version and seq of the others.
        foreach (var id in new[] { source, goldSource, deletedSource, byActor, plain })
            Assert.Equal(before[id], after[id]);
        foreach (var id in attributed)
            Assert.Equal(Without(before[id], "attributionjson", "version", "seq"), Without(after[id], "attributionjson", "version", "seq"));
        Assert.Equal(before.Count + attributed.Length, after.Count);

        await using var c = await db.OpenAsync();
        var spans = (await c.QueryAsync<(string Id, string? AttributionJson, long Version, long Seq)>(
            "SELECT Id, AttributionJson, Version, Seq FROM Annotations WHERE Kind = 'span';")).ToDictionary(r => r.Id);
        Assert.All(attributed, id => Assert.Null(spans[id].AttributionJson));
        Assert.Equal((2L, 2L), (spans[claim].Version, spans[deletedClaim].Version)); // live: a new version; a tombstone keeps its own
        Assert.Equal(4L, spans[deletedClaim].Seq);
        Assert.True(spans[claim].Seq > 10);

        var relations = (await c.QueryAsync<RelationRow>("""
            SELECT a.Id, a.AnnotatorId, a.Label, a.Layer, a.Version, a.IsDeleted, a.CreatedAt, e.SourceId, e.TargetId, e.DeletedWith, e.Misfit, a.Seq
            FROM Annotations a JOIN RelationEnds e ON e.Id = a.Id WHERE a.Kind = 'relation';
            """)).ToDictionary(r => r.SourceId);
        Assert.Equal(attributed.Order(), relations.Keys.Order());
        Assert.All(relations.Values, r => Assert.Equal((SaidBy.RelationIdOf(r.SourceId), "said-by", "", 1L, Stamp), (r.Id, r.Label, r.Layer, r.Version, r.CreatedAt)));
        Assert.Equal(("ana", source, 0L, (string?)null, 0L), Summary(relations[claim]));
        Assert.Equal(("ana", source, 1L, deletedClaim, 0L), Summary(relations[deletedClaim]));
        Assert.Equal(("gold", goldSource, 0L, (string?)null, 0L), Summary(relations[goldClaim]));
        Assert.Equal(("ana", deletedSource, 1L, deletedSource, 0L), Summary(relations[orphanedClaim]));
        Assert.Equal(("ben", source, 0L, (string?)null, 1L), Summary(relations[frame]));
        Assert.Equal(after.Count, (await c.QueryAsync<long>("SELECT Seq FROM Annotations WHERE DocumentId = @Doc;", new { Doc })).Distinct().Count());

        // As the API shows them: the pair said-by refuses is flagged, the others are ok.
        var read = await AnnotationStore.GetAsync(c, null, SaidBy.RelationIdOf(frame));
        Assert.Equal(Annotation.Misfit, read!.ToAnnotation((_, _) => true).Status);
        Assert.Equal(Annotation.Ok, (await AnnotationStore.GetAsync(c, null, SaidBy.RelationIdOf(claim)))!.ToAnnotation((_, _) => true).Status);
    }

    [Fact]
    public async Task Converting_The_Same_Span_Again_Finds_Its_Relation_Instead_Of_Adding_One()
    {
        await Migrator.MigrateAsync(db, 21);
        await SeedAsync();
        await Migrator.MigrateAsync(db);
        var once = await RowsAsync();

        // As a second server that read the span before the first converted it would see it.
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("UPDATE Annotations SET AttributionJson = @Json WHERE Id = @Id;", new { Json = $$"""{"actor":null,"span":"{{source}}"}""", Id = claim });
        await using (var t = await c.BeginTransactionAsync())
        {
            await SpanAttributionMigration.RunAsync(c, t);
            await t.CommitAsync();
        }

        var twice = await RowsAsync();
        Assert.Equal(once.Count, twice.Count);
        Assert.Equal(once[SaidBy.RelationIdOf(claim)], twice[SaidBy.RelationIdOf(claim)]);
        Assert.Null(await c.ExecuteScalarAsync<string?>("SELECT AttributionJson FROM Annotations WHERE Id = @Id;", new { Id = claim }));
    }

    [Fact]
    public async Task A_Link_Already_Drawn_As_A_Said_By_Relation_Is_Not_Drawn_Twice()
    {
        await Migrator.MigrateAsync(db, 21);
        await SeedAsync();
        var drawn = Guid.NewGuid().ToString();
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("""
            INSERT INTO Annotations (Id, ProjectId, DocumentId, DocumentVersion, CodebookCollection, CodebookVersion, AnnotatorId, Kind, Layer, Label,
                AttributesJson, Version, Seq, IsDeleted, IsOrphan, CreatedAt, UpdatedAt)
            VALUES (@Id, 'default', @Doc, 1, '', 1, 'ana', 'relation', '', 'said-by', '{}', 1, 100, 0, 0, @Stamp, @Stamp);
            INSERT INTO RelationEnds (Id, SourceId, TargetId, DeletedWith) VALUES (@Id, @Claim, @Source, NULL);
            """, new { Id = drawn, Doc, Stamp, Claim = claim, Source = source });

        await Migrator.MigrateAsync(db);

        var fromClaim = await c.QueryAsync<string>("SELECT Id FROM RelationEnds WHERE SourceId = @Claim;", new { Claim = claim });
        Assert.Equal([drawn], fromClaim);
        Assert.Null(await c.ExecuteScalarAsync<string?>("SELECT AttributionJson FROM Annotations WHERE Id = @Id;", new { Id = claim }));
        // An actor attribution as older builds stored it reads as the actor alone.
        Assert.Equal(new Attribution("dalmor-government"), (await AnnotationStore.GetAsync(c, null, byActor))!.ToAnnotation((_, _) => true).Attribution);
    }

    private sealed record RelationRow(string Id, string AnnotatorId, string Label, string Layer, long Version, long IsDeleted, string CreatedAt,
        string SourceId, string TargetId, string? DeletedWith, long Misfit, long Seq);

    private static (string, string, long, string?, long) Summary(RelationRow r) => (r.AnnotatorId, r.TargetId, r.IsDeleted, r.DeletedWith, r.Misfit);

    private async Task SeedAsync()
    {
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES ('ana', 'Ana', @Stamp), ('ben', 'Ben', @Stamp);", new { Stamp });
        await c.ExecuteAsync("""
            INSERT INTO Documents (Id, ProjectId, Collection, Path, CurrentVersion, Title, TagsJson, MetadataJson, WordCount, SourceHash, FileSize, FileModifiedTicks, UpdatedAt)
            VALUES (@Doc, 'default', 'wire', 'wire/one.md', 1, 'One', '[]', '{}', 10, 'h', 1, 1, @Stamp);
            INSERT INTO CodebookVersions (Collection, Version, ContentHash, Yaml, Json, CreatedAt) VALUES ('', 1, 'h', '', @Codebook, @Stamp);
            """, new { Doc, Stamp, Codebook });
        var seq = 0;
        async Task Span(string id, string annotator, string layer, string label, string? attribution, bool deleted = false) =>
            await c.ExecuteAsync("""
                INSERT INTO Annotations (Id, ProjectId, DocumentId, DocumentVersion, CodebookCollection, CodebookVersion, AnnotatorId, Kind, Layer, Label,
                    StartOffset, EndOffset, Quote, Prefix, Suffix, AttributesJson, AttributionJson, Note, Version, Seq, IsDeleted, IsOrphan, CreatedAt, UpdatedAt, ProvenanceJson)
                VALUES (@Id, 'default', @Doc, 1, '', 1, @Annotator, 'span', @Layer, @Label, @Seq, @End, 'q', '', '', '{"a":1}', @Attribution, 'n', @Version, @Seq, @Deleted, 0, '2026-11-01', @Stamp, NULL);
                """, new { Id = id, Doc, Annotator = annotator, Layer = layer, Label = label, Seq = ++seq, End = seq + 3, Attribution = attribution, Version = deleted ? 2 : 1, Deleted = deleted ? 1 : 0, Stamp });
        string To(string span) => $$"""{"actor":null,"span":"{{span}}"}""";
        await Span(source, "ana", "source", "official", null);
        await Span(claim, "ana", "claim", "factual-claim", To(source));
        await Span(deletedSource, "ana", "source", "official", null, deleted: true);
        await Span(deletedClaim, "ana", "claim", "factual-claim", To(source), deleted: true);
        await Span(orphanedClaim, "ana", "claim", "factual-claim", To(deletedSource));
        await Span(goldSource, "gold", "source", "official", null);
        await Span(goldClaim, "gold", "claim", "factual-claim", To(goldSource));
        await Span(frame, "ben", "frame", "protest", To(source));
        await Span(byActor, "ana", "claim", "factual-claim", """{"actor":"dalmor-government","span":null}""");
        await Span(plain, "ben", "claim", "factual-claim", null);
    }

    /// <summary>Every annotation row, all columns, as text by id.</summary>
    private async Task<Dictionary<string, string>> RowsAsync()
    {
        await using var c = await db.OpenAsync();
        var rows = await c.QueryAsync("SELECT * FROM Annotations;");
        return rows.Cast<IDictionary<string, object?>>().ToDictionary(
            r => (string)r.First(p => p.Key.Equals("Id", StringComparison.OrdinalIgnoreCase)).Value!,
            r => string.Join("; ", r.Select(p => $"{p.Key.ToLowerInvariant()}={p.Value}")));
    }

    private static string Without(string row, params string[] columns) =>
        string.Join("; ", row.Split("; ").Where(p => !columns.Contains(p[..p.IndexOf('=', StringComparison.Ordinal)])));
}
