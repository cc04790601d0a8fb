using System.Text.Json;
using Annotate.Agreement;
using Annotate.AgreementReports;
using Annotate.Projects;

namespace Annotate.Export;

/// <summary>
/// `agreement`: the project's agreement report as `annotate agreement --project P --format json` prints it
/// (agreement.json, the same bytes), its tables as CSV for spreadsheets, and the annotations it was computed from
/// in the input formats of `annotate agreement` (spans-LAYER.csv for --spans, ratings-LAYER.csv for a ratings
/// file), so anyone can recompute it. Built from the database like the command line's report: gold left out.
/// </summary>
internal sealed class AgreementExport(AgreementStore agreement, ProjectStore projects) : IExportFormat
{
    public const string ReportFile = "agreement.json";

    public string Name => "agreement";

    public string Description => "the agreement report (agreement.json as `annotate agreement --project --format json` writes it), its tables as CSV, and the spans and ratings it was computed from (UTF-16 offsets)";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        var project = await projects.GetAsync(context.ProjectId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no project '{context.ProjectId}'.");
        var report = await ProjectAgreement.ComputeAsync(agreement, project, context.Options.Document, new AgreementOptions(), cancellationToken);
        if (context.Options.Document is null)
            context.ProjectReport = report; // the card's report: the same options, the whole project
        await using (var output = await sink.CreateAsync(ReportFile, cancellationToken))
        {
            await JsonSerializer.SerializeAsync(output, report, AgreementJson.Options, cancellationToken);
            await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }

        await AgreementTables.WriteAsync(report, sink, context.Options.SpreadsheetSafe, cancellationToken);
        await AgreementInputs.WriteAsync(agreement, project.Id, context.Options.Document, report, sink, context.Options.SpreadsheetSafe, cancellationToken);
    }
}
