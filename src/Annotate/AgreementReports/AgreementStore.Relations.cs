using System.Runtime.CompilerServices;
using Dapper;

namespace Annotate.AgreementReports;

/// <summary>The relations agreement is computed from: each a live relation between two live spans, with its ends' places.</summary>
internal sealed partial class AgreementStore
{
    /// <summary>Whether the project (or the document) has any live relation of a person: if not, no document's need be read.</summary>
    public async Task<bool> HasRelationsAsync(string projectId, string? documentId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FROM (SELECT 1 AS One FROM HumanAnnotations
            WHERE ProjectId = @ProjectId AND (@DocumentId IS NULL OR DocumentId = @DocumentId) AND Kind = 'relation' AND IsDeleted = 0 LIMIT 1) r;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { ProjectId = projectId, DocumentId = documentId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// A document's live relations between live spans, all on its current text, with the ends' places (the gold layer
    /// left out, as for spans). A relation on an older text waits for its move, as its spans do.
    /// </summary>
    public static async Task<IReadOnlyList<AgreementRelation>> RelationsAsync(System.Data.Common.DbConnection connection, AnnotatedDocument head, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.DocumentId, r.AnnotatorId, r.Label AS Type,
                s.StartOffset AS SourceStart, s.EndOffset AS SourceEnd, s.Layer AS SourceLayer, s.Label AS SourceLabel,
                t.StartOffset AS TargetStart, t.EndOffset AS TargetEnd, t.Layer AS TargetLayer, t.Label AS TargetLabel
            FROM HumanAnnotations r
            JOIN RelationEnds e ON e.Id = r.Id
            JOIN Annotations s ON s.Id = e.SourceId
            JOIN Annotations t ON t.Id = e.TargetId
            WHERE r.DocumentId = @DocumentId AND r.Kind = 'relation' AND r.IsDeleted = 0 AND r.IsOrphan = 0 AND r.DocumentVersion = @Version
              AND s.IsDeleted = 0 AND s.IsOrphan = 0 AND s.DocumentVersion = @Version AND s.StartOffset IS NOT NULL AND s.EndOffset IS NOT NULL
              AND t.IsDeleted = 0 AND t.IsOrphan = 0 AND t.DocumentVersion = @Version AND t.StartOffset IS NOT NULL AND t.EndOffset IS NOT NULL
            ORDER BY r.AnnotatorId, s.StartOffset, s.EndOffset, t.StartOffset, t.EndOffset, r.Label;
            """;
        var rows = await connection.QueryAsync<AgreementRelation>(new CommandDefinition(sql, new { DocumentId = head.Id, Version = head.CurrentVersion }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Each annotated document's relations and the people who annotated it (those who drew no relation there count as
    /// having drawn none, as the report counts them), a document at a time: the agreement export's relations file.
    /// </summary>
    public async IAsyncEnumerable<(string Document, IReadOnlyList<string> Coders, IReadOnlyList<AgreementRelation> Relations)> RelationInputsAsync(string projectId, string? documentId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string coders = """
            SELECT DISTINCT AnnotatorId FROM HumanAnnotations
            WHERE DocumentId = @DocumentId AND DocumentVersion = @Version AND IsDeleted = 0 AND IsOrphan = 0 AND Kind <> 'relation' ORDER BY AnnotatorId;
            """;
        var heads = await AnnotatedDocumentsAsync(projectId, documentId, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var head in heads)
        {
            var people = (await connection.QueryAsync<string>(new CommandDefinition(coders, new { DocumentId = head.Id, Version = head.CurrentVersion }, cancellationToken: cancellationToken))).AsList();
            yield return (head.Id, people, await RelationsAsync(connection, head, cancellationToken));
        }
    }

    /// <summary>Some documents' relations (<see cref="RelationsAsync(System.Data.Common.DbConnection, AnnotatedDocument, CancellationToken)"/>), by document.</summary>
    public async Task<Dictionary<string, IReadOnlyList<AgreementRelation>>> RelationsAsync(string projectId, IReadOnlyList<AnnotatedDocument> heads, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<AgreementRelation>>(StringComparer.Ordinal);
        if (heads.Count == 0 || !await HasRelationsAsync(projectId, heads.Count == 1 ? heads[0].Id : null, cancellationToken))
            return result;
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var head in heads)
            result[head.Id] = await RelationsAsync(connection, head, cancellationToken);
        return result;
    }
}
