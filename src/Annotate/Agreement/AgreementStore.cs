using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Projects;
using Dapper;

namespace Annotate.Agreement;

/// <summary>Reads an agreement snapshot of a project (or one document) from the database.</summary>
internal sealed class AgreementStore(Db db, VersionTexts texts, CodebookStore codebooks, AnnotatorStore annotators)
{
    public async Task<AgreementSnapshot> LoadAsync(ProjectSettings project, string? documentId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.DocumentId, a.DocumentVersion, a.AnnotatorId, a.Kind, a.Layer, a.Label, a.StartOffset, a.EndOffset
            FROM Annotations a JOIN Documents d ON d.Id = a.DocumentId
            WHERE a.ProjectId = @ProjectId AND a.IsDeleted = 0 AND a.IsOrphan = 0 AND d.IsMissing = 0
              AND (@DocumentId IS NULL OR a.DocumentId = @DocumentId)
            ORDER BY a.DocumentId, a.AnnotatorId, a.StartOffset, a.EndOffset, a.Label;
            SELECT Id, Title, Collection, CurrentVersion FROM Documents d
            WHERE d.ProjectId = @ProjectId AND d.IsMissing = 0 AND (@DocumentId IS NULL OR d.Id = @DocumentId)
              AND EXISTS (SELECT 1 FROM Annotations a WHERE a.DocumentId = d.Id AND a.IsDeleted = 0)
            ORDER BY d.Id;
            """;
        List<AgreementAnnotation> rows;
        List<(string Id, string Title, string Collection, long CurrentVersion)> heads;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql,
                new { ProjectId = project.Id, DocumentId = documentId }, cancellationToken: cancellationToken));
            rows = (await results.ReadAsync<AgreementAnnotation>()).AsList();
            heads = (await results.ReadAsync<(string, string, string, long)>()).AsList();
        }

        var codebooksByCollection = new Dictionary<string, CodebookDefinition?>(StringComparer.Ordinal);
        var documents = new List<AgreementDocument>();
        foreach (var (id, title, collection, version) in heads)
        {
            if (!codebooksByCollection.TryGetValue(collection, out var codebook))
            {
                codebooksByCollection[collection] = codebook = (await codebooks.ForCollectionAsync(collection, cancellationToken))?.Codebook;
            }

            if (await texts.GetAsync(id, (int)version, cancellationToken) is { } text)
            {
                documents.Add(new AgreementDocument(id, title, version, text.Row.Text, codebook));
            }
        }

        // Annotations are moved onto each new text version when it arrives; one still on an older text (its move is
        // pending) would be compared against the wrong offsets, so it waits for the next computation.
        var current = documents.ToDictionary(d => d.Id, d => d.Version, StringComparer.Ordinal);
        var live = rows.Where(r => current.TryGetValue(r.DocumentId, out var v) && v == r.DocumentVersion).ToList();
        return new AgreementSnapshot(project.Id, project.Visibility, documents, live, await annotators.ListAsync(project.Id, cancellationToken), rows.Count - live.Count);
    }
}
