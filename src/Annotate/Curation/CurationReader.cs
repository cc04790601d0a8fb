using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Relations;

namespace Annotate.Curation;

/// <summary>Someone whose work is being curated.</summary>
public sealed record CurationAnnotator(string Id, string Name);

/// <summary>
/// What a curator sees of a document: every annotator's current spans and labels, the gold layer with provenance,
/// rejections, and the clusters and label layers with their disagreements classified; then the same for relations:
/// annotators' relations (between spans of the clusters), the gold layer's, rejections of relations, and relation clusters.
/// </summary>
public sealed record CurationView(
    string DocumentId, int Version, IReadOnlyList<CurationAnnotator> Annotators,
    IReadOnlyList<Annotation> Spans, IReadOnlyList<Annotation> Labels,
    IReadOnlyList<Annotation> Gold, IReadOnlyList<Annotation> GoldLabels, IReadOnlyList<Annotation> Rejections,
    IReadOnlyList<SpanCluster> Clusters, IReadOnlyList<LabelDecision> LabelLayers,
    IReadOnlyList<Relation> Relations, IReadOnlyList<Relation> GoldRelations, IReadOnlyList<Annotation> RelationRejections,
    IReadOnlyList<RelationCluster> RelationClusters);

/// <summary>Builds a document's <see cref="CurationView"/> from the database.</summary>
internal sealed class CurationReader(Db db, DocumentStore documents, CodebookStore codebooks)
{
    public async Task<CurationView?> ReadAsync(string documentId, CancellationToken ct)
    {
        if (!DocumentIds.IsWellFormed(documentId) || await documents.HeadAsync(documentId, ct) is not { } document)
        {
            return null;
        }

        var codebook = await codebooks.ForCollectionAsync(document.Collection, ct);
        var labelExists = codebook is null ? (_, _) => false : WriteContext.LabelExists(codebook.Codebook);
        var version = (int)document.CurrentVersion;
        // One query for every kind and layer: each curator's page reads this again after every change.
        IReadOnlyList<AnnotationRow> rows;
        await using (var connection = await db.OpenAsync(ct))
        {
            rows = await AnnotationStore.LiveOfDocumentAsync(connection, null, documentId);
        }

        // In the annotations list's order: start, longest first, id.
        var live = rows.OrderBy(r => r.StartOffset).ThenByDescending(r => r.EndOffset).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => r.ToAnnotation(labelExists) with { Prefix = null, Suffix = null }).ToList();
        List<Annotation> Of(string kind, bool gold) => live.Where(a => a.Kind == kind && GoldLayer.Is(a.AnnotatorId) == gold).ToList();
        // Clusters are over the current text: orphans and spans still on an older version are left to the review list.
        static bool Current(Annotation a, int version) => a.Status != Annotation.Orphan && a.DocumentVersion == version;

        var spans = Of(Annotation.SpanKind, false).Where(a => Current(a, version)).ToList();
        var labels = Of(Annotation.DocumentKind, false);
        var gold = Of(Annotation.SpanKind, true).Where(a => Current(a, version)).ToList();
        var goldLabels = Of(Annotation.DocumentKind, true);
        var rejections = Of(Annotation.RejectedKind, true).Where(a => Current(a, version)).ToList();
        var annotators = spans.Concat(labels).GroupBy(a => a.AnnotatorId, StringComparer.Ordinal)
            .Select(g => new CurationAnnotator(g.Key, g.First().AnnotatorName)).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var ids = annotators.Select(a => a.Id).ToList();
        var clusters = CurationClusters.Spans(spans, ids, gold, rejections);
        // A relation is shown while both its ends are spans of the current text (the clusters' spans and the gold's).
        var inClusters = spans.Concat(gold).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        bool Placed(Annotation r) => r.Source is { } s && r.Target is { } t && inClusters.Contains(s) && inClusters.Contains(t);
        var relations = Of(Annotation.RelationKind, false).Where(Placed).ToList();
        var goldRelations = Of(Annotation.RelationKind, true).Where(Placed).ToList();
        var relationRejections = Of(Annotation.RejectedRelationKind, true);
        var directed = (codebook?.Codebook.Relations ?? []).ToDictionary(r => r.Id, r => r.Directed, StringComparer.Ordinal);
        var relationClusters = RelationClusters.Build(relations, spans, clusters, ids, gold, goldRelations, relationRejections,
            type => directed.GetValueOrDefault(type, true));
        return new CurationView(documentId, version, annotators, spans, labels, gold, goldLabels, rejections,
            clusters, CurationClusters.Labels(labels, ids, goldLabels),
            [.. relations.Select(Relation.From)], [.. goldRelations.Select(Relation.From)], relationRejections, relationClusters);
    }
}
