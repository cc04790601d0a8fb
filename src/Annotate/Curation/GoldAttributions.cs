using System.Data;
using System.Text.Json;
using Annotate.Annotations;

namespace Annotate.Curation;

/// <summary>
/// Keeps the gold layer's attributions inside the gold layer. An annotator's claim attributed to their own source
/// span becomes, once both are accepted, a gold claim attributed to the gold copy of that source — whichever of the
/// two was accepted first — so the gold layer (and brat's gold file) carries the relation on its own.
/// </summary>
internal static class GoldAttributions
{
    /// <summary>The gold span taken from this annotator's span, if one has been; null otherwise.</summary>
    public static async Task<string?> GoldCopyOfAsync(IDbConnection connection, string documentId, string spanId) =>
        (await GoldSpansAsync(connection, documentId)).FirstOrDefault(g => SourcesOf(g).Contains(spanId))?.Id;

    /// <summary>Gold spans attributed to one of these annotators' spans: they should point at the new gold copy instead.</summary>
    public static async Task<IReadOnlyList<AnnotationRow>> PointingAtAsync(IDbConnection connection, string documentId, IReadOnlyCollection<string> spanIds) =>
        (await GoldSpansAsync(connection, documentId)).Where(g => TargetOf(g) is { } target && spanIds.Contains(target)).ToList();

    private static async Task<IEnumerable<AnnotationRow>> GoldSpansAsync(IDbConnection connection, string documentId) =>
        (await AnnotationStore.LiveOfDocumentAsync(connection, null, documentId)).Where(a => GoldLayer.Is(a.AnnotatorId) && a.Kind == Annotation.SpanKind);

    private static HashSet<string> SourcesOf(AnnotationRow gold) =>
        gold.ProvenanceJson is { } json
            ? JsonSerializer.Deserialize<Provenance>(json, JsonSerializerOptions.Web)!.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal)
            : [];

    private static string? TargetOf(AnnotationRow gold) =>
        gold.AttributionJson is { } json ? JsonSerializer.Deserialize<Attribution>(json, JsonSerializerOptions.Web)?.Span : null;
}
