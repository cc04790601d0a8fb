using System.Text.RegularExpressions;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

[Collection(SecondBrowserCollection.Name)]
public sealed class DocumentListTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task List_Shows_Every_Document_In_The_Servers_Order()
    {
        var documents = await server.DocumentsAsync();
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Lister");

        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(documents.Count);

        Assert.Equal(documents.Select(d => d.Title), await list.TitlesAsync());
        await Expect(list.ResultCount).ToHaveTextAsync($"{documents.Count} documents");
    }

    [Fact]
    public async Task Search_Filters_The_List_By_Title()
    {
        // Arrange
        var all = await server.DocumentsAsync();
        var found = await server.DocumentsAsync("?q=convoy");
        Assert.InRange(found.Count, 1, all.Count - 1);
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Searcher");
        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(all.Count);

        // Act
        await list.SearchAsync("convoy");

        // Assert
        await list.WaitForDocumentsAsync(found.Count);
        Assert.Equal(found.Select(d => d.Title), await list.TitlesAsync());
        await Expect(session.Page).ToHaveURLAsync(new Regex(@"/\?q=convoy$"));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Choosing_A_Collection_Shows_Only_Its_Documents()
    {
        var all = await server.DocumentsAsync();
        var collection = all[^1].Collection;
        var inCollection = all.Where(d => d.Collection == collection).ToList();
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Collector");
        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(all.Count);

        await list.Collections.Locator($"a[data-collection='{collection}']").ClickAsync();

        await list.WaitForDocumentsAsync(inCollection.Count);
        Assert.Equal(inCollection.Select(d => d.Title), await list.TitlesAsync());
        await session.Page.GoBackAsync();
        await list.WaitForDocumentsAsync(all.Count);
    }

    [Fact]
    public async Task Language_Filter_Shows_Only_Documents_In_That_Language()
    {
        var all = await server.DocumentsAsync();
        var greek = all.Where(d => d.Language == "el").ToList();
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Polyglot");
        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(all.Count);

        await list.ChooseLanguageAsync("el");

        await list.WaitForDocumentsAsync(greek.Count);
        Assert.Equal(greek.Select(d => d.Title), await list.TitlesAsync());
    }

    [Fact]
    public async Task List_Shows_Load_Progress_While_The_Corpus_Loads_And_Hides_It_When_Done()
    {
        // Arrange: the bundled corpus loads in a blink, so the first two status answers say "loading".
        var documents = await server.DocumentsAsync();
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var loadingAnswers = 2;
        await session.Page.RouteAsync("**/api/corpus/status", async route =>
        {
            if (Interlocked.Decrement(ref loadingAnswers) >= 0)
            {
                await route.FulfillAsync(new()
                {
                    ContentType = "application/json",
                    Body = """{"state":"loading","root":"/corpus","processed":3,"total":12,"documentCount":3,"lastLoadedAt":null,"problems":[]}""",
                });
            }
            else
            {
                await route.FallbackAsync();
            }
        });

        // Act
        await new SignInPage(session.Page).SignInAsync("Early bird");

        // Assert: progress is announced, then replaced by the full list once the server says idle.
        var progress = session.Page.GetByTestId("corpus-progress");
        await Expect(progress.GetByRole(AriaRole.Status)).ToHaveTextAsync("Loading the corpus: 3 of 12 files (25%)");
        await Expect(progress.Locator("progress")).ToHaveJSPropertyAsync("value", 25);
        await Expect(progress).ToHaveCountAsync(0);
        await new DocumentListPage(session.Page).WaitForDocumentsAsync(documents.Count);
    }

    [Fact]
    public async Task Corpus_Status_Page_Shows_The_Load_State_Counts_And_Problems()
    {
        var status = await server.CorpusStatusAsync();
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Curator");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Corpus status" }).ClickAsync();

        var page = new StatusPage(session.Page);
        await Expect(page.Heading).ToBeVisibleAsync();
        await Expect(page.State).ToHaveTextAsync("Idle");
        await Expect(page.DocumentCount).ToHaveTextAsync(status.DocumentCount.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")));
        await Expect(page.ProblemRows).ToHaveCountAsync(status.Problems.Count);
        Assert.Empty(session.ConsoleErrors);
    }
}
