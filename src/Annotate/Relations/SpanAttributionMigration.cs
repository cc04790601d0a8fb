using System.Data.Common;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Codebook;
using Dapper;

namespace Annotate.Relations;

/// <summary>
/// Schema step 0022: each span's stored <c>attribution.span</c> becomes a <c>said-by</c> relation of the span's
/// annotator (or the gold layer) from the span to the span it named, and the span keeps only its actor. Nothing is
/// dropped: a pair the codebook would refuse today is converted all the same and marked Misfit. A span's tombstone
/// gives a tombstoned relation (and so does a deleted target), marked with the deleted end so that undoing that
/// deletion brings the relation back as it brings back any relation (<see cref="RelationCascade"/>).
/// </summary>
internal static class SpanAttributionMigration
{
    private sealed record Attributed(string Id, string ProjectId, string DocumentId, string CodebookCollection, long CodebookVersion,
        string AnnotatorId, string AttributionJson, long Version, long IsDeleted, string UpdatedAt);

    private sealed record End(string Id, string DocumentId, string Kind, string Layer, string Label, string AnnotatorId, long IsDeleted);

    public static async Task RunAsync(DbConnection c, DbTransaction t)
    {
        const string attributed = """
            SELECT Id, ProjectId, DocumentId, CodebookCollection, CodebookVersion, AnnotatorId, AttributionJson, Version, IsDeleted, UpdatedAt
            FROM Annotations WHERE AttributionJson IS NOT NULL AND Kind <> 'relation' ORDER BY DocumentId, Seq;
            """;
        var rules = new Dictionary<string, RelationDefinition?>(StringComparer.Ordinal);
        foreach (var span in await c.QueryAsync<Attributed>(attributed, transaction: t))
        {
            var attribution = JsonSerializer.Deserialize<StoredAttribution>(span.AttributionJson, JsonSerializerOptions.Web);
            if (attribution?.Span is not { } targetId)
                continue;
            if (!rules.TryGetValue(span.CodebookCollection, out var saidBy))
                rules[span.CodebookCollection] = saidBy = await SaidByRulesAsync(c, t, span.CodebookCollection);
            await ConvertAsync(c, t, span, targetId, saidBy);
            await DropSpanReferenceAsync(c, t, span, attribution.Actor);
        }
    }

    private static async Task ConvertAsync(DbConnection c, DbTransaction t, Attributed span, string targetId, RelationDefinition? saidBy)
    {
        var id = SaidBy.RelationIdOf(span.Id);
        var target = await c.QuerySingleOrDefaultAsync<End>(
            "SELECT Id, DocumentId, Kind, Layer, Label, AnnotatorId, IsDeleted FROM Annotations WHERE Id = @Id;", new { Id = targetId }, t);
        // Already there: this step ran before on this data, or the annotator drew the same link as a relation.
        const string twin = """
            SELECT count(*) FROM Annotations a JOIN RelationEnds e ON e.Id = a.Id
            WHERE a.Id = @Id OR (a.DocumentId = @DocumentId AND a.Kind = 'relation' AND a.Label = @Type AND a.AnnotatorId = @AnnotatorId
              AND a.IsDeleted = 0 AND e.SourceId = @SourceId AND e.TargetId = @TargetId);
            """;
        if (await c.ExecuteScalarAsync<long>(twin, new { Id = id, span.DocumentId, Type = SaidBy.Type, span.AnnotatorId, SourceId = span.Id, TargetId = targetId }, t) > 0)
            return;

        var source = await c.QuerySingleAsync<End>(
            "SELECT Id, DocumentId, Kind, Layer, Label, AnnotatorId, IsDeleted FROM Annotations WHERE Id = @Id;", new { span.Id }, t);
        // Live only while both ends are; the deleted end is the one whose return brings it back.
        var deletedWith = span.IsDeleted != 0 ? span.Id : target is null || target.IsDeleted != 0 ? targetId : null;
        const string insert = """
            INSERT INTO Annotations (Id, ProjectId, DocumentId, DocumentVersion, CodebookCollection, CodebookVersion, AnnotatorId, Kind,
                Layer, Label, StartOffset, EndOffset, Quote, Prefix, Suffix, AttributesJson, AttributionJson, Note, Version,
                Seq, IsDeleted, IsOrphan, CreatedAt, UpdatedAt, ProvenanceJson)
            VALUES (@Id, @ProjectId, @DocumentId, (SELECT CurrentVersion FROM Documents WHERE Id = @DocumentId), @CodebookCollection, @CodebookVersion,
                @AnnotatorId, 'relation', '', @Type, NULL, NULL, NULL, NULL, NULL, '{}', NULL, NULL, 1,
                (SELECT coalesce(max(Seq), 0) + 1 FROM Annotations WHERE DocumentId = @DocumentId), @IsDeleted, 0, @UpdatedAt, @UpdatedAt, NULL);
            INSERT INTO RelationEnds (Id, SourceId, TargetId, DeletedWith, Misfit) VALUES (@Id, @SourceId, @TargetId, @DeletedWith, @Misfit);
            """;
        await c.ExecuteAsync(insert, new
        {
            Id = id, span.ProjectId, span.DocumentId, span.CodebookCollection, span.CodebookVersion, span.AnnotatorId, Type = SaidBy.Type,
            IsDeleted = deletedWith is null ? 0 : 1, span.UpdatedAt, SourceId = span.Id, TargetId = targetId, DeletedWith = deletedWith,
            Misfit = Fits(source, target, saidBy) ? 0 : 1,
        }, t);
    }

