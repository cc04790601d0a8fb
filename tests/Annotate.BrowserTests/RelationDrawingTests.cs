using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Annotate.BrowserTests.LiveCollaborationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// Relations in the reader (issue 17): made by keyboard (Shift+L, arrows, Enter) and by mouse ("Link", then a click
/// on the target), drawn as arcs, listed in the Relations tab, seen live by others in open mode and never in blind
/// mode, and brought back by undo after their span was deleted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RelationDrawingTests(AnnotateServer server, BrowserFixture browser)
{
    private const string Claim = "We are sitting ducks up here";
    private const string Speaker = "said Marta Lindell";
    private const int QuoteBlock = 3;

    [Fact]
    public async Task A_Relation_Made_By_Keyboard_Or_Mouse_Is_Drawn_Listed_Shared_Live_And_Undone_With_Its_Span()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var ann = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        try
        {
            var annPage = await SignInAndOpenAsync(ann, $"Ann {suffix}", Standard);
            await SetModeAsync(annPage.Page, "open");
            var benPage = await SignInAndOpenAsync(ben, $"Ben {suffix}", Standard);
            await annPage.WaitForLiveAsync("open");
            await benPage.WaitForLiveAsync("open");
            var arcsBefore = await benPage.Arcs.CountAsync();

            // Ann marks a claim and who says it.
            await annPage.ChooseLayerAsync("Claim");
            await annPage.DragOverAsync(QuoteBlock, Claim);
            await annPage.PressAsync("f");
            await annPage.ChooseLayerAsync("Actor / Source");
            await annPage.DragOverAsync(QuoteBlock, Speaker);
            await annPage.PressAsync("e");
            await annPage.WaitUntilSavedAsync();
            var spans = await annPage.SavedSpansAsync(Standard);
            var claimId = Str(spans.Single(s => Str(s, "annotatorName") == $"Ann {suffix}" && Str(s, "quote") == Claim), "id");
            var speakerId = Str(spans.Single(s => Str(s, "annotatorName") == $"Ann {suffix}" && Str(s, "quote") == Speaker), "id");

            // Keyboard: select the claim, Shift+L, → to the only possible target, Enter. One type fits: said-by.
            await annPage.SpanRows.Filter(new() { HasText = Claim, HasNotText = "by " }).ClickAsync();
            await annPage.PressAsync("Shift+L");
            await annPage.PressAsync("ArrowRight");
            await annPage.PressAsync("Enter");
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.OwnArcs.Filter(new() { HasText = "Said by" })).ToHaveCountAsync(1);
            var relation = (await annPage.SavedRelationsAsync(Standard)).Single(r => Str(r, "annotatorName") == $"Ann {suffix}");
            Assert.Equal(("said-by", claimId, speakerId), (Str(relation, "type"), Str(relation, "source"), Str(relation, "target")));
            await Expect(annPage.Tab("Relations (1)")).ToBeVisibleAsync();
            await Expect(annPage.RelationList.Locator(".relation-row:not(.other)")).ToContainTextAsync($"“{Claim}” → “{Speaker}”");

            // Pointing at the arc outlines both its ends and says what it links (Esc first drops the new one's selection).
            await annPage.PressAsync("Escape");
            await Expect(annPage.Page.Locator(".arc-focus .arc-end")).ToHaveCountAsync(0);
            await annPage.OwnArcs.Locator(".arc-hit").DispatchEventAsync("pointerover");
            await Expect(annPage.Page.Locator(".arc-focus .arc-end")).ToHaveCountAsync(2);
            await Expect(annPage.HoverCard).ToContainTextAsync("Said by");

            // Ben sees it appear, as someone else's.
            await Expect(benPage.Page.Locator(".arc-layer .arc.other")).ToHaveCountAsync(arcsBefore + 1);

            // Deleting the claim takes its relation, for both; undo brings both back, linked to the claim's new id.
            await annPage.Tab("Spans").ClickAsync();
            await annPage.SpanRows.Filter(new() { HasText = Claim, HasNotText = "by " }).ClickAsync();
            await annPage.PressAsync("Delete");
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.OwnArcs).ToHaveCountAsync(0);
            await Expect(benPage.Arcs).ToHaveCountAsync(arcsBefore);
            Assert.DoesNotContain(await annPage.SavedRelationsAsync(Standard), r => Str(r, "annotatorName") == $"Ann {suffix}");
            await annPage.PressAsync("Control+z");
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.OwnArcs).ToHaveCountAsync(1);
            await Expect(benPage.Arcs).ToHaveCountAsync(arcsBefore + 1);
            var newClaim = Str((await annPage.SavedSpansAsync(Standard)).Single(s => Str(s, "annotatorName") == $"Ann {suffix}" && Str(s, "quote") == Claim), "id");
            var restored = (await annPage.SavedRelationsAsync(Standard)).Single(r => Str(r, "annotatorName") == $"Ann {suffix}");
            Assert.Equal((newClaim, speakerId), (Str(restored, "source"), Str(restored, "target")));

            // Mouse: delete the relation from its editor, then link again with "Link" and a click on the speaker.
            await annPage.Tab("Relations").ClickAsync();
            await annPage.RelationList.Locator(".relation-row:not(.other)").ClickAsync();
            await annPage.RelationEditor.GetByRole(AriaRole.Button, new() { Name = "Delete relation" }).ClickAsync();
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.OwnArcs).ToHaveCountAsync(0);
            await annPage.Tab("Spans").ClickAsync();
            await annPage.SpanRows.Filter(new() { HasText = Claim, HasNotText = "by " }).ClickAsync();
            await annPage.Page.GetByTestId("link-span").ClickAsync();
            await annPage.Block(QuoteBlock).GetByText("Marta Lindell", new() { Exact = false }).First.EvaluateAsync(
                "e => e.scrollIntoView({ block: 'center' })");
            var box = await SpeakerBoxAsync(annPage);
            await annPage.Page.Mouse.ClickAsync(box.X, box.Y);
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.OwnArcs).ToHaveCountAsync(1);
            Assert.Single(await annPage.SavedRelationsAsync(Standard), r => Str(r, "annotatorName") == $"Ann {suffix}");

            // Blind mode: Ben no longer sees Ann's relation (nor her spans).
            await SetModeAsync(annPage.Page, "blind");
            await benPage.WaitForLiveAsync("blind");
            await Expect(benPage.Page.Locator(".arc-layer .arc.other")).ToHaveCountAsync(0);
            Assert.Empty(ann.ConsoleErrors);
            Assert.Empty(ben.ConsoleErrors);
        }
        finally
        {
            await SetModeAsync(ann.Page, "blind");
        }
    }

    [Fact]
    public async Task On_A_Phone_A_Tap_On_A_Span_Link_And_A_Tap_On_The_Target_Make_A_Relation()
    {
        await using var session = await browser.OpenPhoneAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, $"Thumb {Guid.NewGuid():N}"[..14], Standard);
        var text = (await session.Page.Context.APIRequest.GetAsync($"/api/documents/{Standard}")).Ok
            ? Str((await (await session.Page.Context.APIRequest.GetAsync($"/api/documents/{Standard}")).JsonAsync())!.Value, "text")
            : throw new InvalidOperationException("The document did not load.");
        foreach (var (layer, label, phrase) in new[] { ("claim", "factual-claim", Claim), ("source", "eyewitness", Speaker) })
        {
            var start = text.IndexOf(phrase, StringComparison.Ordinal);
            var response = await session.Page.Context.APIRequest.PutAsync($"/api/documents/{Standard}/annotations/{Guid.NewGuid()}", new()
            {
                DataObject = new { layer, label, start, end = start + phrase.Length },
                Headers = await PageAntiforgery.HeadersAsync(session.Page),
            });
            Assert.True(response.Ok, await response.TextAsync());
        }

        await page.OpenAsync(Standard);
        // In the middle of the screen: the label bar covers the bottom of a phone's.
        await page.Block(QuoteBlock).EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        var claim = await PhrasePointAsync(page, "sitting ducks");
        await session.Page.Touchscreen.TapAsync(claim.X, claim.Y);
        await session.Page.GetByTestId("link-start").TapAsync();
        var speaker = await PhrasePointAsync(page, "said Marta");
        await session.Page.Touchscreen.TapAsync(speaker.X, speaker.Y);
        await page.WaitUntilSavedAsync();
        await Expect(page.Arcs).ToHaveCountAsync(1);
        var relation = Assert.Single(await page.SavedRelationsAsync(Standard));
        Assert.Equal("said-by", Str(relation, "type"));
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>The middle of "said Marta" on screen (inside the speaker span, on one line even on a phone).</summary>
    private static Task<(float X, float Y)> SpeakerBoxAsync(AnnotationPage page) => PhrasePointAsync(page, "said Marta");

    /// <summary>The middle of a phrase of the quote's paragraph, on screen.</summary>
    private static async Task<(float X, float Y)> PhrasePointAsync(AnnotationPage page, string phrase)
    {
        var point = await page.Block(QuoteBlock).EvaluateAsync<float[]>("""
            (block, phrase) => {
              const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const i = n.data.indexOf(phrase);
                if (i < 0) continue;
                const range = document.createRange();
                range.setStart(n, i + 2);
                range.setEnd(n, i + phrase.length - 2);
                const r = range.getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2];
              }
              return [0, 0];
            }
            """, phrase);
        return (point[0], point[1]);
    }
}
