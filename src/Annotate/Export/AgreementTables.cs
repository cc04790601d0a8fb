using Annotate.Agreement;
using Annotate.AgreementReports;

namespace Annotate.Export;

/// <summary>The agreement report's tables as CSV files: per layer, label, annotator pair and document, and per relation type when there are relations.</summary>
internal static class AgreementTables
{
    public static async Task WriteAsync(ProjectAgreementReport report, IExportSink sink, bool spreadsheetSafe, CancellationToken cancellationToken)
    {
        await using (var layers = await CsvFile.CreateAsync(sink, "agreement-layers.csv", spreadsheetSafe, cancellationToken))
        {
            await layers.RowAsync("layer", "name", "scope", "alpha_u", "span_f1_exact", "span_f1_overlap", "token_alpha", "krippendorff_alpha", "percent_agreement", "units", "coders");
            foreach (var layer in report.Layers)
            {
                await layers.RowAsync(layer.Layer, layer.Name, layer.Scope, CsvFile.Number(layer.Spans?.AlphaU), CsvFile.Number(layer.Spans?.SpanF1Exact),
                    CsvFile.Number(layer.Spans?.SpanF1Overlap), CsvFile.Number(layer.Spans?.TokenAlpha), CsvFile.Number(layer.Coding?.KrippendorffAlpha),
                    CsvFile.Number(layer.Coding?.PercentAgreement), layer.Coding is { } c ? CsvFile.Number(c.Units) : null, layer.Coding is { } d ? CsvFile.Number(d.Coders) : null);
            }
        }

        await using (var labels = await CsvFile.CreateAsync(sink, "agreement-labels.csv", spreadsheetSafe, cancellationToken))
        {
            await labels.RowAsync("layer", "label", "name", "spans", "alpha_u", "token_alpha", "span_f1_exact", "span_f1_overlap");
            foreach (var layer in report.Layers.Where(l => l.Spans is not null))
            {
                foreach (var label in layer.Spans!.ByLabel)
                {
                    await labels.RowAsync(layer.Layer, label.Label, label.Name, CsvFile.Number(label.Spans), CsvFile.Number(label.AlphaU),
                        CsvFile.Number(label.TokenAlpha), CsvFile.Number(label.SpanF1Exact), CsvFile.Number(label.SpanF1Overlap));
                }
            }
        }

        var names = report.Annotators.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        await using (var pairs = await CsvFile.CreateAsync(sink, "agreement-pairs.csv", spreadsheetSafe, cancellationToken))
        {
            await pairs.RowAsync("layer", "a", "a_name", "b", "b_name", "token_alpha", "span_f1_overlap", "alpha_u");
            foreach (var layer in report.Layers.Where(l => l.Spans?.Pairs is not null))
            {
                foreach (var pair in layer.Spans!.Pairs!)
                {
                    await pairs.RowAsync(layer.Layer, pair.A, names.GetValueOrDefault(pair.A), pair.B, names.GetValueOrDefault(pair.B),
                        CsvFile.Number(pair.TokenAlpha), CsvFile.Number(pair.SpanF1Overlap), CsvFile.Number(pair.AlphaU));
                }
            }
        }

        if (report.Relations is { Relations: > 0 } relations)
        {
            // A first row over all types (with alpha over types), then one per type.
            await using var file = await CsvFile.CreateAsync(sink, "agreement-relations.csv", spreadsheetSafe, cancellationToken);
            await file.RowAsync("type", "name", "directed", "relations", "relation_f1_exact", "relation_f1_overlap", "type_alpha", "shared_pairs");
            await file.RowAsync("", "All types", "", CsvFile.Number(relations.Relations), CsvFile.Number(relations.RelationF1Exact), CsvFile.Number(relations.RelationF1Overlap),
                CsvFile.Number(relations.TypeAlpha), CsvFile.Number(relations.SharedPairs));
            foreach (var type in relations.ByType)
            {
                await file.RowAsync(type.Type, type.Name, type.Directed ? "true" : "false", CsvFile.Number(type.Relations), CsvFile.Number(type.RelationF1Exact),
                    CsvFile.Number(type.RelationF1Overlap), null, null);
            }
        }

        await using var documents = await CsvFile.CreateAsync(sink, "agreement-documents.csv", spreadsheetSafe, cancellationToken);
        await documents.RowAsync("document", "title", "annotators", "spans", "alpha_u", "token_alpha", "span_f1_overlap");
        foreach (var document in report.Documents)
        {
            await documents.RowAsync(document.Id, document.Title, CsvFile.Number(document.Annotators), CsvFile.Number(document.Spans),
                CsvFile.Number(document.AlphaU), CsvFile.Number(document.TokenAlpha), CsvFile.Number(document.SpanF1Overlap));
        }
    }
}
