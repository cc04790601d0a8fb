using System.Diagnostics;
using Annotate.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>Nothing typed is lost and no failure is silent: refused notes stay as typed, and the page says when it is offline.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SaveFeedbackTests(AnnotateServer server, BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_Note_The_Server_Refuses_Stays_As_Typed_With_The_Reason_Under_It_And_Not_Saved_In_The_Indicator()
    {
        // Arrange: a saved span with a short note; the note field takes at most the server's 5,000 characters.
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Long-note annotator", Standard);
        await page.DragOverAsync(0, "Varenian activists blocked");
        await page.PressAsync("b");
        var note = page.Editor.GetByLabel("Note on this span");
        await Expect(note).ToHaveAttributeAsync("maxlength", "5000");
        await note.FillAsync("Checked.");
        await Expect(page.Editor).ToContainTextAsync("8 / 5,000");
        await note.PressAsync("Tab");
        await page.WaitUntilSavedAsync();

        // Act: a note past the limit arrives anyway (maxlength does not stop a script, or an older page).
        var tooLong = new string('x', 5001);
        await note.EvaluateAsync("(el, text) => { el.value = text; el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('change')); }", tooLong);

        // Assert: the text stays, the field says why, the indicator says "Not saved", never "All changes saved".
        await Expect(page.SaveStatus).ToHaveAttributeAsync("data-state", "refused");
        await Expect(page.SaveStatus).ToContainTextAsync("Not saved");
        await Expect(page.SaveStatus).ToContainTextAsync("A note has at most 5000 characters; this one has 5001.");
        await Expect(note).ToHaveValueAsync(tooLong);
        await Expect(note).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Editor.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("A note has at most 5000 characters");
        Assert.Equal("Checked.", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "note"));

        // Correcting it saves it and clears the error.
        await note.FillAsync("Checked twice.");
        await note.PressAsync("Tab");
        await page.WaitUntilSavedAsync();
        await Expect(note).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.SaveStatus).ToContainTextAsync("All changes saved");
        Assert.Equal("Checked twice.", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "note"));
        Assert.DoesNotContain(session.ConsoleErrors, e => !e.Contains("status of 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Text_Attribute_The_Server_Refuses_Stays_As_Typed_With_The_Reason_Under_It()
    {
        // Arrange: a claim, whose text attribute "Note" takes at most the server's 2,000 characters.
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Long-attribute annotator", Standard);
        await page.ChooseLayerAsync("Claim");
        await page.DragOverAsync(5, "the road carried roughly three fifths of all trade");
        await page.PressAsync("f");
        var field = page.Editor.GetByLabel("Note", new() { Exact = true });
        await Expect(field).ToHaveAttributeAsync("maxlength", "2000");
        await page.WaitUntilSavedAsync();

        // Act
        var tooLong = new string('y', 2001);
        await field.EvaluateAsync("(el, text) => { el.value = text; el.dispatchEvent(new Event('change')); }", tooLong);

        // Assert
        await Expect(page.SaveStatus).ToHaveAttributeAsync("data-state", "refused");
        await Expect(page.SaveStatus).ToContainTextAsync("Note: 'note' has at most 2000 characters.");
        await Expect(field).ToHaveValueAsync(tooLong);
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Editor.Locator("#span-editor-attr-note-error")).ToHaveTextAsync("'note' has at most 2000 characters.");

        await field.FillAsync("Customs figures disagree.");
        await field.PressAsync("Tab");
        await page.WaitUntilSavedAsync();
        await Expect(field).Not.ToHaveAttributeAsync("aria-invalid", "true");
        var claim = Assert.Single(await page.SavedSpansAsync(Standard));
        Assert.Equal("Customs figures disagree.", claim.GetProperty("attributes").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Offline_The_Page_Says_So_And_A_Span_Made_Meanwhile_Is_Saved_Within_Two_Seconds_Of_The_Network_Returning()
    {
        // Arrange: two readers of one document, connected live.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await using var other = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, $"Offline Ona {suffix}", Standard);
        // Presence is shown only outside blind mode (an annotator learns nothing of the others in a blind project).
        await LiveCollaborationTests.SetModeAsync(page.Page, "open");
        try
        {
            var otherPage = await SignInAndOpenAsync(other, $"Present Pim {suffix}", Standard);
            await page.WaitForLiveAsync("open");
            await Expect(page.Connection).ToHaveAttributeAsync("data-state", "live");
            await Expect(page.Connection).ToHaveTextAsync("Live");
            await Expect(page.Presence).ToContainTextAsync($"Also here: Present Pim {suffix}");
            await Expect(otherPage.Presence).ToContainTextAsync($"Offline Ona {suffix}");

            // Act: the network goes; a span is made; the outbox backs off for a few seconds.
            await session.Page.Context.SetOfflineAsync(true);
            await Expect(page.Connection).ToHaveAttributeAsync("data-state", "offline");
            await Expect(page.Connection).ToContainTextAsync("Offline — changes are kept in this browser and sent when the connection returns");
            await Expect(page.Presence).ToContainTextAsync("may have left");
            await page.DragOverAsync(0, "Varenian activists blocked");
            await page.PressAsync("b");
            await Expect(page.SaveStatus).ToContainTextAsync("waiting for the connection");
            await Expect(page.SaveStatus).Not.ToContainTextAsync("All changes saved");
            await Task.Delay(3500);

            var clock = Stopwatch.StartNew();
            await session.Page.Context.SetOfflineAsync(false);

            // Assert: saved, and live again, within about two seconds of the network returning.
            await Expect(page.SaveStatus).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 3000 });
            var saved = clock.ElapsedMilliseconds;
            await Expect(page.Connection).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 3000 });
            var live = clock.ElapsedMilliseconds;
            output.WriteLine($"After the network returned: saved in {saved} ms, live again in {live} ms.");
            Assert.Equal("Varenian activists blocked", Str(Assert.Single(await page.SavedSpansAsync(Standard), a => Str(a, "annotatorName") == $"Offline Ona {suffix}"), "quote"));
            Assert.True(saved <= 2000 && live <= 2000, $"saved after {saved} ms, live after {live} ms");
            await Expect(page.SaveStatus).ToContainTextAsync("All changes saved");
            await Expect(page.Presence).ToContainTextAsync($"Also here: Present Pim {suffix}");
            Assert.DoesNotContain(session.ConsoleErrors, e => !e.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal));
        }
        finally
        {
            await LiveCollaborationTests.SetModeAsync(other.Page, "blind");
        }
    }
}
