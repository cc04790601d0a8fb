using System.Net;
using System.Net.Http.Json;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Data;
using Annotate.Projects;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// A class of 30 on the projector: at 1280×720 the pair heat map and the coincidence matrix fit the page without
/// scrolling sideways (issue 16, point 2). Runs on the two-project server, whose default project is open, on a
/// document no other test there touches.
/// </summary>
[Collection(TwoProjectCollection.Name)]
public sealed class CompactAgreementTests(TwoProjectServer server, BrowserFixture browser)
{
    private const string Doc = "highland-monitor.2026-03-10-fact-check-sarn-pass-claims";
    private static readonly string[] Labels = ["blockade", "protest", "security", "economic", "humanitarian", "legal"];

    [Fact]
    public async Task Thirty_Annotators_Heat_Map_And_Coincidence_Matrix_Fit_1280_Without_Sideways_Scrolling()
    {
        // Arrange: 30 people each label three stretches of one document with varied labels (seven categories with "none").
        using (var scope = server.Services.CreateScope())
        {
            await new ProjectStore(scope.ServiceProvider.GetRequiredService<Db>(), TimeProvider.System)
                .SetVisibilityAsync("default", "open", CancellationToken.None);
        }

        var text = (await server.DocumentAsync(Doc)).Text;
        var names = Enumerable.Range(1, 30).Select(i => $"Student{i:00} Longername-{Guid.NewGuid().ToString("N")[..4]}").ToArray();
        await Task.WhenAll(names.Select((name, i) => LabelThreeStretchesAsync(name, i, text)));

        // Act: the document's agreement page on a projector-sized window.
        await using var session = await browser.OpenAsync(server.BaseAddress, 1280, 720);
        await new SignInPage(session.Page).SignInAsync("Projector");
        var agreement = await new AgreementPage(session.Page).OpenAsync(Doc);

        // Assert: all 30 people are columns, named for a screen reader, and neither table scrolls sideways.
        var heatMap = agreement.PairHeatMap("frame");
        await Expect(heatMap.Locator("thead th")).ToHaveCountAsync(30);
        await Expect(heatMap.GetByRole(AriaRole.Columnheader, new() { Name = names[0] })).ToHaveTextAsync("1");
        var coincidence = agreement.Layer("frame").GetByTestId("coincidence");
        await Expect(coincidence.Locator("thead th")).ToHaveCountAsync(Labels.Length + 2); // + none + Total
        foreach (var table in new[] { heatMap, coincidence })
        {
            var overflow = await table.EvaluateAsync<int>("t => t.closest('.table-wrap').scrollWidth - t.closest('.table-wrap').clientWidth");
            Assert.True(overflow <= 0, $"{await table.GetAttributeAsync("data-testid")} scrolls {overflow} px sideways");
        }

        Assert.True(await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        // The 435 pairs fold away under the map instead of making the page 435 rows long.
        await Expect(agreement.Layer("frame").Locator("details.pair-details summary")).ToHaveTextAsync("All 435 pairs as a table");
        await Expect(agreement.Layer("frame").GetByTestId("pair-table")).ToBeHiddenAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    private async Task LabelThreeStretchesAsync(string name, int index, string text)
    {
        var cookies = new CookieContainerHandler();
        using var client = server.CreateDefaultClient(server.BaseAddress, new AntiforgeryHandler(cookies.Container), new RedirectHandler(), cookies);
        (await client.PostAsJsonAsync("/api/session", new { displayName = name })).EnsureSuccessStatusCode();
        for (var k = 0; k < 3; k++)
        {
            var start = 40 + (k * 120) + (index % 3 * 2);
            var end = start + 40;
            var body = new { layer = "frame", label = Labels[(index + k) % Labels.Length], start, end, quote = text[start..end] };
            using var put = await client.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", body);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
    }
}
