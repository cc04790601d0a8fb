using System.Text.Json;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>
/// `webanno`: the W3C Web Annotation Data Model (JSON-LD), one AnnotationCollection whose single page holds every
/// annotation. The Recommendation counts TextPositionSelector start/end in Unicode code points, not code units, so
/// Annotate's UTF-16 offsets are converted; a TextQuoteSelector (exact, prefix, suffix) goes with each, as the spec
/// recommends against position-only targets. Streamed with one Utf8JsonWriter: "total" is written after the page,
/// once known (JSON-LD has no property order), so memory stays constant.
/// </summary>
internal sealed class WebAnnotationExport : IExportFormat
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";

    /// <summary>Code points of context in a TextQuoteSelector's prefix and suffix.</summary>
    public const int QuoteContext = 32;

    private const int FlushAt = 1 << 16;

    public string Name => "webanno";

    public string Description => "W3C Web Annotation JSON-LD: an AnnotationCollection of every annotator's and the gold layer's annotations, TextPositionSelector in Unicode code points plus TextQuoteSelector";

    public static string FileName(string projectId) => $"{projectId}.jsonld";

    public static string DocumentUri(string documentId) => $"urn:annotate:document:{documentId}";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        await using var output = await sink.CreateAsync(FileName(context.ProjectId), cancellationToken);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JsonlExport.Json.Encoder, Indented = true });
        var collection = $"urn:annotate:project:{context.ProjectId}:annotations";
        json.WriteStartObject();
        json.WriteString("@context", Context);
        json.WriteString("id", collection);
        json.WriteString("type", "AnnotationCollection");
        json.WriteString("label", $"Annotations of project {context.ProjectId}, every annotator's and the gold layer");
        json.WriteStartObject("first");
        json.WriteString("id", collection + ":page1");
        json.WriteString("type", "AnnotationPage");
        json.WriteNumber("startIndex", 0);
        json.WriteStartArray("items");
        var total = 0;
        await foreach (var document in context.DocumentsAsync(cancellationToken))
        {
            var annotations = new WebAnnotationWriter(json, document);
            var names = document.Annotators.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            foreach (var span in document.Spans)
                annotations.Span(span, new WebAnnotationWriter.Creator(span.Annotator, names[span.Annotator]), null);
            foreach (var label in document.DocumentLabels)
                annotations.Label(label.Id, label.Layer, label.Label, label.Note, label.Attributes, new WebAnnotationWriter.Creator(label.Annotator, names[label.Annotator]), null);
            foreach (var gold in document.Gold.Spans)
                annotations.Span(new ExportSpan(gold.Id, GoldLayer.AnnotatorId, gold.Layer, gold.Label, gold.Start, gold.End, gold.Quote, gold.Attributes, gold.Attribution, gold.Note),
                    WebAnnotationWriter.Creator.Of(gold.Provenance), gold.Provenance);
            foreach (var gold in document.Gold.DocumentLabels)
                annotations.Label(gold.Id, gold.Layer, gold.Label, gold.Note, gold.Attributes, WebAnnotationWriter.Creator.Of(gold.Provenance), gold.Provenance);
            foreach (var relation in document.Relations ?? [])
                annotations.Relation(relation, new WebAnnotationWriter.Creator(relation.Annotator, names[relation.Annotator]));
            foreach (var relation in document.Gold.Relations ?? [])
                annotations.Relation(relation, new WebAnnotationWriter.Creator(GoldLayer.AnnotatorId, GoldLayer.Name));
            total += document.Spans.Count + document.DocumentLabels.Count + document.Gold.Spans.Count + document.Gold.DocumentLabels.Count
                + document.AllRelations().Count();
            if (json.BytesPending > FlushAt)
                await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("total", total);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
