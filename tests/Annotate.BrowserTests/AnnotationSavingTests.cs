using Annotate.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>Saving when the server cannot be reached or says no, and the codebook at hand while annotating.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AnnotationSavingTests(AnnotateServer server, BrowserFixture browser)
{
    private const string AnnotationWrites = "**/api/documents/*/annotations/*";

    [Fact]
    public async Task While_The_Server_Is_Unreachable_The_Span_Shows_Not_Saved_And_Is_Saved_On_Retry()
    {
        // Arrange: every annotation write fails as if the network were down.
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Offline annotator", Standard);
        await session.Page.RouteAsync(AnnotationWrites, route => route.Request.Method == "GET" ? route.ContinueAsync() : route.AbortAsync());

        // Act
        await page.DragOverAsync(0, "Varenian activists blocked");
        await page.PressAsync("b");

        // Assert: kept on screen, marked as not saved, with a way to retry.
        await Expect(page.SaveStatus).ToHaveAttributeAsync("data-state", "failed");
        await Expect(page.SaveStatus).ToContainTextAsync("Not saved");
        await Expect(page.SpanRows).ToHaveCountAsync(1);
        Assert.Empty(await page.SavedSpansAsync(Standard));

        await session.Page.UnrouteAsync(AnnotationWrites);
        await page.SaveStatus.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        await page.WaitUntilSavedAsync();
        Assert.Equal("Varenian activists blocked", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "quote"));
    }

    [Fact]
    public async Task An_Unsaved_Span_Survives_A_Reload_And_Is_Saved_Once_The_Server_Answers()
    {
        // Arrange: annotation writes fail, as if the network were down.
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, $"Reloading annotator {Guid.NewGuid():N}"[..32], Standard);
        await session.Page.RouteAsync(AnnotationWrites, route => route.Request.Method == "GET" ? route.ContinueAsync() : route.AbortAsync());

        // Act: make a span that cannot be saved, then reload the page.
        await page.DragOverAsync(0, "Varenian activists blocked");
        await page.PressAsync("b");
        await Expect(page.SaveStatus).ToHaveAttributeAsync("data-state", "failed");
        await Expect(page.SaveStatus).ToContainTextAsync("Unsaved");
        await session.Page.ReloadAsync();
        await page.WaitForReadyAsync();

        // Assert: still shown and still marked unsaved after the reload; saved once the server can be reached.
        await Expect(page.SpanRows).ToHaveCountAsync(1);
        await Expect(page.SpanRows.First).ToContainTextAsync("Blockade");
        await Expect(page.SaveStatus).ToContainTextAsync("Unsaved");
        Assert.Empty(await page.SavedSpansAsync(Standard));

        await session.Page.UnrouteAsync(AnnotationWrites);
        await page.SaveStatus.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        await page.WaitUntilSavedAsync();
        Assert.Equal("Varenian activists blocked", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "quote"));
        await Expect(page.SaveStatus).Not.ToContainTextAsync("Unsaved");

        // Nothing is replayed again after another reload.
        await session.Page.ReloadAsync();
        await page.WaitForReadyAsync();
        await Expect(page.SpanRows).ToHaveCountAsync(1);
        await Expect(page.SaveStatus).ToHaveAttributeAsync("data-state", "saved");
    }

    [Fact]
    public async Task A_Change_The_Server_Refuses_Is_Undone_And_Its_Problem_Details_Are_Shown()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Refused annotator", Standard);
        await session.Page.RouteAsync(AnnotationWrites, route => route.Request.Method != "PUT" ? route.ContinueAsync() : route.FulfillAsync(new()
        {
            Status = 400,
            ContentType = "application/problem+json",
            Body = """{"title":"Invalid annotation","status":400,"detail":"The span splits a grapheme.","errors":{"start":["The span splits a grapheme."]}}""",
        }));

        await page.DragOverAsync(0, "Varenian activists blocked");
        await page.PressAsync("b");

        await Expect(page.Alert).ToContainTextAsync("A change could not be saved and was undone.");
        await Expect(page.Alert).ToContainTextAsync("Invalid annotation: The span splits a grapheme.");
        await Expect(page.SpanRows).ToHaveCountAsync(0);
        await Expect(page.Highlights).ToHaveCountAsync(0);
        await page.WaitUntilSavedAsync();
    }

    [Fact]
    public async Task A_Label_Definition_And_Its_Examples_Are_One_Click_Away()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Student", Standard);

        await page.Toolbar.GetByRole(AriaRole.Button, new() { Name = "Definitions" }).ClickAsync();
        var codebook = session.Page.GetByTestId("codebook-panel");
        await Expect(page.Tab("Codebook")).ToHaveAttributeAsync("aria-selected", "true");
        await codebook.GetByText("Protest", new() { Exact = true }).ClickAsync();

        await Expect(codebook).ToContainTextAsync("peaceful assembly");
        await Expect(codebook.Locator("details[open]").Filter(new() { HasText = "Protest" })).ToContainTextAsync("Examples");
        Assert.Empty(session.ConsoleErrors);
    }
}
