using Annotate.Agreement;
using Annotate.AgreementReports;
using Annotate.Annotations;

namespace Annotate.Export;

/// <summary>
/// What the agreement report was computed from, in `annotate agreement`'s own input formats: spans-LAYER.csv
/// (doc,coder,start,end,label: UTF-16 offsets, for --spans) per span layer, ratings-LAYER.csv (unit,coder,value,
/// several labels of one person joined by '+', as the report counts them) per document-label layer, and relations.csv
/// (the --relations format) when there are relations.
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

        if (report.Relations is { Relations: > 0 } relations)
        {
            // The --relations format, with a line for each person who annotated a document and drew no relation there.
            var directed = relations.ByType.ToDictionary(t => t.Type, t => t.Directed, StringComparer.Ordinal);
            await using var file = await CsvFile.CreateAsync(sink, "relations.csv", spreadsheetSafe, cancellationToken);
            await file.RowAsync("doc", "coder", "type", "source_start", "source_end", "source_label", "target_start", "target_end", "target_label", "directed");
            await foreach (var (document, coders, rows) in store.RelationInputsAsync(projectId, documentId, cancellationToken))
            {
                foreach (var r in rows)
                {
                    await file.RowAsync(document, r.AnnotatorId, r.Type, CsvFile.Number(r.SourceStart), CsvFile.Number(r.SourceEnd), $"{r.SourceLayer}/{r.SourceLabel}",
                        CsvFile.Number(r.TargetStart), CsvFile.Number(r.TargetEnd), $"{r.TargetLayer}/{r.TargetLabel}", directed.GetValueOrDefault(r.Type, true) ? "true" : "false");
                }

                foreach (var coder in coders.Where(c => !rows.Any(r => r.AnnotatorId == c)))
                    await file.RowAsync(document, coder, "", "", "", "", "", "", "", "");
            }
        }
    }
}
