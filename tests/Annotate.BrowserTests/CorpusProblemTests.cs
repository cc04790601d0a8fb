using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

[Collection(BrokenCorpusCollection.Name)]
public sealed class CorpusProblemTests(BrokenCorpusServer server, BrowserFixture browser)
{
    [Fact]
    public async Task List_Says_How_Many_Files_Failed_And_Links_To_The_Status_Page()
    {
        // Arrange
        var status = await server.CorpusStatusAsync();
        Assert.Equal(2, status.Problems.Count(p => p.Severity == "error"));
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Curator");
        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(1);

        // Act
        await Expect(list.CorpusProblems).ToContainTextAsync("2 files could not be loaded, 1 warning");
        await list.CorpusProblems.GetByRole(AriaRole.Link, new() { Name = "see status" }).ClickAsync();

        // Assert
        var page = new StatusPage(session.Page);
        await Expect(page.Heading).ToBeVisibleAsync();
        await Expect(page.ProblemRows).ToHaveCountAsync(status.Problems.Count);
        await Expect(page.ProblemRows.First).ToContainTextAsync("news/also-broken.md");
        await Expect(page.ProblemRows.Filter(new() { HasText = "news/broken.md" })).ToContainTextAsync("front-matter");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_Failing_Api_Call_Shows_The_Problem_Title_And_Detail()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Unlucky");
        await new DocumentListPage(session.Page).WaitForDocumentsAsync(1);
        await session.Page.RouteAsync("**/api/documents/*", route => route.FulfillAsync(new()
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = """{"title":"Database unavailable","status":503,"detail":"The database file is locked; try again shortly."}""",
        }));

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "A perfectly good article" }).ClickAsync();

        var alert = session.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Database unavailable" });
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToContainTextAsync("The database file is locked; try again shortly.");
    }
}
