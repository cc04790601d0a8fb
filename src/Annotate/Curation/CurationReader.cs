using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;

namespace Annotate.Curation;

/// <summary>Someone whose work is being curated.</summary>
public sealed record CurationAnnotator(string Id, string Name);

/// <summary>
/// What a curator sees of a document: every annotator's current spans and labels, the gold layer with provenance,
/// rejections, and the clusters and label layers with their disagreements classified.
/// </summary>
public sealed record CurationView(
    string DocumentId, int Version, IReadOnlyList<CurationAnnotator> Annotators,
    IReadOnlyList<Annotation> Spans, IReadOnlyList<Annotation> Labels,
    IReadOnlyList<Annotation> Gold, IReadOnlyList<Annotation> GoldLabels, IReadOnlyList<Annotation> Rejections,
    IReadOnlyList<SpanCluster> Clusters, IReadOnlyList<LabelDecision> LabelLayers);

/// <summary>Builds a document's <see cref="CurationView"/> from the database.</summary>
internal sealed class CurationReader(AnnotationStore store, DocumentStore documents, CodebookStore codebooks)
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
        async Task<List<Annotation>> ListAsync(string kind, string? annotator) =>
            (await store.ListAsync(documentId, kind, annotator, null, ct)).Select(r => r.ToAnnotation(labelExists) with { Prefix = null, Suffix = null }).ToList();
        // Clusters are over the current text: orphans and spans still on an older version are left to the review list.
        static bool Current(Annotation a, int version) => a.Status != Annotation.Orphan && a.DocumentVersion == version;

        var spans = (await ListAsync(Annotation.SpanKind, null)).Where(a => Current(a, version)).ToList();
        var labels = await ListAsync(Annotation.DocumentKind, null);
        var gold = (await ListAsync(Annotation.SpanKind, GoldLayer.AnnotatorId)).Where(a => Current(a, version)).ToList();
        var goldLabels = await ListAsync(Annotation.DocumentKind, GoldLayer.AnnotatorId);
        var rejections = (await ListAsync(Annotation.RejectedKind, GoldLayer.AnnotatorId)).Where(a => Current(a, version)).ToList();
        var annotators = spans.Concat(labels).GroupBy(a => a.AnnotatorId, StringComparer.Ordinal)
            .Select(g => new CurationAnnotator(g.Key, g.First().AnnotatorName)).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var ids = annotators.Select(a => a.Id).ToList();
        return new CurationView(documentId, version, annotators, spans, labels, gold, goldLabels, rejections,
            CurationClusters.Spans(spans, ids, gold, rejections), CurationClusters.Labels(labels, ids, goldLabels));
    }
}
