using Annotate.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Export;

/// <summary>The agreement export computes the project's report once: its dataset card takes the same report (issue 15, point 4).</summary>
public sealed class AgreementExportCardTests
{
    [Fact]
    public async Task The_Agreement_Export_Hands_Its_Report_To_The_Dataset_Card()
    {
        await using var scenario = await ExportScenario.CreateAsync();
        var runner = scenario.App.Services.GetRequiredService<ExportRunner>();
        var format = runner.Find("agreement")!;
        var context = await runner.ContextAsync("default", new ExportOptions(), null, CancellationToken.None);
        var folder = Path.Combine(scenario.Folder, "in-process");
        await using (var sink = new FolderSink(folder))
            await format.WriteAsync(context, sink, CancellationToken.None);

        var report = Assert.IsType<Annotate.AgreementReports.ProjectAgreementReport>(context.ProjectReport);
        // A figure planted in the handed report reaches the card: the card computed nothing of its own.
        context.ProjectReport = report with { Layers = [.. report.Layers.Select(l => l.Spans is null ? l : l with { Spans = l.Spans with { AlphaU = 0.123456 } })] };
        await using (var sink = new FolderSink(folder))
            await scenario.App.Services.GetRequiredService<DatasetCard>().WriteAsync(context, format, [], sink, CancellationToken.None);

        Assert.Contains("- Frame (span): unitizing alpha 0.123,", await File.ReadAllTextAsync(Path.Combine(folder, DatasetCard.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_One_Document_Agreement_Export_Leaves_The_Cards_Project_Report_To_The_Card()
    {
        await using var scenario = await ExportScenario.CreateAsync();
        var runner = scenario.App.Services.GetRequiredService<ExportRunner>();
        var context = await runner.ContextAsync("default", new ExportOptions(Document: ExportScenario.Doc), null, CancellationToken.None);
        await using (var sink = new FolderSink(Path.Combine(scenario.Folder, "one-document")))
            await runner.Find("agreement")!.WriteAsync(context, sink, CancellationToken.None);

        // The card describes the whole project; a one-document report is not it.
        Assert.Null(context.ProjectReport);
    }
}
