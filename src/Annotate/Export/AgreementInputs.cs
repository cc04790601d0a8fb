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
    /// <summary>Streams each layer's rows from the database a document at a time (a project may hold millions).</summary>
    public static async Task WriteAsync(AgreementStore store, string projectId, string? documentId, ProjectAgreementReport report, IExportSink sink, bool spreadsheetSafe,
        CancellationToken cancellationToken)
    {
        foreach (var layer in report.Layers.Where(l => l.Spans is not null).Select(l => l.Layer).Order(StringComparer.Ordinal))
        {
            await using var file = await CsvFile.CreateAsync(sink, $"spans-{layer}.csv", spreadsheetSafe, cancellationToken);
            await file.RowAsync("doc", "coder", "start", "end", "label");
            await foreach (var document in store.LayerRowsAsync(projectId, documentId, Annotation.SpanKind, layer, cancellationToken))
            {
                foreach (var span in document.Where(s => s.StartOffset is not null && s.EndOffset is not null))
                {
                    await file.RowAsync(span.DocumentId, span.AnnotatorId, CsvFile.Number(span.StartOffset!.Value), CsvFile.Number(span.EndOffset!.Value), span.Label);
                }
            }
        }

        foreach (var layer in report.Layers.Where(l => l.Spans is null).Select(l => l.Layer).Order(StringComparer.Ordinal))
        {
            await using var file = await CsvFile.CreateAsync(sink, $"ratings-{layer}.csv", spreadsheetSafe, cancellationToken);
            await file.RowAsync("unit", "coder", "value");
            await foreach (var document in store.LayerRowsAsync(projectId, documentId, Annotation.DocumentKind, layer, cancellationToken))
            {
                foreach (var rating in document.GroupBy(a => a.AnnotatorId, StringComparer.Ordinal))
                {
                    await file.RowAsync(rating.First().DocumentId, rating.Key, string.Join('+', rating.Select(a => a.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
                }
            }
        }
    }
}
