using System.Text.Json;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>
/// Writes one document's annotations as W3C Web Annotations: the label as a "tagging" body, the codebook layer as a
/// "classifying" body, a note as "commenting", span attributes as a "describing" JSON body; the target is the
/// document (urn:annotate:document:ID) with a TextPositionSelector (code points) and a TextQuoteSelector. Gold
/// annotations carry a "provenance" object, which is not in the anno.jsonld context: JSON readers see it, JSON-LD
/// expansion drops it.
/// </summary>
internal sealed class WebAnnotationWriter(Utf8JsonWriter json, ExportDocument document)
{
    /// <summary>Who made an annotation: the annotator, or for the gold layer the curator who adjudicated it.</summary>
    public sealed record Creator(string Id, string Name)
    {
        public static Creator Of(Provenance? provenance) =>
            provenance is null ? new Creator(GoldLayer.AnnotatorId, GoldLayer.Name) : new Creator(provenance.CuratorId, provenance.CuratorName);
    }

    private readonly IReadOnlyDictionary<int, int> points =
        CodePoints.FromUtf16(document.Text, document.Spans.Concat(document.GoldAsSpans()).SelectMany(s => new[] { s.Start, s.End }));

    public static string AnnotationUri(string id) => Guid.TryParse(id, out var guid) ? $"urn:uuid:{guid:D}" : $"urn:annotate:annotation:{id}";

    public static string PersonUri(string userId) => $"urn:annotate:user:{userId}";

    public void Span(ExportSpan span, Creator creator, Provenance? provenance)
    {
        Begin(span.Id, creator);
        Bodies(span.Layer, span.Label, span.Note, span.Attributes);
        json.WriteStartObject("target");
        json.WriteString("source", WebAnnotationExport.DocumentUri(document.Id));
        json.WriteStartArray("selector");
        json.WriteStartObject();
        json.WriteString("type", "TextPositionSelector");
        json.WriteNumber("start", points[span.Start]);
        json.WriteNumber("end", points[span.End]);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "TextQuoteSelector");
        json.WriteString("exact", document.Text[span.Start..span.End]);
        json.WriteString("prefix", document.Text[Back(document.Text, span.Start)..span.Start]);
        json.WriteString("suffix", document.Text[span.End..Forward(document.Text, span.End)]);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        End(provenance);
    }

    public void Label(string id, string layer, string label, string? note, JsonElement attributes, Creator creator, Provenance? provenance)
    {
        Begin(id, creator);
        Bodies(layer, label, note, attributes);
        json.WriteStartObject("target");
        json.WriteString("source", WebAnnotationExport.DocumentUri(document.Id));
        json.WriteEndObject();
        End(provenance);
    }

    /// <summary>
    /// A relation: motivation "linking", its type as the "tagging" body ("classifying": relation), and two targets,
    /// the source span's annotation and then the target span's.
    /// </summary>
    public void Relation(ExportRelation relation, Creator creator)
    {
        Begin(relation.Id, creator, "linking");
        Bodies("relation", relation.Type, relation.Note, relation.Attributes);
        json.WriteStartArray("target");
        json.WriteStringValue(AnnotationUri(relation.Source));
        json.WriteStringValue(AnnotationUri(relation.Target));
        json.WriteEndArray();
        End(null);
    }

    private void Begin(string id, Creator creator, string motivation = "tagging")
    {
        json.WriteStartObject();
        json.WriteString("id", AnnotationUri(id));
        json.WriteString("type", "Annotation");
        json.WriteString("motivation", motivation);
        json.WriteStartObject("creator");
        json.WriteString("id", PersonUri(creator.Id));
        json.WriteString("type", "Person");
        json.WriteString("name", creator.Name);
        json.WriteEndObject();
    }

    private void Bodies(string layer, string label, string? note, JsonElement attributes)
    {
        json.WriteStartArray("body");
        Body("tagging", label, null);
        Body("classifying", layer, null);
        if (!string.IsNullOrEmpty(note))
            Body("commenting", note, null);
        if (attributes.ValueKind == JsonValueKind.Object && attributes.EnumerateObject().Any())
            Body("describing", attributes.GetRawText(), "application/json");
        json.WriteEndArray();
    }

    private void Body(string purpose, string value, string? format)
    {
        json.WriteStartObject();
        json.WriteString("type", "TextualBody");
        json.WriteString("purpose", purpose);
        json.WriteString("value", value);
        if (format is not null)
            json.WriteString("format", format);
        json.WriteEndObject();
    }

    private void End(Provenance? provenance)
    {
        if (provenance is not null)
        {
            json.WriteStartObject("provenance");
            json.WriteString("action", provenance.Action);
            json.WriteStartArray("sources");
            foreach (var source in provenance.Sources)
                json.WriteStringValue(AnnotationUri(source.Id));
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Where a prefix of <see cref="WebAnnotationExport.QuoteContext"/> code points begins (never inside a pair).</summary>
    private static int Back(string text, int from)
    {
        for (var n = 0; n < WebAnnotationExport.QuoteContext && from > 0; n++)
            from -= from >= 2 && char.IsSurrogatePair(text[from - 2], text[from - 1]) ? 2 : 1;
        return from;
    }

    private static int Forward(string text, int from)
    {
        for (var n = 0; n < WebAnnotationExport.QuoteContext && from < text.Length; n++)
            from += char.IsSurrogatePair(text, from) ? 2 : 1;
        return from;
    }
}
