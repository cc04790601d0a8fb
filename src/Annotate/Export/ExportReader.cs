using System.Runtime.CompilerServices;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Corpus;
using Annotate.Curation;
using Annotate.Data;
using Annotate.Projects;
using Dapper;

namespace Annotate.Export;

/// <summary>
/// Reads a project for export one document at a time (constant memory whatever the project's size), in id order,
/// with every collection sorted, so the same data always gives the same bytes.
/// </summary>
internal sealed class ExportReader(Db db, DocumentStore documents, AnnotatorStore annotators)
{
    /// <summary>The ids of the project's documents that are still in the corpus, in order.</summary>
    /// <summary>The project's documents in id order; with a document id, that one only (none when it is not the project's).</summary>
    public async Task<IReadOnlyList<string>> DocumentIdsAsync(string projectId, CancellationToken cancellationToken, string? documentId = null)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT Id FROM Documents WHERE ProjectId = @ProjectId AND IsMissing = 0 AND (@DocumentId IS NULL OR Id = @DocumentId) ORDER BY Id;",
            new { ProjectId = projectId, DocumentId = documentId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Everyone who annotated in the project (not the gold layer), with their attributes.</summary>
    public Task<IReadOnlyList<Annotator>> AnnotatorsAsync(string projectId, CancellationToken cancellationToken) =>
        annotators.ListAsync(projectId, cancellationToken);

    /// <summary>The project's documents (or one of them) in id order; reports (done, total) after each.</summary>
    public async IAsyncEnumerable<ExportDocument> DocumentsAsync(string projectId, string? documentId, IProgress<(int Done, int Total)>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await DocumentIdsAsync(projectId, cancellationToken, documentId);
        var people = (await AnnotatorsAsync(projectId, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (await ReadAsync(ids[i], people, cancellationToken) is { } document)
            {
                yield return document;
            }

            progress?.Report((i + 1, ids.Count));
        }
    }

    private async Task<ExportDocument?> ReadAsync(string id, IReadOnlyDictionary<string, Annotator> people, CancellationToken ct)
    {
        if (await documents.GetAsync(id, null, ct) is not var (document, version))
        {
            return null;
        }

        // One query per document for every kind and annotator: a million annotations export in seconds.
        IReadOnlyList<AnnotationRow> rows;
        await using (var connection = await db.OpenAsync(ct))
        {
            rows = await AnnotationStore.LiveOfDocumentAsync(connection, null, id);
        }

        List<AnnotationRow> Of(string kind, bool gold) => rows.Where(r => r.Kind == kind && GoldLayer.Is(r.AnnotatorId) == gold).ToList();
        var (spans, labels, goldSpans, goldLabels) = (Of(Annotation.SpanKind, false), Of(Annotation.DocumentKind, false), Of(Annotation.SpanKind, true), Of(Annotation.DocumentKind, true));
        bool IsCurrent(AnnotationRow s) => s.IsOrphan == 0 && s.DocumentVersion == version.Version && s.StartOffset is not null && s.EndOffset is not null;

        var current = spans.Where(IsCurrent).OrderBy(s => s.StartOffset).ThenBy(s => s.EndOffset).ThenBy(s => s.Layer, StringComparer.Ordinal)
            .ThenBy(s => s.AnnotatorId, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ExportSpan(s.Id, s.AnnotatorId, s.Layer, s.Label, (int)s.StartOffset!.Value, (int)s.EndOffset!.Value, s.Quote,
                Json(s.AttributesJson), AttributionOf(s), s.Note))
            .ToList();
        var orphans = spans.Concat(goldSpans).Where(s => !IsCurrent(s)).OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ExportOrphan(s.Id, s.AnnotatorId, s.Layer, s.Label, (int)s.DocumentVersion, s.Quote)).ToList();
        var documentLabels = labels.OrderBy(l => l.Layer, StringComparer.Ordinal).ThenBy(l => l.AnnotatorId, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)
            .Select(l => new ExportLabel(l.Id, l.AnnotatorId, l.Layer, l.Label, Json(l.AttributesJson), l.Note)).ToList();
        var annotatorIds = spans.Select(s => s.AnnotatorId).Concat(labels.Select(l => l.AnnotatorId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var names = spans.Concat(labels).GroupBy(a => a.AnnotatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().AnnotatorName, StringComparer.Ordinal);
        var empty = new Dictionary<string, string>(StringComparer.Ordinal);
        var exportAnnotators = annotatorIds.Select(a => new ExportAnnotator(a, names[a],
            new SortedDictionary<string, string>((people.GetValueOrDefault(a)?.Attributes ?? empty).ToDictionary(), StringComparer.Ordinal))).ToList();
        return new ExportDocument(document.Id, document.ProjectId, document.Collection, document.Path, document.Title, (int)version.Version,
            JsonElement.Parse(document.MetadataJson), "utf16", version.Text, exportAnnotators, current, documentLabels,
            SoftLabels(current, annotatorIds), orphans, Gold(goldSpans.Where(IsCurrent), goldLabels) with { Relations = Relations(Of(Annotation.RelationKind, true)) },
            Relations(Of(Annotation.RelationKind, false)));
    }

    private static List<ExportRelation> Relations(IEnumerable<AnnotationRow> rows) => rows
        .OrderBy(r => r.AnnotatorId, StringComparer.Ordinal).ThenBy(r => r.Label, StringComparer.Ordinal).ThenBy(r => r.SourceId, StringComparer.Ordinal)
        .ThenBy(r => r.TargetId, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
        .Select(r => new ExportRelation(r.Id, r.AnnotatorId, r.Label, r.SourceId!, r.TargetId!, Json(r.AttributesJson), r.Note))
        .ToList();

    private static ExportGold Gold(IEnumerable<AnnotationRow> spans, IEnumerable<AnnotationRow> labels)
    {
        static Provenance? ProvenanceOf(AnnotationRow row) =>
            row.ProvenanceJson is null ? null : JsonSerializer.Deserialize<Provenance>(row.ProvenanceJson, JsonSerializerOptions.Web);

        var goldSpans = spans
            .OrderBy(s => s.StartOffset).ThenBy(s => s.EndOffset).ThenBy(s => s.Layer, StringComparer.Ordinal).ThenBy(s => s.Label, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ExportGoldSpan(s.Id, s.Layer, s.Label, (int)s.StartOffset!.Value, (int)s.EndOffset!.Value, s.Quote,
                Json(s.AttributesJson), AttributionOf(s), s.Note, ProvenanceOf(s)))
            .ToList();
        var goldLabels = labels
            .OrderBy(l => l.Layer, StringComparer.Ordinal).ThenBy(l => l.Label, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)
            .Select(l => new ExportGoldLabel(l.Id, l.Layer, l.Label, Json(l.AttributesJson), l.Note, ProvenanceOf(l)))
            .ToList();
        return new ExportGold(goldSpans, goldLabels);
    }

    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

    /// <summary>The actor only, as every row written since schema step 0022 stores it (older rows may add "span": null).</summary>
    private static JsonElement? AttributionOf(AnnotationRow row) => AttributionText.Canonical(row.AttributionJson) is { } json ? JsonElement.Parse(json) : null;

    // Most annotations have no attributes: one shared empty object instead of a parsed document each.
    private static JsonElement Json(string json) => json == "{}" ? EmptyObject : JsonElement.Parse(json);

    /// <summary>Per stretch (layer, start, end) someone marked: each annotator's vote, split over their labels there, or "none".</summary>
    internal static List<SoftLabel> SoftLabels(IReadOnlyList<ExportSpan> spans, IReadOnlyList<string> annotators)
    {
        var result = new List<SoftLabel>();
        foreach (var stretch in spans.GroupBy(s => (s.Layer, s.Start, s.End)).OrderBy(g => g.Key.Start).ThenBy(g => g.Key.End).ThenBy(g => g.Key.Layer, StringComparer.Ordinal))
        {
            var votes = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var annotator in annotators)
            {
                var theirs = stretch.Where(s => s.Annotator == annotator).Select(s => s.Label).Distinct(StringComparer.Ordinal).ToList();
                foreach (var label in theirs.Count == 0 ? ["none"] : theirs)
                    votes[label] = votes.GetValueOrDefault(label) + (1.0 / Math.Max(1, theirs.Count) / annotators.Count);
            }

            result.Add(new SoftLabel(stretch.Key.Layer, stretch.Key.Start, stretch.Key.End, annotators.Count, votes));
        }

        return result;
    }
}
