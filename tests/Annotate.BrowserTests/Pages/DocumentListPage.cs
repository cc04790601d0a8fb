using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

public sealed class DocumentListPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Documents", Level = 1 });

    public ILocator Search => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });

    public ILocator Language => page.GetByLabel("Language");

    public ILocator Table => page.Locator("table.doc-table");

    public ILocator Rows => page.Locator("table.doc-table tbody tr.doc-row");

    public ILocator TitleLinks => page.Locator("table.doc-table a.doc-link");

    public ILocator SelectedRow => page.Locator("table.doc-table tr.doc-row.is-selected");

    public ILocator ResultCount => page.Locator("#result-count");

    public ILocator Collections => page.GetByRole(AriaRole.Navigation, new() { Name = "Collections" });

    public ILocator CorpusProblems => page.GetByTestId("corpus-problems");

    /// <summary>Waits until the table has answered for the current filters.</summary>
    public async Task<DocumentListPage> WaitForDocumentsAsync(int expectedCount)
    {
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Table).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(Rows).ToHaveCountAsync(expectedCount);
        return this;
    }

    public Task<IReadOnlyList<string>> TitlesAsync() => TitleLinks.AllInnerTextsAsync();

    public async Task<ReaderPage> OpenAsync(string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        return new ReaderPage(page);
    }

    public Task SearchAsync(string text) => Search.FillAsync(text);

    public Task ChooseCollectionAsync(string name) =>
        Collections.GetByRole(AriaRole.Link).Filter(new() { HasText = name }).ClickAsync();

    public Task ChooseLanguageAsync(string code) => Language.SelectOptionAsync(code);
}
