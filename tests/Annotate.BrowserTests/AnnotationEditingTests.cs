using System.Text.Json;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>Changing spans after they are made: attributes, attribution, labels, deleting, undo and redo, a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnotationEditingTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_Claim_Gets_Its_Veracity_Confidence_And_Note_And_A_Source_Span_Its_Actor()
    {
        // Arrange: a source span ("Trade Minister Sofia Merrin said") and the claim she makes.
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Attribute annotator", Standard);
        await page.ChooseLayerAsync("Actor / Source");
        await page.DragOverAsync(5, "Trade Minister Sofia Merrin said");
        await page.PressAsync("o");
        await page.ChooseLayerAsync("Claim");
        await page.DragOverAsync(5, "the road carried roughly three fifths of all trade");
        await page.PressAsync("f");

        // Act: fill in the editor of the selected claim.
        await page.Editor.GetByLabel("Veracity").SelectOptionAsync("disputed");
        await page.Editor.GetByLabel("Coder confidence").FillAsync("4");
        await page.Editor.GetByLabel("Coder confidence").PressAsync("Tab");
        await page.Editor.GetByLabel("Note on this span").FillAsync("Check against the customs figures.");
        await page.Editor.GetByLabel("Note on this span").PressAsync("Tab");
        await page.WaitUntilSavedAsync();

        // Assert
        var spans = await page.SavedSpansAsync(Standard);
        var claim = spans.Single(s => Str(s, "layer") == "claim");
        Assert.Equal("disputed", claim.GetProperty("attributes").GetProperty("veracity").GetString());
        Assert.Equal(4, claim.GetProperty("attributes").GetProperty("confidence").GetInt32());
        Assert.Equal("Check against the customs figures.", Str(claim, "note"));
        await Expect(page.SpanRows.Filter(new() { HasText = "Factual claim" })).ToContainTextAsync("Veracity: disputed");

        // Act + Assert: the source span itself speaks for an actor of the codebook.
        await page.SpanRows.Filter(new() { HasText = "Official" }).ClickAsync();
        await page.Editor.GetByLabel("Attributed to").SelectOptionAsync(new SelectOptionValue { Label = "Government of Dalmor" });
        await page.WaitUntilSavedAsync();
        var source = (await page.SavedSpansAsync(Standard)).Single(s => Str(s, "layer") == "source");
        Assert.Equal("dalmor-government", source.GetProperty("attribution").GetProperty("actor").GetString());
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_Value_Outside_The_Codebook_Range_Is_Explained_And_Not_Saved()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Range annotator", Standard);
        await page.ChooseLayerAsync("Claim");
        await page.DragOverAsync(0, "More than 400 Dalmor lorries");
        await page.PressAsync("f");

        await page.Editor.GetByLabel("Coder confidence").FillAsync("9");
        await page.Editor.GetByLabel("Coder confidence").PressAsync("Tab");

        await Expect(page.Editor.GetByText("Coder confidence must be at most 5.")).ToBeVisibleAsync();
        await Expect(page.Editor.GetByLabel("Coder confidence")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.WaitUntilSavedAsync();
        var claim = Assert.Single(await page.SavedSpansAsync(Standard));
        Assert.False(claim.GetProperty("attributes").TryGetProperty("confidence", out _));
    }

    [Fact]
    public async Task The_Overall_Stance_Is_One_Label_With_A_Note_That_Can_Be_Changed()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Stance annotator", Standard);

        await page.Tab("Document").ClickAsync();
        var panel = page.Page.GetByTestId("document-labels");
        await panel.GetByLabel("Pro-Dalmor").CheckAsync();
        await panel.GetByLabel("Note").FillAsync("Adopts the blockade frame in its own voice.");
        await panel.GetByLabel("Note").PressAsync("Tab");
        await page.WaitUntilSavedAsync();
        var first = Assert.Single(await page.SavedLabelsAsync(Standard));

        await panel.GetByLabel("Neutral").CheckAsync();
        await page.WaitUntilSavedAsync();

        var label = Assert.Single(await page.SavedLabelsAsync(Standard));
        Assert.Equal((Str(first, "id"), "stance", "neutral"), (Str(label, "id"), Str(label, "layer"), Str(label, "label")));
        Assert.Equal("Adopts the blockade frame in its own voice.", Str(label, "note"));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_Label_Is_Changed_By_Key_And_In_The_Editor_And_The_Span_Is_Deleted()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Editing annotator", Standard);
        await page.DragOverAsync(0, "Varenian activists blocked");
        await page.PressAsync("b");

        // The new span is selected: a key of its layer relabels it.
        await page.PressAsync("p");
        await page.WaitUntilSavedAsync();
        Assert.Equal("protest", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "label"));

        await page.Editor.GetByLabel("Label", new() { Exact = true }).SelectOptionAsync("economic");
        await page.WaitUntilSavedAsync();
        Assert.Equal("economic", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "label"));
        await Expect(page.SpanRows.First).ToContainTextAsync("Economic");

        await page.Editor.GetByRole(AriaRole.Button, new() { Name = "Delete span" }).ClickAsync();
        await Expect(page.SpanRows).ToHaveCountAsync(0);
        await Expect(page.Highlights).ToHaveCountAsync(0);
        await page.WaitUntilSavedAsync();
        Assert.Empty(await page.SavedSpansAsync(Standard));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Undo_And_Redo_Step_Back_And_Forth_Through_Creating_Relabelling_And_Deleting()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Undo annotator", Standard);
        await page.DragOverAsync(0, "Varenian activists blocked");
        await page.PressAsync("b");
        await page.PressAsync("p");
        await page.PressAsync("Delete");
        await page.WaitUntilSavedAsync();
        Assert.Empty(await page.SavedSpansAsync(Standard));

        await page.PressAsync("Control+z"); // the delete
        await Expect(page.SpanRows).ToHaveCountAsync(1);
        await page.WaitUntilSavedAsync();
        Assert.Equal("protest", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "label"));

        await page.PressAsync("Control+z"); // the relabel
        await page.WaitUntilSavedAsync();
        Assert.Equal("blockade", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "label"));

        await page.UndoButton.ClickAsync(); // the creation
        await Expect(page.SpanRows).ToHaveCountAsync(0);
        await page.WaitUntilSavedAsync();
        Assert.Empty(await page.SavedSpansAsync(Standard));

        await page.PressAsync("Control+Shift+z");
        await page.WaitUntilSavedAsync();
        Assert.Equal("blockade", Str(Assert.Single(await page.SavedSpansAsync(Standard)), "label"));
        await page.RedoButton.ClickAsync();
        await page.WaitUntilSavedAsync();
        var span = Assert.Single(await page.SavedSpansAsync(Standard));
        Assert.Equal(("protest", "Varenian activists blocked"), (Str(span, "label"), Str(span, "quote")));
        await Expect(page.HighlightsOf(Str(span, "id"))).Not.ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task After_A_Reload_Every_Span_Attribute_And_Label_Is_Back_From_The_Server()
    {
        // Arrange: two spans (one with attributes), and a stance.
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Reload annotator", Standard);
        await page.DragOverAsync(0, "Varenian activists blocked the only all-weather crossing");
        await page.PressAsync("h");
        await page.ChooseLayerAsync("Claim");
        await page.DragOverAsync(0, "More than 400 Dalmor lorries were stranded");
        await page.PressAsync("f");
        await page.Editor.GetByLabel("Veracity").SelectOptionAsync("accurate");
        await page.Tab("Document").ClickAsync();
        await page.Page.GetByTestId("document-labels").GetByLabel("Mixed").CheckAsync();
        await page.WaitUntilSavedAsync();

        // Act
        await page.Page.ReloadAsync();
        await page.WaitForReadyAsync();

        // Assert: listed, drawn, and the details as saved.
        await Expect(page.SpanRows).ToHaveCountAsync(2);
        await Expect(page.SpanRows.Nth(0)).ToContainTextAsync("Factual claim");
        await Expect(page.SpanRows.Nth(1)).ToContainTextAsync("Humanitarian");
        foreach (var span in await page.SavedSpansAsync(Standard))
        {
            await Expect(page.HighlightsOf(Str(span, "id"))).Not.ToHaveCountAsync(0);
        }

        await page.SpanRows.Nth(0).ClickAsync();
        await Expect(page.Editor.GetByLabel("Veracity")).ToHaveValueAsync("accurate");
        await page.Tab("Document").ClickAsync();
        await Expect(page.Page.GetByTestId("document-labels").GetByLabel("Mixed")).ToBeCheckedAsync();
        Assert.Empty(session.ConsoleErrors);
    }
}
