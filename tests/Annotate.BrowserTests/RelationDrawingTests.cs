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
            await annPage.SpanRows.Filter(new() { HasText = Claim }).ClickAsync();
            await annPage.PressAsync("Shift+L");
            await annPage.PressAsync("ArrowRight");
            await annPage.PressAsync("Enter");
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.Arcs.Filter(new() { HasText = "Said by" })).ToHaveCountAsync(1);
            var relation = (await annPage.SavedRelationsAsync(Standard)).Single(r => Str(r, "annotatorName") == $"Ann {suffix}");
            Assert.Equal(("said-by", claimId, speakerId), (Str(relation, "type"), Str(relation, "source"), Str(relation, "target")));
            await Expect(annPage.Tab("Relations (1)")).ToBeVisibleAsync();
            await Expect(annPage.RelationList.GetByRole(AriaRole.Button)).ToContainTextAsync($"“{Claim}” → “{Speaker}”");

            // Ben sees it appear, as someone else's.
            await Expect(benPage.Page.Locator(".arc-layer .arc.other")).ToHaveCountAsync(arcsBefore + 1);

            // Deleting the claim takes its relation, for both; undo brings both back, linked to the claim's new id.
            await annPage.Tab("Spans").ClickAsync();
            await annPage.SpanRows.Filter(new() { HasText = Claim }).ClickAsync();
            await annPage.PressAsync("Delete");
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.Arcs).ToHaveCountAsync(0);
            await Expect(benPage.Arcs).ToHaveCountAsync(arcsBefore);
            Assert.DoesNotContain(await annPage.SavedRelationsAsync(Standard), r => Str(r, "annotatorName") == $"Ann {suffix}");
            await annPage.PressAsync("Control+z");
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.Arcs).ToHaveCountAsync(1);
            await Expect(benPage.Arcs).ToHaveCountAsync(arcsBefore + 1);
            var newClaim = Str((await annPage.SavedSpansAsync(Standard)).Single(s => Str(s, "annotatorName") == $"Ann {suffix}" && Str(s, "quote") == Claim), "id");
            var restored = (await annPage.SavedRelationsAsync(Standard)).Single(r => Str(r, "annotatorName") == $"Ann {suffix}");
            Assert.Equal((newClaim, speakerId), (Str(restored, "source"), Str(restored, "target")));

            // Mouse: delete the relation from its editor, then link again with "Link" and a click on the speaker.
            await annPage.Tab("Relations").ClickAsync();
            await annPage.RelationList.GetByRole(AriaRole.Button).First.ClickAsync();
            await annPage.RelationEditor.GetByRole(AriaRole.Button, new() { Name = "Delete relation" }).ClickAsync();
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.Arcs).ToHaveCountAsync(0);
            await annPage.Tab("Spans").ClickAsync();
            await annPage.SpanRows.Filter(new() { HasText = Claim }).ClickAsync();
            await annPage.Page.GetByTestId("link-span").ClickAsync();
            await annPage.Block(QuoteBlock).GetByText("Marta Lindell", new() { Exact = false }).First.EvaluateAsync(
                "e => e.scrollIntoView({ block: 'center' })");
            var box = await SpeakerBoxAsync(annPage);
            await annPage.Page.Mouse.ClickAsync(box.X, box.Y);
            await annPage.WaitUntilSavedAsync();
            await Expect(annPage.Arcs).ToHaveCountAsync(1);
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

    /// <summary>The middle of "Marta Lindell" on screen (inside the speaker span).</summary>
    private static async Task<(float X, float Y)> SpeakerBoxAsync(AnnotationPage page)
    {
        var point = await page.Block(QuoteBlock).EvaluateAsync<float[]>("""
            (block) => {
              const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const i = n.data.indexOf('Marta Lindell');
                if (i < 0) continue;
                const range = document.createRange();
                range.setStart(n, i + 2);
                range.setEnd(n, i + 8);
                const r = range.getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2];
              }
              return [0, 0];
            }
            """);
        return (point[0], point[1]);
    }
}
