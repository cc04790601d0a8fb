using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Projects;
using Dapper;

namespace Annotate.AgreementReports;

/// <summary>An annotated document and its last change: (version, last sequence number) identifies what its figures were computed from.</summary>
internal sealed record AnnotatedDocument(string Id, string Title, string Collection, long CurrentVersion, long LastSeq)
{
    public string Revision => $"{CurrentVersion}:{LastSeq}";
}

/// <summary>Reads what agreement is computed from: annotated documents, their live annotations, texts and codebooks.</summary>
internal sealed class AgreementStore(Db db, VersionTexts texts, CodebookStore codebooks, AnnotatorStore annotators)
{
    private const string AnnotationColumns = "a.DocumentId, a.DocumentVersion, a.AnnotatorId, a.Kind, a.Layer, a.Label, a.StartOffset, a.EndOffset";

    /// <summary>Documents of the project (or just one) with people's live annotations, with their last change.</summary>
    public async Task<IReadOnlyList<AnnotatedDocument>> AnnotatedDocumentsAsync(string projectId, string? documentId, CancellationToken cancellationToken)
    {
        // Every change takes the document's next Seq, deletes included, so max(Seq) moves whenever anything does. The
        // gold layer is not an annotator: a document only it annotated has no agreement, and its changes none to redo.
        const string sql = """
            SELECT d.Id, d.Title, d.Collection, d.CurrentVersion, s.LastSeq
            FROM Documents d
            JOIN (SELECT DocumentId, max(Seq) AS LastSeq, max(CASE WHEN IsDeleted = 0 AND IsOrphan = 0 THEN 1 ELSE 0 END) AS Live FROM HumanAnnotations
                  WHERE ProjectId = @ProjectId AND (@DocumentId IS NULL OR DocumentId = @DocumentId) GROUP BY DocumentId) s ON s.DocumentId = d.Id
            WHERE d.IsMissing = 0 AND s.Live = 1
            ORDER BY d.Id;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HeadRow>(new CommandDefinition(sql, new { ProjectId = projectId, DocumentId = documentId }, cancellationToken: cancellationToken));
        return rows.Select(r => new AnnotatedDocument(r.Id, r.Title, r.Collection, r.CurrentVersion, r.LastSeq)).ToList();
    }

    // Settable properties rather than a constructor: SQLite gives an aggregate column no type when no row comes
    // back, and Dapper cannot match a constructor then (the first report of an empty project failed with 500).
    private sealed class HeadRow
    {
        public string Id { get; set; } = "";

        public string Title { get; set; } = "";

        public string Collection { get; set; } = "";

        public long CurrentVersion { get; set; }

        public long LastSeq { get; set; }
    }

    /// <summary>Live annotations of some documents (all of the project's when <paramref name="documentIds"/> is null), by document.</summary>
    /// <remarks>The gold layer is not an annotator: it is left out (<c>HumanAnnotations</c>, migration 0014).</remarks>
    public async Task<Dictionary<string, List<AgreementAnnotation>>> AnnotationsAsync(string projectId, IReadOnlyCollection<string>? documentIds, CancellationToken cancellationToken)
    {
        const string all = $"SELECT {AnnotationColumns} FROM HumanAnnotations a WHERE a.ProjectId = @ProjectId AND a.IsDeleted = 0 AND a.IsOrphan = 0 ORDER BY a.DocumentId, a.AnnotatorId, a.StartOffset, a.EndOffset, a.Label;";
        const string one = $"SELECT {AnnotationColumns} FROM HumanAnnotations a WHERE a.DocumentId = @DocumentId AND a.IsDeleted = 0 AND a.IsOrphan = 0 ORDER BY a.AnnotatorId, a.StartOffset, a.EndOffset, a.Label;";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = new List<AgreementAnnotation>();
        if (documentIds is null)
        {
            rows.AddRange(await connection.QueryAsync<AgreementAnnotation>(new CommandDefinition(all, new { ProjectId = projectId }, cancellationToken: cancellationToken)));
        }
        else
        {
            foreach (var id in documentIds)
            {
                rows.AddRange(await connection.QueryAsync<AgreementAnnotation>(new CommandDefinition(one, new { DocumentId = id }, cancellationToken: cancellationToken)));
            }
        }

        return rows.GroupBy(r => r.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>A document's current text and its collection's codebook (both cached by their stores).</summary>
    public async Task<AgreementDocument?> DocumentAsync(AnnotatedDocument head, CancellationToken cancellationToken) =>
        await texts.GetAsync(head.Id, (int)head.CurrentVersion, cancellationToken) is { } text
            ? new AgreementDocument(head.Id, head.Title, head.CurrentVersion, text.Row.Text, (await codebooks.ForCollectionAsync(head.Collection, cancellationToken))?.Codebook)
            : null;

    public Task<IReadOnlyList<Annotator>> AnnotatorsAsync(string projectId, CancellationToken cancellationToken) => annotators.ListAsync(projectId, cancellationToken);

    /// <summary>Everything at once (the command line, the heat map).</summary>
    public async Task<AgreementSnapshot> LoadAsync(ProjectSettings project, string? documentId, CancellationToken cancellationToken)
    {
        var heads = await AnnotatedDocumentsAsync(project.Id, documentId, cancellationToken);
        var rows = await AnnotationsAsync(project.Id, documentId is null ? null : [documentId], cancellationToken);
        var documents = new List<AgreementDocument>();
        foreach (var head in heads)
        {
            if (await DocumentAsync(head, cancellationToken) is { } document)
            {
                documents.Add(document);
            }
        }

        var (live, leftOut) = OnCurrentText(documents, rows);
        return new AgreementSnapshot(project.Id, project.Visibility, documents, live, await AnnotatorsAsync(project.Id, cancellationToken), leftOut);
    }

    /// <summary>
    /// Annotations are moved onto each new text version when it arrives; one still on an older text (its move is
    /// pending) would be compared against the wrong offsets, so it waits for the next computation.
    /// </summary>
    public static (List<AgreementAnnotation> Live, int LeftOut) OnCurrentText(IEnumerable<AgreementDocument> documents, Dictionary<string, List<AgreementAnnotation>> rows)
    {
        var live = new List<AgreementAnnotation>();
        var leftOut = 0;
        foreach (var document in documents)
        {
            foreach (var row in rows.GetValueOrDefault(document.Id) ?? [])
            {
                if (row.DocumentVersion == document.Version)
                    live.Add(row);
                else
                    leftOut++;
            }
        }

        return (live, leftOut);
    }
}
