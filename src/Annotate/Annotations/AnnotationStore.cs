using System.Data;
using Annotate.Data;
using Dapper;

namespace Annotate.Annotations;

/// <summary>Annotation rows: reads for the API, and the one upsert every write goes through.</summary>
internal sealed class AnnotationStore(Db db)
{
    private const string Columns = """
        a.Id, a.DocumentId, a.DocumentVersion, a.CodebookCollection, a.CodebookVersion, a.AnnotatorId,
        u.DisplayName AS AnnotatorName, a.Kind, a.Layer, a.Label, a.StartOffset, a.EndOffset, a.Quote, a.Prefix,
        a.Suffix, a.AttributesJson, a.AttributionJson, a.Note, a.Version, a.Seq, a.IsDeleted, a.IsOrphan,
        a.CreatedAt, a.UpdatedAt, a.ProvenanceJson, e.SourceId, e.TargetId, e.DeletedWith, e.Misfit
        """;

    // A relation's ends are in a table of their own (migration 0021); other rows have none.
    private const string From = "FROM Annotations a JOIN Users u ON u.Id = a.AnnotatorId LEFT JOIN RelationEnds e ON e.Id = a.Id";

    private const string Select = $"SELECT {Columns} {From}";

    /// <summary>A document's live annotations of a kind: one annotator's, or everyone's but the gold layer's (ask for "gold").</summary>
    public async Task<IReadOnlyList<AnnotationRow>> ListAsync(string documentId, string kind, string? annotator, string? layer, CancellationToken cancellationToken)
    {
        const string sql = $"""
            {Select}
            WHERE a.DocumentId = @DocumentId AND a.Kind = @Kind AND a.IsDeleted = 0
              AND (a.AnnotatorId = @Annotator OR (@Annotator IS NULL AND a.AnnotatorId IN (SELECT Id FROM HumanUsers))) AND (@Layer IS NULL OR a.Layer = @Layer)
            ORDER BY a.StartOffset, a.EndOffset DESC, a.Id;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnnotationRow>(new CommandDefinition(sql,
            new { DocumentId = documentId, Kind = kind, Annotator = annotator, Layer = layer }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Live annotations that are orphans or may carry a label the codebook dropped (checked by the caller).</summary>
    public async Task<IReadOnlyList<(AnnotationRow Row, string Collection, string ProjectId)>> LiveWithCollectionsAsync(string userId, CancellationToken cancellationToken)
    {
        // Only in the projects the person is a member of.
        const string sql = $"""
            SELECT {Columns}, d.Collection AS Collection, d.ProjectId AS ProjectId {From} JOIN Documents d ON d.Id = a.DocumentId
            WHERE a.IsDeleted = 0 AND d.ProjectId IN (SELECT ProjectId FROM ProjectMembers WHERE UserId = @UserId)
            ORDER BY a.DocumentId, a.StartOffset;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnnotationRow, string, string, (AnnotationRow, string, string)>(
            new CommandDefinition(sql, new { UserId = userId }, cancellationToken: cancellationToken),
            (row, collection, projectId) => (row, collection, projectId), splitOn: "Collection,ProjectId");
        return rows.AsList();
    }

