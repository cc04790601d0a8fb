using System.Globalization;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>
/// `csv`: one row per annotation (every annotator's spans and document labels, then the gold layer's) for
/// spreadsheets, R and pandas (encoding and quoting: <see cref="CsvFile"/>). Offsets in UTF-16 units (start, end)
/// and in code points (start_cp, end_cp: what R's substr and Python's slicing count).
/// </summary>
internal sealed class CsvExport : IExportFormat
{
    private static readonly string[] Leading = ["document", "collection", "annotation_id", "annotator_id", "annotator_name"];

    private static readonly string[] Trailing = ["kind", "layer", "label", "start", "end", "start_cp", "end_cp", "quote", "note",
        "attributes", "attribution", "provenance_action", "provenance_curator", "provenance_sources"];

    public string Name => "csv";

    public string Description => "one CSV row per annotation (spans, document labels, gold), annotator attributes as attr_ columns, UTF-16 and code point offsets, UTF-8 with BOM";

    public static string FileName(string projectId) => $"{projectId}.csv";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        // Relations go to a file of their own, written after this one (an export sink holds one file open at a time).
        var relations = new List<string?[]>();
        await using (var file = await CsvFile.CreateAsync(sink, FileName(context.ProjectId), context.Options.SpreadsheetSafe, cancellationToken))
        {
            await WriteAnnotationsAsync(context, file, relations, cancellationToken);
        }

        if (relations.Count > 0)
        {
            await using var file = await CsvFile.CreateAsync(sink, RelationsFileName(context.ProjectId), context.Options.SpreadsheetSafe, cancellationToken);
            foreach (var row in relations.Prepend(RelationColumns))
            {
                foreach (var field in row)
                    file.Field(field);
                await file.Csv.NextRecordAsync();
            }
        }
    }

    public static string RelationsFileName(string projectId) => $"{projectId}.relations.csv";

    private static readonly string?[] RelationColumns = ["document", "collection", "relation_id", "annotator_id", "annotator_name", "type",
        "source_id", "source_layer", "source_label", "source_quote", "target_id", "target_layer", "target_label", "target_quote", "note", "attributes"];

    /// <summary>One row per relation, with both ends' layer, label and quote (empty for an end that is not a current span).</summary>
    private static IEnumerable<string?[]> RelationRows(ExportDocument document)
    {
        var spans = document.Spans.Concat(document.GoldAsSpans()).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var names = document.Annotators.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        names[GoldLayer.AnnotatorId] = GoldLayer.Name;
        foreach (var r in document.AllRelations())
        {
            var (from, to) = (spans.GetValueOrDefault(r.Source), spans.GetValueOrDefault(r.Target));
            yield return [document.Id, document.Collection, r.Id, r.Annotator, names.GetValueOrDefault(r.Annotator), r.Type,
                r.Source, from?.Layer, from?.Label, from is null ? null : document.Text[from.Start..from.End],
                r.Target, to?.Layer, to?.Label, to is null ? null : document.Text[to.Start..to.End], r.Note, r.Attributes.GetRawText()];
        }
    }

    private static async Task WriteAnnotationsAsync(ExportContext context, CsvFile file, List<string?[]> relations, CancellationToken cancellationToken)
    {
        var attributeNames = context.Annotators.SelectMany(a => a.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var people = context.Annotators.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var column in Leading.Concat(attributeNames.Select(a => "attr_" + a)).Concat(Trailing))
            file.Field(column);
        await file.Csv.NextRecordAsync();

        await foreach (var document in context.DocumentsAsync(cancellationToken))
        {
            relations.AddRange(RelationRows(document));
            var points = CodePoints.FromUtf16(document.Text, document.Spans.Concat(document.GoldAsSpans()).SelectMany(s => new[] { s.Start, s.End }));
            void Row(string id, string annotatorId, string annotatorName, string kind, string layer, string label, ExportSpan? span, string? note,
                JsonElement attributes, JsonElement? attribution, Provenance? provenance)
            {
                file.Field(document.Id);
                file.Field(document.Collection);
                file.Field(id);
                file.Field(annotatorId);
                file.Field(annotatorName);
                var theirs = people.GetValueOrDefault(annotatorId)?.Attributes;
                foreach (var name in attributeNames)
                    file.Field(theirs?.GetValueOrDefault(name));
                file.Field(kind);
                file.Field(layer);
                file.Field(label);
                file.Field(span?.Start.ToString(CultureInfo.InvariantCulture));
                file.Field(span?.End.ToString(CultureInfo.InvariantCulture));
                file.Field(span is null ? null : points[span.Start].ToString(CultureInfo.InvariantCulture));
                file.Field(span is null ? null : points[span.End].ToString(CultureInfo.InvariantCulture));
                file.Field(span is null ? null : document.Text[span.Start..span.End]);
                file.Field(note);
                file.Field(attributes.GetRawText());
                file.Field(attribution?.GetRawText());
                file.Field(provenance?.Action);
                file.Field(provenance?.CuratorName);
                file.Field(provenance is null ? null : string.Join(';', provenance.Sources.Select(s => s.Id)));
            }

            var names = document.Annotators.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            foreach (var span in document.Spans)
            {
                Row(span.Id, span.Annotator, names[span.Annotator], Annotation.SpanKind, span.Layer, span.Label, span, span.Note, span.Attributes, span.Attribution, null);
                await file.Csv.NextRecordAsync();
            }

            foreach (var label in document.DocumentLabels)
            {
                Row(label.Id, label.Annotator, names[label.Annotator], Annotation.DocumentKind, label.Layer, label.Label, null, label.Note, label.Attributes, null, null);
                await file.Csv.NextRecordAsync();
            }

            foreach (var gold in document.Gold.Spans)
            {
                var span = new ExportSpan(gold.Id, GoldLayer.AnnotatorId, gold.Layer, gold.Label, gold.Start, gold.End, gold.Quote, gold.Attributes, gold.Attribution, gold.Note);
                Row(gold.Id, GoldLayer.AnnotatorId, GoldLayer.Name, Annotation.SpanKind, gold.Layer, gold.Label, span, gold.Note, gold.Attributes, gold.Attribution, gold.Provenance);
                await file.Csv.NextRecordAsync();
            }

            foreach (var gold in document.Gold.DocumentLabels)
            {
                Row(gold.Id, GoldLayer.AnnotatorId, GoldLayer.Name, Annotation.DocumentKind, gold.Layer, gold.Label, null, gold.Note, gold.Attributes, null, gold.Provenance);
                await file.Csv.NextRecordAsync();
            }
        }
    }
}
