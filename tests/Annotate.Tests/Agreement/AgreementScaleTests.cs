using System.Net.Http.Json;
using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Projects;
using Annotate.Tests.Export;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Agreement;

/// <summary>
/// Project agreement streamed a document at a time (issue 15, point 4): the streamed report, the server's (whose
/// cold start streams) and the in-memory report of all rows and texts at once give the same figures, and the
/// dataset card carries agreement whatever the project's size.
/// </summary>
public sealed class AgreementScaleTests
{
    private static JsonElement Figures(ProjectAgreementReport report) => JsonSerializer.SerializeToElement(
        new { report.Documents, report.Layers, report.Groups, report.Notes }, AgreementJson.Options);

    [Fact]
    public async Task The_Streamed_Report_Over_Many_Documents_Has_The_Figures_Of_The_Whole_Snapshot()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await using var cem = await HubUser.SignInAsync(app, "Cem");
        (await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        foreach (var (user, group) in new[] { (ana, "a"), (ben, "b"), (cem, "a") })
            (await user.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group } })).EnsureSuccessStatusCode();
        // More documents than one streamed batch (64) and than the server reads one by one (20).
        await AgreementSeed.SeedAsync(app, [ana.UserId, ben.UserId, cem.UserId], documents: 150, spansPerAnnotator: 6);
        var store = app.Services.GetRequiredService<AgreementStore>();
        var project = (await app.Services.GetRequiredService<ProjectStore>().GetAsync("default", CancellationToken.None))!;

        foreach (var options in new[] { new AgreementOptions(), new AgreementOptions(GroupBy: "group") })
        {
            var whole = ProjectAgreement.Compute(await store.LoadAsync(project, null, CancellationToken.None), null, 0, options);
            var streamed = await ProjectAgreement.ComputeAsync(store, project, null, options, CancellationToken.None);
            var served = await ana.Http.GetFromJsonAsync<JsonElement>($"/api/projects/default/agreement{(options.GroupBy is null ? "" : "?groupBy=group")}");

            Assert.Equal(150, whole.Documents.Count);
            Assert.True(JsonElement.DeepEquals(Figures(whole), Figures(streamed)), $"streamed differs ({options})");
            foreach (var key in new[] { "documents", "layers", "groups", "notes" })
                Assert.True(JsonElement.DeepEquals(Figures(whole).GetProperty(key), served.GetProperty(key)), $"served {key} differs ({options})");
        }
    }

    [Fact]
    public async Task The_Dataset_Card_Carries_Agreement_Above_A_Hundred_Thousand_Annotations()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        // 500 short documents × 2 people × (100 spans + a document label): 101,000 annotations, above the card's old cap.
        var seeded = await AgreementSeed.SeedAsync(app, [ana.UserId, ben.UserId], documents: 500, spansPerAnnotator: 100, words: 100);
        Assert.True(seeded > 100_000, $"{seeded} annotations");
        var folder = TempFolder.Create();
        try
        {
            var card = await File.ReadAllTextAsync(Path.Combine(await ExportScenario.ExportAsync(app, folder, "jsonl", "jsonl"), "README.md"));

            Assert.Contains("## Agreement", card, StringComparison.Ordinal);
            Assert.Matches(@"- Frame \(span\): unitizing alpha -?[0-9.]+, token alpha -?[0-9.]+", card);
            Assert.DoesNotContain("Not computed", card, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
