using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Annotate.Tests.Relations;

namespace Annotate.Tests.Export;

/// <summary>The agreement export: the command line's report, its tables, and the data to recompute it.</summary>
public sealed class AgreementExportTests
{
    [Fact]
    public async Task The_Report_Is_The_Command_Lines_And_Its_Inputs_Recompute_It()
    {
        await using var scenario = await ExportScenario.CreateAsync();

        var one = await scenario.ExportAsync("agreement", "one");
        var two = await scenario.ExportAsync("agreement", "two");
        var (exit, cliJson, error) = await AnnotateProcess.RunAsync("agreement", "--project", "default", "--format", "json", "--db", scenario.App.DatabasePath);

        Assert.True(exit == 0, error);
        ExportScenario.AssertSameFiles(one, two);
        Assert.Equal(cliJson, await File.ReadAllTextAsync(Path.Combine(one, "agreement.json")));
        Assert.Equal([".annotate-export", "README.md", "agreement-documents.csv", "agreement-labels.csv", "agreement-layers.csv", "agreement-pairs.csv", "agreement.json",
            "ratings-stance.csv", "spans-claim.csv", "spans-frame.csv", "spans-source.csv"], Directory.GetFiles(one).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var (_, layers) = CsvExportTests.Read(Path.Combine(one, "agreement-layers.csv"));
        Assert.Equal(new[] { "frame", "claim", "source", "stance" }.Order(StringComparer.Ordinal), layers.Select(l => l["layer"]).Order(StringComparer.Ordinal));
        Assert.All(layers.Where(l => l["scope"] == "span"), l => Assert.NotEqual("", l["alpha_u"]));
        var (_, labels) = CsvExportTests.Read(Path.Combine(one, "agreement-labels.csv"));
        var (_, pairs) = CsvExportTests.Read(Path.Combine(one, "agreement-pairs.csv"));
        Assert.Contains(pairs, p => (p["a_name"], p["b_name"]) is ("Ana", "Ben") or ("Ben", "Ana"));
        var inputs = ExportScenario.CodebookLabels().Where(l => l.Scope == "span")
            .SelectMany(l => CsvExportTests.Read(Path.Combine(one, $"spans-{l.Layer}.csv")).Rows.Select(r => (l.Layer, Label: r["label"]))).ToHashSet();
        var ratings = CsvExportTests.Read(Path.Combine(one, "ratings-stance.csv")).Rows;
        Assert.All(ExportScenario.CodebookLabels(), l => Assert.True(l.Scope == "span"
            ? inputs.Contains((l.Layer, l.Label)) && labels.Any(x => x["layer"] == l.Layer && x["label"] == l.Label && x["spans"] != "0")
            : ratings.Any(r => r["value"] == l.Label), $"{l.Layer}/{l.Label}"));
        Assert.DoesNotContain(ratings, r => r["coder"] == "gold");

        // The web app (its own wiring of the format) gives curators the same report.
        var viaApi = await scenario.Cora.Http.GetAsync("/api/projects/default/export?format=agreement");
        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
        using (var zip = new ZipArchive(await viaApi.Content.ReadAsStreamAsync()))
        {
            using var report = new StreamReader(zip.GetEntry("agreement.json")!.Open());
            Assert.Equal(cliJson, await report.ReadToEndAsync());
        }

        // The spans file is `annotate agreement --spans` input as it stands.
        var (recomputed, _, recomputeError) = await AnnotateProcess.RunAsync("agreement", "--spans", Path.Combine(one, "spans-frame.csv"));
        var (rated, _, ratedError) = await AnnotateProcess.RunAsync("agreement", Path.Combine(one, "ratings-stance.csv"));
        Assert.True(recomputed == 0, recomputeError);
        Assert.True(rated == 0, ratedError);
    }
    [Fact]
    public async Task Relations_Get_Their_Table_A_Line_On_The_Card_And_An_Input_File_That_Recomputes_Them()
    {
        await using var scenario = await ExportScenario.CreateAsync();
        var anas = await RelationWork.CreateAsync(scenario.Ana);
        await anas.RelateAsync("said-by", anas.Claim, anas.Source);
        await anas.RelateAsync("restates", anas.OtherClaim, anas.Denial);
        var bens = await RelationWork.CreateAsync(scenario.Ben);
        await bens.RelateAsync("said-by", bens.Claim, bens.Source);
        await bens.RelateAsync("restates", bens.Denial, bens.OtherClaim);
        await bens.RelateAsync("supports", bens.Claim, bens.OtherClaim);

        var folder = await scenario.ExportAsync("agreement", "relations");

        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "agreement.json"))).RootElement.GetProperty("relations");
        var (_, rows) = CsvExportTests.Read(Path.Combine(folder, "agreement-relations.csv"));
        Assert.Equal(("All types", "5"), (rows[0]["name"], rows[0]["relations"]));
        Assert.Equal(report.GetProperty("relationF1Exact").GetDouble(), double.Parse(rows[0]["relation_f1_exact"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => r["type"] == "restates" && r["directed"] == "false" && r["relations"] == "2");
        Assert.Contains("- Relations (5): relation F1 (exact ends) ", await File.ReadAllTextAsync(Path.Combine(folder, "README.md")), StringComparison.Ordinal);

        // The input file is `annotate agreement --relations` input as it stands, and gives the report's figures.
        var (exit, output, error) = await AnnotateProcess.RunAsync("agreement", "--relations", Path.Combine(folder, "relations.csv"), "--format", "json");
        Assert.True(exit == 0, error);
        var recomputed = JsonDocument.Parse(output).RootElement;
        foreach (var key in new[] { "relations", "relationF1Exact", "relationF1Overlap", "typeAlpha", "sharedPairs" })
            Assert.Equal(report.GetProperty(key).GetDouble(), recomputed.GetProperty(key).GetDouble(), 12);
    }
}