    /// <summary>Every change after a sequence number, tombstones included, optionally only one annotator's.</summary>
    public async Task<IReadOnlyList<AnnotationRow>> ChangesAfterAsync(string documentId, long afterSeq, string? annotator, CancellationToken cancellationToken)
    {
        const string sql = $"""
            {Select}
            WHERE a.DocumentId = @DocumentId AND a.Seq > @AfterSeq AND (@Annotator IS NULL OR a.AnnotatorId = @Annotator)
            ORDER BY a.Seq;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnnotationRow>(new CommandDefinition(sql,
            new { DocumentId = documentId, AfterSeq = afterSeq, Annotator = annotator }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The document's latest sequence number (0 before any change).</summary>
    public async Task<long> LastSeqAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(Seq), 0) FROM Annotations WHERE DocumentId = @DocumentId;", new { DocumentId = documentId }, cancellationToken: cancellationToken));
    }

    public static Task<AnnotationRow?> GetAsync(IDbConnection connection, IDbTransaction? transaction, string id) =>
        connection.QuerySingleOrDefaultAsync<AnnotationRow>($"{Select} WHERE a.Id = @Id;", new { Id = id }, transaction);

    /// <summary>Rows of a document that are not deleted, for re-anchoring after the text changes.</summary>
    public static async Task<IReadOnlyList<AnnotationRow>> LiveOfDocumentAsync(IDbConnection connection, IDbTransaction? transaction, string documentId) =>
        (await connection.QueryAsync<AnnotationRow>($"{Select} WHERE a.DocumentId = @DocumentId AND a.IsDeleted = 0;", new { DocumentId = documentId }, transaction)).AsList();

    /// <summary>
    /// Inserts or replaces a row; every change takes the document's next sequence number. The document's lock comes
    /// first: with several instances on PostgreSQL, two could otherwise both compute the same max(Seq) + 1.
    /// </summary>
    public static async Task SaveAsync(IDbConnection connection, IDbTransaction transaction, AnnotationRow row)
    {
        const string sql = """
            INSERT INTO Annotations (Id, ProjectId, DocumentId, DocumentVersion, CodebookCollection, CodebookVersion, AnnotatorId, Kind,
                Layer, Label, StartOffset, EndOffset, Quote, Prefix, Suffix, AttributesJson, AttributionJson, Note, Version,
                Seq, IsDeleted, IsOrphan, CreatedAt, UpdatedAt, ProvenanceJson)
            VALUES (@Id, (SELECT ProjectId FROM Documents WHERE Id = @DocumentId), @DocumentId, @DocumentVersion, @CodebookCollection, @CodebookVersion, @AnnotatorId, @Kind,
                @Layer, @Label, @StartOffset, @EndOffset, @Quote, @Prefix, @Suffix, @AttributesJson, @AttributionJson, @Note,
                @Version, (SELECT coalesce(max(Seq), 0) + 1 FROM Annotations WHERE DocumentId = @DocumentId),
                @IsDeleted, @IsOrphan, @CreatedAt, @UpdatedAt, @ProvenanceJson)
            ON CONFLICT (Id) DO UPDATE SET
                DocumentVersion = excluded.DocumentVersion, CodebookCollection = excluded.CodebookCollection,
                CodebookVersion = excluded.CodebookVersion, Layer = excluded.Layer, Label = excluded.Label,
                StartOffset = excluded.StartOffset, EndOffset = excluded.EndOffset, Quote = excluded.Quote,
                Prefix = excluded.Prefix, Suffix = excluded.Suffix, AttributesJson = excluded.AttributesJson,
                AttributionJson = excluded.AttributionJson, Note = excluded.Note, Version = excluded.Version,
                Seq = excluded.Seq, IsDeleted = excluded.IsDeleted, IsOrphan = excluded.IsOrphan,
                UpdatedAt = excluded.UpdatedAt, ProvenanceJson = excluded.ProvenanceJson;
            """;
        await Db.LockAsync(connection, transaction, row.DocumentId);
        await connection.ExecuteAsync(sql, row, transaction);
        if (row.Kind == Annotation.RelationKind)
        {
            const string ends = """
                INSERT INTO RelationEnds (Id, SourceId, TargetId, DeletedWith, Misfit) VALUES (@Id, @SourceId, @TargetId, @DeletedWith, coalesce(@Misfit, 0))
                ON CONFLICT (Id) DO UPDATE SET SourceId = excluded.SourceId, TargetId = excluded.TargetId, DeletedWith = excluded.DeletedWith, Misfit = excluded.Misfit;
                """;
            await connection.ExecuteAsync(ends, row, transaction);
        }
    }
}
