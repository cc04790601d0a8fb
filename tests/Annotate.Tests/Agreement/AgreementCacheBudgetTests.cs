using System.Net.Http.Json;
using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Projects;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Agreement;

/// <summary>
/// The server keeps documents' pieces within a budget of annotations (Annotate:Agreement:CachedAnnotations; issue 15, point 4),
/// so its memory is bounded at any project size. Beyond the budget it folds the documents as they stream past, as the
/// command line does: the report is the same, to the byte.
/// </summary>
public sealed class AgreementCacheBudgetTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const int Budget = 100;

    [Fact]
    public async Task A_Project_Beyond_The_Cache_Budget_Gets_The_Command_Lines_Report_And_The_Cache_Stays_Within_It()
    {
        using var app = new AnnotateApp { TestServices = s => s.Configure<AgreementCacheOptions>(o => o.CachedAnnotations = Budget) };
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await using var cem = await HubUser.SignInAsync(app, "Cem");
        var written = await AgreementSeed.SeedAsync(app, [ana.UserId, ben.UserId, cem.UserId], documents: 40, spansPerAnnotator: 6);
        Assert.True(written > 5 * Budget, $"{written} annotations: far beyond the budget");
        var service = app.Services.GetRequiredService<AgreementService>();
        var cache = app.Services.GetRequiredService<ServerPieces>().Cache;

        var first = await ServedAndCommandLineAsync(app, service);
        Assert.Equal(first.CommandLine, first.Served);
        Assert.InRange(cache.HeldAnnotations, 1, Budget);

        // A save: the next report follows it, still within the budget.
        (await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        (await ben.Http.PutAsJsonAsync($"/api/documents/{Doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        var second = await ServedAndCommandLineAsync(app, service);
        Assert.Equal(second.CommandLine, second.Served);
        Assert.NotEqual(first.Served, second.Served);
        Assert.InRange(cache.HeldAnnotations, 1, Budget);
    }

    [Fact]
    public async Task Within_The_Budget_Every_Document_Stays_Cached_And_The_Report_Is_The_Same()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        var written = await AgreementSeed.SeedAsync(app, [ana.UserId, ben.UserId], documents: 30, spansPerAnnotator: 5);
        var service = app.Services.GetRequiredService<AgreementService>();

        var report = await ServedAndCommandLineAsync(app, service);

        Assert.Equal(report.CommandLine, report.Served);
        Assert.Equal(written, app.Services.GetRequiredService<ServerPieces>().Cache.HeldAnnotations);
    }

    // The server's report (its revision aside, which the command line does not have) and the command line's, as JSON.
    private static async Task<(string Served, string CommandLine)> ServedAndCommandLineAsync(AnnotateApp app, AgreementService service)
    {
        var project = (await app.Services.GetRequiredService<ProjectStore>().GetAsync("default", CancellationToken.None))!;
        var served = await service.ReportAsync(project, null, new AgreementOptions(), CancellationToken.None);
        var commandLine = await ProjectAgreement.ComputeAsync(app.Services.GetRequiredService<AgreementStore>(), project, null, new AgreementOptions(),
            CancellationToken.None, parallel: false);
        return (JsonSerializer.Serialize(served with { Revision = 0 }, AgreementJson.Options), JsonSerializer.Serialize(commandLine, AgreementJson.Options));
    }
}
