using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>An article's file changes while someone has it open.</summary>
[Collection(EditableCorpusCollection.Name)]
public sealed class DocumentUpdateTests(EditableCorpusServer server, BrowserFixture browser)
{
    [Fact]
    public async Task An_Article_Updated_While_Open_Offers_A_Reload_And_Its_Spans_Follow_The_New_Text()
    {
        // Arrange: a span on "protest", drawn in the open article.
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Reader");
        var text = (await server.DocumentAsync(EditableCorpusServer.DocumentId)).Text;
        var start = text.IndexOf("protest", StringComparison.Ordinal);
        var id = Guid.NewGuid().ToString();
        var put = await session.Page.Context.APIRequest.PutAsync($"/api/documents/{EditableCorpusServer.DocumentId}/annotations/{id}", new()
        {
            DataObject = new { layer = "frame", label = "protest", start, end = start + 7 },
            Headers = await PageAntiforgery.HeadersAsync(session.Page),
        });
        Assert.Equal(201, put.Status);
        var page = await new AnnotationPage(session.Page).OpenAsync(EditableCorpusServer.DocumentId);
        await Expect(page.HighlightsOf(id).First).ToBeVisibleAsync();

        // Act: the file changes on disk (text before the span grows) and the corpus reloads.
        File.WriteAllText(server.ArticlePath, EditableCorpusServer.Article("Update: drivers say the road is closed. Residents call it a protest today."));
        (await server.Api.PostAsync("/api/corpus/reload", null)).EnsureSuccessStatusCode();

        // Assert: a notice with a reload; the moved span is not drawn on the old text; after reloading it is.
        var notice = session.Page.Locator(".new-version");
        await Expect(notice).ToContainTextAsync("version 2", new() { Timeout = 15_000 });
        await Expect(page.HighlightsOf(id)).ToHaveCountAsync(0);
        await notice.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await page.WaitForReadyAsync();
        await Expect(page.HighlightsOf(id).First).ToBeVisibleAsync();
        // Read back with the reader's own session (the project is blind: only they see their span).
        var list = await session.Page.Context.APIRequest.GetAsync($"/api/documents/{EditableCorpusServer.DocumentId}/annotations");
        var moved = System.Text.Json.JsonSerializer.Deserialize<AnnotationItems>(await list.TextAsync(), System.Text.Json.JsonSerializerOptions.Web)!.Items.Single(a => a.Id == id);
        Assert.Equal(2, moved.DocumentVersion);
        Assert.Empty(session.ConsoleErrors);
    }

    private sealed record AnnotationItems(IReadOnlyList<AnnotationItem> Items);

    private sealed record AnnotationItem(string Id, int DocumentVersion);
}
