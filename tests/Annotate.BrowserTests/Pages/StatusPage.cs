using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

public sealed class StatusPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Corpus status", Level = 1 });

    public ILocator State => page.GetByTestId("corpus-state");

    public ILocator DocumentCount => page.GetByTestId("document-count");

    public ILocator ProblemRows => page.Locator("table.problem-table tbody tr");

    public async Task<StatusPage> OpenAsync()
    {
        await page.GotoAsync("/status");
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }
}
