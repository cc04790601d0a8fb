using Annotate.BrowserTests.Infrastructure;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// Stored cross-site scripting: a display name and a note full of markup, shown to another person, stay text.
/// The page fails on any console error, so a Content-Security-Policy violation would fail it too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoredXssTests(AnnotateServer server, BrowserFixture browser)
{
    private const string HostileName = "<img src=x onerror=window.__xss=1>";
    private const string HostileNote = "<script>window.__xss=2</script><svg onload=\"window.__xss=3\"></svg><a href=\"javascript:window.__xss=4\">x</a>&lt;b&gt;";

    [Fact]
    public async Task A_Hostile_Display_Name_And_Note_Render_As_Text_For_Others()
    {
        await using var mallory = await browser.OpenAsync(server.BaseAddress);
        await using var reader = await browser.OpenAsync(server.BaseAddress);
        try
        {
            var malloryPage = await SignInAndOpenAsync(mallory, HostileName, Standard);
            await LiveCollaborationTests.SetModeAsync(malloryPage.Page, "open");
            var saved = await malloryPage.Page.Context.APIRequest.PutAsync($"/api/documents/{Standard}/annotations/{Guid.NewGuid()}", new()
            {
                DataObject = new { layer = "frame", label = "blockade", start = 0, end = 8, note = HostileNote },
                Headers = await PageAntiforgery.HeadersAsync(malloryPage.Page),
            });
            Assert.True(saved.Ok, await saved.TextAsync());

            var readerPage = await SignInAndOpenAsync(reader, "Careful reader", Standard);
            await readerPage.WaitForLiveAsync("open");
            await Expect(readerPage.SpanRows.Filter(new() { HasText = $"by {HostileName}" })).Not.ToHaveCountAsync(0);
            await readerPage.SpanRows.Filter(new() { HasText = $"by {HostileName}" }).First.ClickAsync();

            Assert.Equal("undefined", await readerPage.Page.EvaluateAsync<string>("() => typeof window.__xss"));
            Assert.Equal(0, await readerPage.Page.Locator("img[src='x'], script:not([src]), svg[onload]").CountAsync());
            Assert.Empty(reader.ConsoleErrors);
        }
        finally
        {
            await LiveCollaborationTests.SetModeAsync(mallory.Page, "blind");
        }
    }
}
