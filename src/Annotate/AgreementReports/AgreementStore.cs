using System.Runtime.CompilerServices;
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

/// <summary>A document as a report streams it: its text, its live annotations on that text, and how many wait on an older one.</summary>
internal sealed record DocumentRows(AnnotatedDocument Head, AgreementDocument Document, List<AgreementAnnotation> Live, int LeftOut, IReadOnlyList<AgreementRelation> Relations);

/// <summary>Reads what agreement is computed from: annotated documents, their live annotations, texts and codebooks.</summary>
internal sealed partial class AgreementStore(Db db, VersionTexts texts, CodebookStore codebooks, AnnotatorStore annotators)
{
    private const string AnnotationColumns = "a.DocumentId, a.DocumentVersion, a.AnnotatorId, a.Kind, a.Layer, a.Label, a.StartOffset, a.EndOffset";

    /// <summary>Documents of the project (or just one) with people's live annotations, with their last change.</summary>
    public async Task<IReadOnlyList<AnnotatedDocument>> AnnotatedDocumentsAsync(string projectId, string? documentId, CancellationToken cancellationToken)
    {
        // Every change takes the document's next Seq, deletes included, so max(Seq) moves whenever anything does. The
        // gold layer is not an annotator: a document only it annotated has no agreement, and its changes none to redo.
        // A relation change moves the revision (relation agreement is part of the report), but a relation alone does
        // not make a document annotated: its ends are spans, which do.
        const string sql = """
            SELECT d.Id, d.Title, d.Collection, d.CurrentVersion, s.LastSeq
            FROM Documents d
            JOIN (SELECT DocumentId, max(Seq) AS LastSeq, max(CASE WHEN IsDeleted = 0 AND IsOrphan = 0 AND Kind <> 'relation' THEN 1 ELSE 0 END) AS Live FROM HumanAnnotations
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
        const string all = $"SELECT {AnnotationColumns} FROM HumanAnnotations a WHERE a.ProjectId = @ProjectId AND a.IsDeleted = 0 AND a.IsOrphan = 0 AND a.Kind <> 'relation' ORDER BY a.DocumentId, a.AnnotatorId, a.StartOffset, a.EndOffset, a.Label;";
        const string one = $"SELECT {AnnotationColumns} FROM HumanAnnotations a WHERE a.DocumentId = @DocumentId AND a.IsDeleted = 0 AND a.IsOrphan = 0 AND a.Kind <> 'relation' ORDER BY a.AnnotatorId, a.StartOffset, a.EndOffset, a.Label;";
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

    /// <summary>
    /// The project's annotated documents one at a time, each with its text and its live annotations on that text:
    /// one query streams the rows in document order and each text is read when its document comes up, so neither
    /// the rows nor the texts of a large project are ever all in memory (nor in the texts cache, which saves use).
    /// </summary>
    /// <param name="only">The documents wanted, when not all (null).</param>
    public async IAsyncEnumerable<DocumentRows> StreamAsync(string projectId, string? documentId, IReadOnlySet<string>? only,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {AnnotationColumns} FROM HumanAnnotations a
            WHERE a.ProjectId = @ProjectId AND (@DocumentId IS NULL OR a.DocumentId = @DocumentId) AND a.IsDeleted = 0 AND a.IsOrphan = 0 AND a.Kind <> 'relation'
            ORDER BY a.DocumentId;
            """;
        var heads = (await AnnotatedDocumentsAsync(projectId, documentId, cancellationToken)).Where(h => only is null || only.Contains(h.Id))
            .ToDictionary(h => h.Id, StringComparer.Ordinal);
        var withRelations = await HasRelationsAsync(projectId, documentId, cancellationToken);
        await using var rows = await db.OpenAsync(cancellationToken);
        await using var texts = new DocumentTextReader(await db.OpenAsync(cancellationToken), codebooks);
        await using var command = rows.CreateCommand();
        command.CommandText = sql;
        AnnotationRows.AddParameter(command, "ProjectId", projectId);
        AnnotationRows.AddParameter(command, "DocumentId", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = new AnnotationRows(reader);
        var current = new List<AgreementAnnotation>();
        AnnotatedDocument? head = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = read.DocumentId();
            if (head is not null && id != head.Id)
            {
                if (await texts.ReadAsync(head, current, withRelations, cancellationToken) is { } done)
                    yield return done;
                current = [];
                head = null;
            }

            if (head is null && !heads.TryGetValue(id, out head))
                continue;
            current.Add(read.Annotation(head.Id));
        }

        if (head is not null && await texts.ReadAsync(head, current, withRelations, cancellationToken) is { } last)
            yield return last;
    }

    /// <summary>
    /// Every span layer and label among the project's live annotations (or one document's): what a report summed
    /// as documents stream past must know from the start (<see cref="ProjectSums"/>). A superset of what the
    /// stream yields, which is harmless.
    /// </summary>
    public async Task<Dictionary<string, IReadOnlyCollection<string>>> SpanLabelsAsync(string projectId, string? documentId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT DISTINCT a.Layer, a.Label FROM HumanAnnotations a
            WHERE a.ProjectId = @ProjectId AND (@DocumentId IS NULL OR a.DocumentId = @DocumentId) AND a.Kind = 'span' AND a.IsDeleted = 0 AND a.IsOrphan = 0;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Layer, string Label)>(new CommandDefinition(sql, new { ProjectId = projectId, DocumentId = documentId }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.Layer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Select(r => r.Label).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>
    /// One layer's live annotations on their documents' current texts, a document at a time in document order (the
    /// agreement export's input files): streamed like <see cref="StreamAsync"/>, without the texts.
    /// </summary>
    public async IAsyncEnumerable<List<AgreementAnnotation>> LayerRowsAsync(string projectId, string? documentId, string kind, string layer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {AnnotationColumns} FROM HumanAnnotations a JOIN Documents d ON d.Id = a.DocumentId
            WHERE a.ProjectId = @ProjectId AND (@DocumentId IS NULL OR a.DocumentId = @DocumentId) AND a.Kind = @Kind AND a.Layer = @Layer
              AND a.IsDeleted = 0 AND a.IsOrphan = 0 AND d.IsMissing = 0 AND a.DocumentVersion = d.CurrentVersion
            ORDER BY a.DocumentId;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var current = new List<AgreementAnnotation>();
        await foreach (var row in connection.QueryUnbufferedAsync<AgreementAnnotation>(sql, new { ProjectId = projectId, DocumentId = documentId, Kind = kind, Layer = layer })
            .WithCancellation(cancellationToken))
        {
            if (current.Count > 0 && current[0].DocumentId != row.DocumentId)
            {
                current.Sort(ByAnnotatorAndPlace);
                yield return current;
                current = [];
            }

            current.Add(row);
        }

        if (current.Count > 0)
        {
            current.Sort(ByAnnotatorAndPlace);
            yield return current;
        }
    }

    internal static int ByAnnotatorAndPlace(AgreementAnnotation a, AgreementAnnotation b)
    {
        var order = string.CompareOrdinal(a.AnnotatorId, b.AnnotatorId);
        order = order != 0 ? order : Nullable.Compare(a.StartOffset, b.StartOffset);
        order = order != 0 ? order : Nullable.Compare(a.EndOffset, b.EndOffset);
        return order != 0 ? order : string.CompareOrdinal(a.Label, b.Label);
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
        var relations = await RelationsAsync(project.Id, heads, cancellationToken);
        return new AgreementSnapshot(project.Id, project.Visibility, documents, live, await AnnotatorsAsync(project.Id, cancellationToken), leftOut,
            [.. relations.Values.SelectMany(r => r)]);
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
