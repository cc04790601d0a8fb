using System.Globalization;
using System.Text;
using System.Text.Json;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>
/// One document's .ann for one annotator (or the gold layer). Spans become text-bound annotations (T) with
/// code-point offsets and one fragment per line; attributes become A lines, an attribution (to an actor of the
/// codebook) the attribute "Actor"; notes, Annotate's id and gold provenance are # lines.
/// brat has no document-level annotations: a document label is a T annotation of its document-scope type on the
/// document's first line (the title), which the importer recognises by the layer's scope, not by its place.
/// Relations are R lines of their type (escaped like layer ids), with their attributes, note and id like a span's;
/// one whose end is not written here (an orphaned span) is left out.
/// </summary>
internal static class BratAnn
{
    public static string Write(ExportDocument document, IReadOnlyList<ExportSpan> spans, IReadOnlyList<ExportLabel> labels,
        IReadOnlyDictionary<string, Provenance?> provenance, IEnumerable<ExportRelation>? relationsOfLayer = null)
    {
        var offsets = new BratOffsets(document.Text);
        var tIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var (lines, attributes, notes) = (new StringBuilder(), 0, 0);
        void Describe(string id, string t, JsonElement attrs, string? actor, string? note)
        {
            lines.Append(CultureInfo.InvariantCulture, $"#{++notes}\t{BratNames.IdType} {t}\t{id}\n");
            foreach (var attribute in attrs.EnumerateObject())
                lines.Append(CultureInfo.InvariantCulture, $"A{++attributes}\t{BratNames.Escape(attribute.Name)} {t} {Value(attribute.Value)}\n");
            if (actor is not null)
                lines.Append(CultureInfo.InvariantCulture, $"A{++attributes}\t{BratNames.ActorAttribute} {t} {BratNames.Value(actor)}\n");
            if (note is not null)
                lines.Append(CultureInfo.InvariantCulture, $"#{++notes}\t{BratNames.NoteType} {t}\t{BratNames.Note(note)}\n");
            if (provenance.GetValueOrDefault(id) is { } origin)
                lines.Append(CultureInfo.InvariantCulture, $"#{++notes}\t{BratNames.ProvenanceType} {t}\t{JsonSerializer.Serialize(origin, JsonlExport.Json)}\n");
        }

        foreach (var span in spans)
        {
            var t = tIds[span.Id] = $"T{tIds.Count + 1}";
            var fragments = BratOffsets.Fragments(document.Text, span.Start, span.End);
            var where = string.Join(';', fragments.Select(f => $"{offsets.ToCodePoints(f.Start)} {offsets.ToCodePoints(f.End)}"));
            lines.Append(CultureInfo.InvariantCulture, $"{t}\t{BratNames.Type(span.Layer, span.Label)} {where}\t{BratOffsets.Quote(document.Text, fragments)}\n");
            Describe(span.Id, t, span.Attributes, Actor(span.Attribution), span.Note);
        }

        var (titleStart, titleEnd) = FirstLine(document.Text);
        foreach (var label in labels)
        {
            var t = tIds[label.Id] = $"T{tIds.Count + 1}";
            var where = $"{offsets.ToCodePoints(titleStart)} {offsets.ToCodePoints(titleEnd)}";
            lines.Append(CultureInfo.InvariantCulture, $"{t}\t{BratNames.Type(label.Layer, label.Label)} {where}\t{document.Text[titleStart..titleEnd]}\n");
            Describe(label.Id, t, label.Attributes, null, label.Note);
        }

        var relations = 0;
        foreach (var relation in relationsOfLayer ?? [])
        {
            if (tIds.TryGetValue(relation.Source, out var source) && tIds.TryGetValue(relation.Target, out var target))
            {
                var r = $"R{++relations}";
                lines.Append(CultureInfo.InvariantCulture, $"{r}\t{BratNames.Escape(relation.Type)} Arg1:{source} Arg2:{target}\t\n");
                Describe(relation.Id, r, relation.Attributes, null, relation.Note);
            }
        }

        return lines.ToString();
    }

    /// <summary>Where document labels are anchored: the first line of the text without its surrounding white space.</summary>
    public static (int Start, int End) FirstLine(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
            start++;
        var end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return (start, end);
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => BratNames.Value(value.GetString()!),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => BratNames.Value(value.GetRawText()),
    };

    private static string? Actor(JsonElement? attribution) =>
        attribution is { ValueKind: JsonValueKind.Object } a && a.TryGetProperty("actor", out var actor) && actor.ValueKind == JsonValueKind.String ? actor.GetString() : null;
}
