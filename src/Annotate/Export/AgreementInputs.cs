using Annotate.Agreement;
using Annotate.AgreementReports;
using Annotate.Annotations;

namespace Annotate.Export;

/// <summary>
/// What the agreement report was computed from, in `annotate agreement`'s own input formats: spans-LAYER.csv
/// (doc,coder,start,end,label: UTF-16 offsets, for --spans) per span layer, ratings-LAYER.csv (unit,coder,value,
/// several labels of one person joined by '+', as the report counts them) per document-label layer.
/// </summary>
internal static class AgreementInputs
{
    public static async Task WriteAsync(AgreementSnapshot snapshot, IExportSink sink, bool spreadsheetSafe, CancellationToken cancellationToken)
    {
        foreach (var layer in snapshot.Annotations.Where(a => a.Kind == Annotation.SpanKind).GroupBy(a => a.Layer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await using var file = await CsvFile.CreateAsync(sink, $"spans-{layer.Key}.csv", spreadsheetSafe, cancellationToken);
            await file.RowAsync("doc", "coder", "start", "end", "label");
            foreach (var span in layer.Where(s => s.StartOffset is not null && s.EndOffset is not null)
                .OrderBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.AnnotatorId, StringComparer.Ordinal)
                .ThenBy(s => s.StartOffset).ThenBy(s => s.EndOffset).ThenBy(s => s.Label, StringComparer.Ordinal))
            {
                await file.RowAsync(span.DocumentId, span.AnnotatorId, CsvFile.Number(span.StartOffset!.Value), CsvFile.Number(span.EndOffset!.Value), span.Label);
            }
        }

        foreach (var layer in snapshot.Annotations.Where(a => a.Kind == Annotation.DocumentKind).GroupBy(a => a.Layer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await using var file = await CsvFile.CreateAsync(sink, $"ratings-{layer.Key}.csv", spreadsheetSafe, cancellationToken);
            await file.RowAsync("unit", "coder", "value");
            foreach (var rating in layer.GroupBy(a => (a.DocumentId, a.AnnotatorId))
                .OrderBy(g => g.Key.DocumentId, StringComparer.Ordinal).ThenBy(g => g.Key.AnnotatorId, StringComparer.Ordinal))
            {
                await file.RowAsync(rating.Key.DocumentId, rating.Key.AnnotatorId, string.Join('+', rating.Select(a => a.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            }
        }
    }
}
