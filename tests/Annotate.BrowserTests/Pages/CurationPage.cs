using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

/// <summary>A curator's page for one document (/documents/{id}/curate).</summary>
public sealed class CurationPage(IPage page)
{
    public IPage Page => page;

    public ILocator Progress => page.GetByTestId("curation-progress");

    public ILocator Status => page.GetByTestId("curation-status");

    public ILocator Panel => page.GetByTestId("cluster-panel");

    public ILocator GoldItems => Panel.GetByTestId("gold-item");

    public ILocator GoldLabels => page.GetByTestId("gold-label");

    public ILocator AcceptAgreedButton => page.GetByTestId("accept-agreed");

    public ILocator UndoButton => page.GetByTestId("undo");

    public ILocator SideColumns => page.GetByTestId("side-column");

    /// <summary>The attributes shown in the panel that the cluster's annotators differ on.</summary>
    public ILocator DisagreedAttributes => Panel.Locator(".attr[data-disagreed='true']");

    /// <summary>The gold editor's field for one codebook attribute (its id).</summary>
    public ILocator AttributeField(string id) => Panel.Locator($".gold-editor [data-attribute='{id}']");

    /// <summary>The cluster list's entry for the cluster of this layer over start–end.</summary>
    public ILocator Cluster(string layer, int start, int end) => page.Locator($"[data-cluster='{layer}:{start}-{end}']");

    public async Task<CurationPage> OpenAsync(string documentId)
    {
        await page.GotoAsync($"/documents/{Uri.EscapeDataString(documentId)}/curate");
        return await WaitForReadyAsync();
    }

    public async Task<CurationPage> WaitForReadyAsync()
    {
        await Expect(Progress).ToContainTextAsync(" open");
        return this;
    }

    /// <summary>Chooses a cluster from the list, and waits for its panel.</summary>
    public async Task ChooseAsync(string layer, int start, int end)
    {
        await Cluster(layer, start, end).ClickAsync();
        await Expect(Panel.Locator("#cluster-title")).ToContainTextAsync($"{start}–{end}");
    }

    public Task AcceptAsync(string annotatorName) =>
        Panel.GetByRole(AriaRole.Button, new() { Name = $"Accept {annotatorName}’s span" }).ClickAsync();
}