    /// <summary>The rules a live relation write checks, but liveness (a tombstone is converted as a tombstone).</summary>
    private static bool Fits(End source, End? target, RelationDefinition? saidBy) =>
        target is not null && target.Id != source.Id && target.DocumentId == source.DocumentId && target.Kind == Annotation.SpanKind
        && source.Kind == Annotation.SpanKind && target.AnnotatorId == source.AnnotatorId
        && (saidBy is null || (saidBy.Allows(saidBy.Source, source.Layer, source.Label) && saidBy.Allows(saidBy.Target, target.Layer, target.Label)));

    /// <summary>
    /// The span keeps its actor, if any. A live span takes a new version and sequence number, so that a client catching
    /// up sees the change and an edit based on the old version is a conflict; a tombstone keeps both, so that undoing
    /// its deletion (a PUT based on its version) still works. UpdatedAt stays: no person changed the span.
    /// </summary>
    private static Task<int> DropSpanReferenceAsync(DbConnection c, DbTransaction t, Attributed span, string? actor)
    {
        const string sql = """
            UPDATE Annotations SET AttributionJson = @AttributionJson,
                Version = Version + @Bump,
                Seq = CASE WHEN @Bump = 1 THEN (SELECT coalesce(max(Seq), 0) + 1 FROM Annotations WHERE DocumentId = @DocumentId) ELSE Seq END
            WHERE Id = @Id;
            """;
        return c.ExecuteAsync(sql, new { span.Id, span.DocumentId, AttributionJson = AttributionText.Of(actor), Bump = span.IsDeleted == 0 ? 1 : 0 }, t);
    }

    /// <summary>The said-by type of the collection's latest codebook; null when it has none (the relation then shows unknown-label).</summary>
    private static async Task<RelationDefinition?> SaidByRulesAsync(DbConnection c, DbTransaction t, string collection)
    {
        var json = await c.QueryFirstOrDefaultAsync<string>(
            "SELECT Json FROM CodebookVersions WHERE Collection = @Collection ORDER BY Version DESC LIMIT 1;", new { Collection = collection }, t);
        var codebook = json is null ? null : JsonSerializer.Deserialize<CodebookDefinition>(json, JsonSerializerOptions.Web);
        return codebook?.Relations.FirstOrDefault(r => r.Id == SaidBy.Type);
    }

    /// <summary>The attribution as stored before this step: an actor or a span.</summary>
    private sealed record StoredAttribution(string? Actor, string? Span);
}
