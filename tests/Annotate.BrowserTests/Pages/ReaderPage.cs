using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

public sealed class ReaderPage(IPage page)
{
    public ILocator Title => page.Locator("h1.article-title");

    public ILocator Body => page.GetByTestId("article-body");

    public ILocator Position => page.Locator(".reader-nav .position");

    public ILocator SourceLink => page.Locator("a.source-link");

    public ILocator NotFound => page.GetByRole(AriaRole.Heading, new() { Name = "Document not found" });

    public async Task<ReaderPage> WaitForTitleAsync(string title)
    {
        await Expect(Title).ToHaveTextAsync(title);
        return this;
    }

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    public Task<string[]> BlockTextsAsync() =>
        Body.Locator("[data-block]").EvaluateAllAsync<string[]>("blocks => blocks.map(b => b.textContent)");
}
