using System.Text.Json;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>Making spans: with the mouse, with the keyboard alone, overlapping, and across characters outside the BMP.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AnnotationTests(AnnotateServer server, BrowserFixture browser)
{
    internal const string Standard = "dalmor-standard.2026-03-03-sarn-pass-blockade-strands-drivers";
    internal const string SocialMedia = "highland-monitor.2026-03-07-sarn-pass-social-media-reactions";

    [Fact]
    public async Task A_Mouse_Selection_And_A_Label_Key_Make_A_Saved_Highlight()
    {
        // Arrange
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Mouse annotator", Standard);

        // Act: drag from inside the first word to inside the last, then press b (Blockade).
        await page.DragOverAsync(0, "Varenian activists blocked the only all-weather crossing");
        await page.PressAsync("b");

        // Assert: drawn and listed at once, then saved with the whole words.
        await Expect(page.Highlights).Not.ToHaveCountAsync(0);
        await Expect(page.SpanRows).ToHaveCountAsync(1);
        await Expect(page.SpanRows.First).ToContainTextAsync("Blockade");
        await page.WaitUntilSavedAsync();
        var span = Assert.Single(await page.SavedSpansAsync(Standard));
        Assert.Equal(("frame", "blockade"), (Str(span, "layer"), Str(span, "label")));
        Assert.Equal("Varenian activists blocked the only all-weather crossing", Str(span, "quote"));
        await Expect(page.HighlightsOf(Str(span, "id"))).Not.ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task The_Keyboard_Alone_Reaches_The_Text_Selects_A_Phrase_And_Labels_It()
    {
        // Arrange
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Keyboard annotator", Standard);

        // Act: Tab to the text; → moves to the end of a word; Shift+→ extends word by word; ] picks the next layer.
        for (var i = 0; i < 60 && !await page.Text.EvaluateAsync<bool>("el => el === document.activeElement"); i++)
        {
            await page.PressAsync("Tab");
        }

        await Expect(page.Text).ToBeFocusedAsync();
        await page.PressAsync("ArrowRight"); // "HADRICK"
        await page.PressAsync("ArrowRight"); // "—"
        for (var i = 0; i < 5; i++)
        {
            await page.PressAsync("Shift+ArrowRight"); // More than 400 Dalmor lorries
        }

        await page.PressAsync("]");
        await Expect(page.Toolbar.GetByRole(AriaRole.Radio, new() { Name = "Claim" })).ToBeCheckedAsync();
        await page.PressAsync("f");

        // Assert
        await Expect(page.SpanRows).ToHaveCountAsync(1);
        await page.WaitUntilSavedAsync();
        var span = Assert.Single(await page.SavedSpansAsync(Standard));
        Assert.Equal(("claim", "factual-claim", "More than 400 Dalmor lorries"), (Str(span, "layer"), Str(span, "label"), Str(span, "quote")));
        await Expect(page.Text).ToBeFocusedAsync();

        // Act + Assert: Esc lets go of the span; ← puts the caret back inside it, Enter selects it, a relabels it, Delete removes it.
        await page.PressAsync("Escape");
        await Expect(page.Editor).ToBeHiddenAsync();
        await page.PressAsync("ArrowLeft");
        await page.PressAsync("Enter");
        await Expect(page.Editor).ToBeVisibleAsync();
        await page.PressAsync("a");
        await page.WaitUntilSavedAsync();
        Assert.Equal("accusation", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "label"));
        await page.PressAsync("Delete");
        await page.WaitUntilSavedAsync();
        Assert.Empty(await page.SavedSpansAsync(Standard));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Keys_That_Cannot_Label_Say_Why_And_Never_Leave_The_Document_And_A_Duplicate_Selects_The_Existing_Span()
    {
        // Arrange
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Careful annotator", Standard);
        var address = session.Page.Url;
        var hint = session.Page.GetByTestId("annotate-hint");

        // Act + Assert: p (Protest's key) with nothing selected, then a key no label has, then Esc twice.
        await page.PressAsync("p");
        await Expect(hint).ToContainTextAsync("Select some text first, then press p for Protest");
        await page.PressAsync("q");
        await Expect(hint).ToContainTextAsync("No label has the key q in Frame");
        await page.PressAsync("Escape");
        await page.PressAsync("Escape");
        await Expect(hint).ToContainTextAsync("Nothing selected");
        Assert.Equal(address, session.Page.Url);

        // Act: the same stretch labelled Blockade twice.
        await page.DragOverAsync(0, "activists blocked");
        await page.PressAsync("b");
        await page.PressAsync("Escape");
        await page.DragOverAsync(0, "activists blocked");
        await page.PressAsync("b");

        // Assert: one span, selected again, and the person is told.
        await Expect(hint).ToContainTextAsync("You already marked this as Blockade");
        await Expect(page.Editor).ToBeVisibleAsync();
        await page.WaitUntilSavedAsync();
        await Expect(page.SpanRows).ToHaveCountAsync(1);
        Assert.Single(await page.SavedSpansAsync(Standard));
        Assert.Equal(address, session.Page.Url);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task With_Nothing_Selected_A_Document_Labels_Key_Sets_The_Stance_Of_The_Whole_Document()
    {
        // Arrange
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Stance by key", Standard);

        // Act: n is Neutral in the stance layer, and no Frame label has it.
        await page.PressAsync("n");

        // Assert: saved as the document's stance, shown in the Document tab, said beside the tools.
        await Expect(session.Page.GetByTestId("annotate-hint")).ToContainTextAsync("Overall stance of the whole document: Neutral");
        await page.WaitUntilSavedAsync();
        var label = Assert.Single(await page.SavedLabelsAsync(Standard));
        Assert.Equal(("stance", "neutral"), (Str(label, "layer"), Str(label, "label")));
        await page.Tab("Document").ClickAsync();
        await Expect(session.Page.GetByTestId("document-labels").GetByLabel("Neutral")).ToBeCheckedAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Overlapping_And_Nested_Spans_Are_Both_Drawn_Stacked_And_Both_Listed()
    {
        // Arrange
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Overlap annotator", Standard);

        // Act: a Blockade span, a Security span inside it, and a Claim span overlapping its end.
        await page.DragOverAsync(0, "Varenian activists blocked the only all-weather crossing");
        await page.PressAsync("b");
        await page.DragOverAsync(0, "activists blocked");
        await page.PressAsync("s");
        await page.ChooseLayerAsync("Claim");
        await page.DragOverAsync(0, "crossing between the two countries");
        await page.PressAsync("f");
        await page.WaitUntilSavedAsync();

        // Assert: three rows, three underlines in different lanes under "crossing"/"activists".
        await Expect(page.SpanRows).ToHaveCountAsync(3);
        var spans = (await page.SavedSpansAsync(Standard)).ToDictionary(s => Str(s, "label"), s => Str(s, "id"));
        var (outer, inner) = await DrawnTopsAsync(page, spans["blockade"], spans["security"]);
        Assert.True(inner > outer, $"The nested span's underline ({inner}) sits below the enclosing one's ({outer}).");
        await Expect(page.HighlightsOf(spans["factual-claim"])).Not.ToHaveCountAsync(0);

        // Hovering "activists" names both spans there.
        var word = await page.Block(0).EvaluateAsync<float[]>("""
            el => { const t = el.firstChild; const i = t.data.indexOf('activists'); const r = document.createRange();
                    r.setStart(t, i + 2); r.setEnd(t, i + 3); const b = r.getBoundingClientRect(); return [b.x + 2, b.y + b.height / 2]; }
            """);
        await page.Page.Mouse.MoveAsync(word[0], word[1]);
        await Expect(page.HoverCard).ToContainTextAsync("Frame: Blockade");
        await Expect(page.HoverCard).ToContainTextAsync("Frame: Security");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_Selection_Starting_Inside_An_Emoji_Or_A_Bold_Math_Letter_Keeps_Them_Whole()
    {
        // Arrange: the social media article quotes "Both sides talking to Aldmere 🤝 great." and an account named 𝐓𝐡𝐞 𝐏𝐚𝐬𝐬 𝐑𝐞𝐩𝐨𝐫𝐭.
        var article = await server.DocumentAsync(SocialMedia);
        var handshake = BlockWith(article, "🤝");
        var account = BlockWith(article, "𝐓𝐡𝐞 𝐏𝐚𝐬𝐬");
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Emoji annotator", SocialMedia);
        await page.ChooseLayerAsync("Actor / Source");

        // Act 1: with word snapping, from the middle of 🤝's surrogate pair to the middle of "great".
        var at = handshake.Text.IndexOf("🤝", StringComparison.Ordinal);
        await page.SelectInBlockAsync(handshake.Index, at + 1, handshake.Text.IndexOf("great", StringComparison.Ordinal) + 2);
        await page.PressAsync("s");

        // Act 2: without snapping, from inside 𝐓 to inside 𝐡 (each letter is a surrogate pair).
        await page.Toolbar.GetByLabel("Snap to words").UncheckAsync();
        var bold = account.Text.IndexOf("𝐓𝐡𝐞", StringComparison.Ordinal);
        await page.SelectInBlockAsync(account.Index, bold + 1, bold + 3);
        await page.PressAsync("s");
        await page.WaitUntilSavedAsync();

        // Assert: the quotes are whole characters, and the offsets point at exactly them.
        var spans = await page.SavedSpansAsync(SocialMedia);
        Assert.Equal(["𝐓𝐡", "🤝 great"], spans.Select(s => Str(s, "quote")).Order(StringComparer.Ordinal).ToArray());
        foreach (var span in spans)
        {
            Assert.Equal(Str(span, "quote"), article.Text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()]);
        }

        Assert.Empty(session.ConsoleErrors);
    }

    internal static async Task<AnnotationPage> SignInAndOpenAsync(BrowserSession session, string name, string documentId)
    {
        await new SignInPage(session.Page).SignInAsync(name, $"/documents/{Uri.EscapeDataString(documentId)}");
        return await new AnnotationPage(session.Page).WaitForReadyAsync();
    }

    internal static string Str(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";

    /// <summary>
    /// The top of each span's first drawn underline, read in one go once both are drawn. The view redraws a chunk by
    /// replacing its lines (the server's echo of a save does), so a line found a moment before can be gone when it
    /// is measured: reading both in one page task, after waiting for them, sees one drawn state.
    /// </summary>
    private static async Task<(float Outer, float Inner)> DrawnTopsAsync(AnnotationPage page, string outerId, string innerId)
    {
        var tops = await page.Page.WaitForFunctionAsync("""
            ids => {
              const tops = ids.map(id => document.querySelector(`.hl-layer .hl-line[data-span='${id}']`)?.getBoundingClientRect().top);
              return tops.every(t => t !== undefined) ? tops : null;
            }
            """, new[] { outerId, innerId });
        var values = (await tops.JsonValueAsync<float[]>())!;
        return (values[0], values[1]);
    }

    private static (int Index, string Text) BlockWith(DocumentDetail article, string needle)
    {
        var block = article.Blocks.First(b => article.Text[b.Start..b.End].Contains(needle, StringComparison.Ordinal));
        return (block.Index, article.Text[block.Start..block.End]);
    }
}
