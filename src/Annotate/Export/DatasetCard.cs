using System.Globalization;
using System.Text;
using Annotate.Agreement;
using Annotate.AgreementReports;
using Annotate.Curation;
using Annotate.Data;
using Annotate.Projects;

namespace Annotate.Export;

/// <summary>
/// README.md, the dataset card written with every export: what the data is, how it was made and what it lacks.
/// Counts come from SQL aggregates (<see cref="DatasetCardFacts"/>); nothing time-dependent, so the same data
/// gives the same card.
/// </summary>
internal sealed class DatasetCard(Db db, AgreementStore agreement, ProjectStore projects)
{
    public const string FileName = "README.md";

    public async Task WriteAsync(ExportContext context, IExportFormat format, IReadOnlyList<string> files, IExportSink sink, CancellationToken cancellationToken)
    {
        var card = new StringBuilder();
        var project = await projects.GetAsync(context.ProjectId, cancellationToken);
        var facts = await DatasetCardFacts.LoadAsync(db, context.ProjectId, cancellationToken);
        card.Append(CultureInfo.InvariantCulture, $"# Dataset card: project {context.ProjectId}\n\n");
        card.Append(CultureInfo.InvariantCulture, $"Visibility while annotating: {project?.Visibility ?? "unknown"}.\n\n");
        card.Append(CultureInfo.InvariantCulture, $"Format: `{format.Name}` — {format.Description}.\n\n");
        if (context.Options.Document is { } document)
        {
            card.Append(CultureInfo.InvariantCulture, $"This export holds one document of the project: `{document}`. The counts below describe the whole project.\n\n");
        }

        card.Append("## Files\n\n");
        foreach (var file in files)
            card.Append(CultureInfo.InvariantCulture, $"- `{file}`\n");
        card.Append(CultureInfo.InvariantCulture, $"- `{FileName}`: this card\n\n");
        card.Append("Offsets: Annotate counts text offsets in UTF-16 code units (as JavaScript and .NET do); a format that says ")
            .Append("\"code points\" counts Unicode code points instead (as Python does). They differ after each character outside ")
            .Append("the Basic Multilingual Plane, such as an emoji. Ends are exclusive.\n\n");
        if (files.Any(f => f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            card.Append(context.Options.SpreadsheetSafe
                ? "CSV cells: spreadsheet-safe. A text cell starting with =, +, -, @, a tab or a carriage return (one a spreadsheet would run as a formula) has an apostrophe added in front; numbers are unchanged. Strip one leading apostrophe from such cells for the raw text, or export with `--spreadsheet-safe false`.\n\n"
                : "CSV cells: raw, exactly as annotated. Do not open these files in a spreadsheet if the annotations may hold formulas (a cell starting with =, +, -, @); export with `--spreadsheet-safe true` (the default) for that.\n\n");
        }


        DatasetCardSections.Corpus(card, facts);
        DatasetCardSections.Codebooks(card, context.Codebooks);
        DatasetCardSections.Annotators(card, context.Annotators, facts);
        DatasetCardSections.Labels(card, facts, context.Annotators);
        if (facts.Relations.Count > 0)
        {
            // Only where there are relations: a project without them keeps the card it always had.
            card.Append("## Relations\n\nLive relations between spans, per type (the gold layer apart):\n\n| type | annotators | gold |\n|---|---:|---:|\n");
            foreach (var type in facts.Relations.GroupBy(r => r.Type, StringComparer.Ordinal))
                card.Append(CultureInfo.InvariantCulture, $"| {type.Key} | {type.Where(r => !GoldLayer.Is(r.AnnotatorId)).Sum(r => r.Count)} | {type.Where(r => GoldLayer.Is(r.AnnotatorId)).Sum(r => r.Count)} |\n");
            card.Append('\n');
        }

        // At any size: the report streams the project a document at a time (10,000 documents, 1,000,000 annotations
        // in about 35 s of CPU and under 400 MB, docs/benchmarks.md); the agreement export hands over the one it made.
        if (project is not null)
        {
            var report = context.ProjectReport ?? await ProjectAgreement.ComputeAsync(agreement, project, null, new AgreementOptions(), cancellationToken);
            card.Append("## Agreement\n\nAmong annotators (the gold layer left out), over every document someone annotated:\n\n");
            foreach (var layer in report.Layers)
            {
                card.Append("- ").Append(layer.Name).Append(" (").Append(layer.Scope).Append("): ");
                card.Append(layer.Spans is { } spans ? $"unitizing alpha {Figure(spans.AlphaU)}, token alpha {Figure(spans.TokenAlpha)}, span F1 (overlap) {Figure(spans.SpanF1Overlap)}"
                    : $"Krippendorff's alpha {Figure(layer.Coding?.KrippendorffAlpha)}").Append('\n');
            }

            if (report.Relations is { Relations: > 0 } relations)
            {
                card.Append(CultureInfo.InvariantCulture, $"- Relations ({relations.Relations}): relation F1 (exact ends) {Figure(relations.RelationF1Exact)}, (overlapping ends) {Figure(relations.RelationF1Overlap)}, alpha over types {Figure(relations.TypeAlpha)} on {relations.SharedPairs} pair(s) of spans related by two or more annotators\n");
            }

            card.Append('\n');
        }

        card.Append("## Known limitations\n\n");
        card.Append(CultureInfo.InvariantCulture, $"- {facts.Orphans} orphaned span(s): their text changed and the quote was not found again (or they wait to be moved onto the current text). Only `jsonl` lists them; the other formats leave them out.\n");
        card.Append(CultureInfo.InvariantCulture, $"- {facts.OverlappingSpans} span(s) overlap another span of the same annotator in the same layer; formats with one tag per token (BIO, `conll`) cannot hold both.\n");
        card.Append(CultureInfo.InvariantCulture, $"- The gold layer ({GoldLayer.AnnotatorId}) covers {facts.DocumentsWithGold} of {facts.Collections.Sum(c => c.Documents)} document(s); elsewhere there is no adjudicated answer.\n");
        card.Append("- Documents no longer in the corpus folder are left out, with their annotations.\n");
        await using var output = await sink.CreateAsync(FileName, cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetBytes(card.ToString()), cancellationToken);
    }

    private static string Figure(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";
}
