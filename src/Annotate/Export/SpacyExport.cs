using System.Text.Json;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>
/// `spacy`: one JSON line per document, ready for spaCy's `doc.char_span(start, end, label=…)` — so offsets are
/// Unicode code points, as Python's str counts them (Annotate's own are UTF-16 units; they differ after every emoji
/// or 𝔸). Spans are grouped by annotator (and "gold") so each perspective can go into its own `doc.spans[key]`.
/// </summary>
internal sealed class SpacyExport : IExportFormat
{
    public string Name => "spacy";

    public string Description => "one JSON line per document for spaCy's doc.char_span: text, spans per annotator and gold as [start, end, label, layer] (Unicode code point offsets)";

    public static string FileName(string projectId) => $"{projectId}.spacy.jsonl";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        await using var output = await sink.CreateAsync(FileName(context.ProjectId), cancellationToken);
        var options = new JsonWriterOptions { Encoder = JsonlExport.Json.Encoder, Indented = false };
        var newline = "\n"u8.ToArray();
        await foreach (var document in context.DocumentsAsync(cancellationToken))
        {
            // One writer per line: a line is one document, so memory stays that of the largest document.
            await using (var json = new Utf8JsonWriter(output, options))
            {
                Write(json, document);
            }

            await output.WriteAsync(newline, cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    private static void Write(Utf8JsonWriter json, ExportDocument document)
    {
        var points = CodePoints.FromUtf16(document.Text, document.Spans.Concat(document.GoldAsSpans()).SelectMany(s => new[] { s.Start, s.End }));
        var keys = document.Annotators.Select(a => a.Id).Append(GoldLayer.AnnotatorId).ToList();
        json.WriteStartObject();
        json.WriteString("id", document.Id);
        json.WriteString("text", document.Text);
        json.WriteString("offsets", "codepoints");
        json.WriteStartObject("spans");
        foreach (var key in keys)
        {
            json.WriteStartArray(key);
            foreach (var span in document.SpansOf(key))
            {
                json.WriteStartArray();
                json.WriteNumberValue(points[span.Start]);
                json.WriteNumberValue(points[span.End]);
                json.WriteStringValue(span.Label);
                json.WriteStringValue(span.Layer);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartObject("documentLabels");
        foreach (var key in keys)
        {
            json.WriteStartArray(key);
            var labels = GoldLayer.Is(key)
                ? document.Gold.DocumentLabels.Select(l => (l.Label, l.Layer))
                : document.DocumentLabels.Where(l => l.Annotator == key).Select(l => (l.Label, l.Layer));
            foreach (var (label, layer) in labels)
            {
                json.WriteStartArray();
                json.WriteStringValue(label);
                json.WriteStringValue(layer);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartObject("annotators");
        foreach (var annotator in document.Annotators)
        {
            json.WriteStartObject(annotator.Id);
            json.WriteString("name", annotator.Name);
            json.WriteStartObject("attributes");
            foreach (var (name, value) in annotator.Attributes)
                json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("meta");
        json.WriteString("collection", document.Collection);
        json.WriteString("path", document.Path);
        json.WriteString("title", document.Title);
        json.WriteNumber("version", document.Version);
        json.WriteNumber("orphans", document.Orphans.Count);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
