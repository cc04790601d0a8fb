using System.Text.Json;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>A person who annotated a document, with their perspective attributes.</summary>
public sealed record ExportAnnotator(string Id, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A span as exported: UTF-16 offsets into the document's text (the version the document carries).</summary>
public sealed record ExportSpan(string Id, string Annotator, string Layer, string Label, int Start, int End, string? Quote,
    JsonElement Attributes, JsonElement? Attribution, string? Note);

/// <summary>A document label as exported.</summary>
public sealed record ExportLabel(string Id, string Annotator, string Layer, string Label, JsonElement Attributes, string? Note);

/// <summary>A span whose text changed under it and whose quote was not found again: kept, never dropped silently.</summary>
public sealed record ExportOrphan(string Id, string Annotator, string Layer, string Label, int DocumentVersion, string? Quote);

/// <summary>A gold span: the curated annotation and where it came from.</summary>
public sealed record ExportGoldSpan(string Id, string Layer, string Label, int Start, int End, string? Quote,
    JsonElement Attributes, JsonElement? Attribution, string? Note, Provenance? Provenance);

/// <summary>A gold document label and where it came from.</summary>
public sealed record ExportGoldLabel(string Id, string Layer, string Label, JsonElement Attributes, string? Note, Provenance? Provenance);

/// <summary>
/// A relation as exported: its type and the ids of its two spans (an annotator's spans, or gold spans when the
/// annotator is "gold"; either may be an orphan's id).
/// </summary>
public sealed record ExportRelation(string Id, string Annotator, string Type, string Source, string Target, JsonElement Attributes, string? Note);

/// <summary>The curated layer of a document (empty lists when nobody curated it).</summary>
public sealed record ExportGold(IReadOnlyList<ExportGoldSpan> Spans, IReadOnlyList<ExportGoldLabel> DocumentLabels, IReadOnlyList<ExportRelation>? Relations = null);

/// <summary>
/// A soft label: for one stretch someone marked in a layer, how the document's annotators labelled exactly that
/// stretch — each annotator's vote split over their labels there, "none" for those who did not mark it.
/// </summary>
public sealed record SoftLabel(string Layer, int Start, int End, int Annotators, IReadOnlyDictionary<string, double> Distribution);

/// <summary>
/// A document with every annotator's perspective and the gold layer: what every export format is made from, one
/// document at a time. Annotators, spans, labels, soft labels and relations never include the gold layer, which is apart.
/// </summary>
public sealed record ExportDocument(
    string Id, string ProjectId, string Collection, string Path, string Title, int Version, JsonElement Metadata,
    string Offsets, string Text, IReadOnlyList<ExportAnnotator> Annotators, IReadOnlyList<ExportSpan> Spans,
    IReadOnlyList<ExportLabel> DocumentLabels, IReadOnlyList<SoftLabel> SoftLabels, IReadOnlyList<ExportOrphan> Orphans,
    ExportGold Gold, IReadOnlyList<ExportRelation>? Relations = null)
{
    /// <summary>The relations of one annotator, or of the gold layer for "gold".</summary>
    public IEnumerable<ExportRelation> RelationsOf(string annotatorOrGold) =>
        GoldLayer.Is(annotatorOrGold) ? Gold.Relations ?? [] : (Relations ?? []).Where(r => r.Annotator == annotatorOrGold);

    /// <summary>Every relation, the annotators' and then the gold layer's.</summary>
    public IEnumerable<ExportRelation> AllRelations() => (Relations ?? []).Concat(Gold.Relations ?? []);

    /// <summary>The gold spans in the shape of an annotator's (annotator id "gold"), for formats that treat layers alike.</summary>
    public IEnumerable<ExportSpan> GoldAsSpans() => Gold.Spans.Select(g =>
        new ExportSpan(g.Id, GoldLayer.AnnotatorId, g.Layer, g.Label, g.Start, g.End, g.Quote, g.Attributes, g.Attribution, g.Note));

    /// <summary>The spans of one annotator, or of the gold layer for "gold".</summary>
    public IEnumerable<ExportSpan> SpansOf(string annotatorOrGold) =>
        GoldLayer.Is(annotatorOrGold) ? GoldAsSpans() : Spans.Where(s => s.Annotator == annotatorOrGold);
}
