using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

/// <summary>The project (/agreement) or document (/documents/{id}/agreement) agreement page.</summary>
public sealed class AgreementPage(IPage page)
{
    public IPage Page => page;

    public ILocator Root => page.GetByTestId("agreement-page");

    public ILocator Heading => Root.Locator("h1");

    public ILocator Meta => page.GetByTestId("agreement-meta");

    public ILocator GroupBy => page.GetByLabel("Group by");

    public ILocator Blind => page.GetByTestId("agreement-blind");

    public ILocator Documents => page.GetByTestId("documents-table");

    public ILocator Groups => page.GetByTestId("groups");

    public ILocator Layer(string layerId) => page.Locator($"section.agreement-layer[data-layer='{layerId}']");

    public ILocator TokenAlpha(string layerId) => Layer(layerId).GetByTestId("token-alpha").Locator("dd");

    /// <summary>The row of one label in a layer's per-label table: label, spans, αu, token α, F1 exact, F1 overlap.</summary>
    public ILocator LabelRow(string layerId, string label) =>
        Layer(layerId).GetByTestId("label-table").Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label }) });

    /// <summary>The Relations section: relation F1, alpha over types and the per-type table.</summary>
    public ILocator Relations => page.GetByTestId("relations-agreement");

    /// <summary>The row of one relation type: type, relations, F1 exact, F1 overlap.</summary>
    public ILocator RelationRow(string typeName) =>
        Relations.GetByTestId("relation-table").Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(typeName)}") }) });

    public ILocator PairHeatMap(string layerId) => Layer(layerId).GetByTestId("pair-heat-map");

    public ILocator BarChart(string layerId) => Layer(layerId).Locator(".bar-chart canvas");

    public ILocator AttributesToggle => Root.Locator("summary", new() { HasText = "Your attributes" });

    public ILocator AttributesForm => Root.GetByTestId("attributes-form");

    public async Task<AgreementPage> OpenAsync(string? documentId = null)
    {
        await page.GotoAsync(documentId is null ? "/agreement" : $"/documents/{Uri.EscapeDataString(documentId)}/agreement");
        return await WaitForFiguresAsync();
    }

    /// <summary>Waits until a report has been drawn (the meta line carries its revision).</summary>
    public async Task<AgreementPage> WaitForFiguresAsync()
    {
        await Expect(Meta).ToHaveAttributeAsync("data-revision", new System.Text.RegularExpressions.Regex(@"^\d+$"));
        return this;
    }

    /// <summary>Fills the first attribute row of the form (name = value) and saves it.</summary>
    public static async Task DeclareAttributeAsync(ILocator form, string name, string value)
    {
        await Expect(form).ToHaveAttributeAsync("data-loaded", "true");
        await form.GetByLabel("Attribute 1 name").FillAsync(name);
        await form.GetByLabel("Attribute 1 value").FillAsync(value);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
    }
}

/// <summary>The agreement heat map over a document's text in the reader, and its panel.</summary>
public sealed class HeatMapPanel(IPage page)
{
    public ILocator Toggle => page.GetByTestId("heat-toggle");

    public ILocator Panel => page.GetByTestId("heat-panel");

    public ILocator Status => page.GetByTestId("heat-status");

    public ILocator Votes => page.GetByTestId("heat-votes");

    /// <summary>How many text ranges the heat map has painted (CSS custom highlights agree-*).</summary>
    public async Task<int> PaintedRangesAsync() => await page.EvaluateAsync<int>(
        "() => [...CSS.highlights.keys()].filter(k => /^agree-(\\d|na)/.test(k)).reduce((n, k) => n + CSS.highlights.get(k).size, 0)");

    /// <summary>Clicks the middle of the first character of the first painted segment.</summary>
    public async Task ClickFirstSegmentAsync()
    {
        var point = await page.EvaluateAsync<float[]>("""
            () => {
              const ranges = [...CSS.highlights.keys()].filter(k => /^agree-(\d|na)/.test(k)).flatMap(k => [...CSS.highlights.get(k)]);
              ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
              const first = ranges[0].cloneRange();
              const rect = first.getClientRects()[0];
              return [rect.left + 4, rect.top + rect.height / 2];
            }
            """);
        await page.Mouse.ClickAsync(point[0], point[1]);
    }
}
