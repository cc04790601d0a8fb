using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Annotate.BrowserTests.LiveCollaborationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// The agreement views as annotators see them: figures for two people who labelled one document differently, live
/// updates while someone annotates, the heat map over the text, perspective groups and the blind project's refusal.
/// Each test uses its own document; the project mode is shared, so each sets it and puts it back to blind.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AgreementViewTests(AnnotateServer server, BrowserFixture browser)
{
    private const string Danek = "varenia-voice.2026-03-06-president-danek-protest-is-peaceful";
    private const string Celmar = "varenia-voice.2026-03-03-celmar-families-begin-peaceful-protest";
    private const string Rensfeld = "varenia-voice.2026-03-13-rensfeld-reprieve-for-seasonal-workers";
    private const string BacksDown = "dalmor-standard.2026-03-13-varenia-backs-down-at-rensfeld";

    [Fact]
    public async Task The_Relations_Table_Shows_Agreement_Per_Relation_Type_And_Fits_A_Phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var ann = await browser.OpenPhoneAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        try
        {
            // Arrange: both link the same claim to the same source with Said by; only Ann adds a Supports.
            await new SignInPage(ann.Page).SignInAsync($"Ann {suffix}");
            await SetModeAsync(ann.Page, "open");
            await new SignInPage(ben.Page).SignInAsync($"Ben {suffix}");
            foreach (var page in new[] { ann.Page, ben.Page })
            {
                var claim = await PutAsync(page, "annotations", new { layer = "claim", label = "factual-claim", start = 0, end = 20 });
                var source = await PutAsync(page, "annotations", new { layer = "source", label = "official", start = 30, end = 45 });
                await PutAsync(page, "relations", new { type = "said-by", source = claim, target = source });
                if (page == ann.Page)
                {
                    var other = await PutAsync(page, "annotations", new { layer = "claim", label = "factual-claim", start = 50, end = 70 });
                    await PutAsync(page, "relations", new { type = "supports", source = other, target = claim });
                }
            }

            // Act: Ann opens the document's agreement on her phone.
            var agreement = await new AgreementPage(ann.Page).OpenAsync(BacksDown);

            // Assert: Said by found by both (F1 1.00), Supports by Ann alone (0.00); the section fits 390 px.
            await Expect(agreement.RelationRow("Said by")).ToContainTextAsync("1.00");
            await Expect(agreement.RelationRow("Said by").Locator("td").First).ToHaveTextAsync("2");
            await Expect(agreement.RelationRow("Supports").Locator("td").Nth(1)).ToHaveTextAsync("0.00");
            await Expect(agreement.Relations.GetByTestId("relation-f1-exact").Locator("dd")).ToHaveTextAsync("0.67");
            var box = await agreement.Relations.GetByTestId("relation-table").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The relations table spans {box.X}–{box.X + box.Width} px on a 390 px screen.");
            if (Environment.GetEnvironmentVariable("ANNOTATE_SCREENSHOTS") is { Length: > 0 } folder)
                await agreement.Relations.ScreenshotAsync(new() { Path = Path.Combine(folder, "relations-390.png") });
            Assert.Empty(ann.ConsoleErrors);
        }
        finally
        {
            await SetModeAsync(ann.Page, "blind");
        }
    }

    // Creates an annotation or relation of the signed-in person on BacksDown and returns its id.
    private static async Task<string> PutAsync(IPage page, string path, object body)
    {
        var id = Guid.NewGuid().ToString();
        var put = await page.Context.APIRequest.PutAsync($"/api/documents/{BacksDown}/{path}/{id}", new()
        {
            DataObject = body,
            Headers = await PageAntiforgery.HeadersAsync(page),
        });
        Assert.True(put.Ok, $"PUT {path} answered {put.Status}: {await put.TextAsync()}");
        return id;
    }

    [Fact]
    public async Task Agreement_Page_Shows_Alpha_And_Updates_Live_When_Another_Annotator_Adds_A_Span()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var ann = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        try
        {
            // Arrange: Ann labels a phrase Blockade, Ben the same phrase Protest.
            var annPage = await SignInAndOpenAsync(ann, $"Ann {suffix}", Danek);
            await SetModeAsync(annPage.Page, "open");
            await LabelAsync(annPage, "the right of the people", "b");
            var benPage = await SignInAndOpenAsync(ben, $"Ben {suffix}", Danek);
            await LabelAsync(benPage, "the right of the people", "p");

            // Act: Ann follows the reader's Agreement link.
            await ann.Page.GetByTestId("agreement-link").ClickAsync();
            var agreement = await new AgreementPage(ann.Page).WaitForFiguresAsync();

            // Assert: the frame layer has a token alpha, per-label rows, a chart and the pair in the heat map.
            await Expect(agreement.Heading).ToContainTextAsync("President Danek");
            await Expect(agreement.TokenAlpha("frame")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^−?\d\.\d\d"));
            await Expect(agreement.LabelRow("frame", "Blockade")).ToContainTextAsync("1");
            await Expect(agreement.BarChart("frame")).ToBeVisibleAsync();
            await Expect(agreement.PairHeatMap("frame").GetByRole(AriaRole.Columnheader, new() { Name = $"Ben {suffix}" })).ToBeVisibleAsync();
            await Expect(agreement.PairHeatMap("frame").GetByRole(AriaRole.Rowheader, new() { Name = $"Ann {suffix}" })).ToBeVisibleAsync();

            // Ben adds a Blockade span: Ann's page shows it without reloading, within a few seconds.
            await LabelAsync(benPage, "rejected what she called", "b");
            await Expect(agreement.LabelRow("frame", "Blockade").Locator("td").First).ToHaveTextAsync("2", new() { Timeout = 5000 });

            // The project page lists the document, which links back to its own page.
            await ann.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Agreement" }).ClickAsync();
            await agreement.WaitForFiguresAsync();
            await Expect(agreement.Heading).ToHaveTextAsync("Agreement");
            var link = agreement.Documents.GetByRole(AriaRole.Link, new() { NameRegex = new("President Danek") });
            await link.ClickAsync();
            await Expect(ann.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/documents/{Danek}/agreement$"));
            Assert.Empty(ann.ConsoleErrors);
            Assert.Empty(ben.ConsoleErrors);
        }
        finally
        {
            await SetModeAsync(ann.Page, "blind");
        }
    }

    [Fact]
    public async Task Heat_Map_Paints_The_Labelled_Text_And_Clicking_A_Segment_Lists_Who_Labelled_What()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var ann = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        try
        {
            var annPage = await SignInAndOpenAsync(ann, $"Ann {suffix}", Celmar);
            await SetModeAsync(annPage.Page, "open");
            await LabelAsync(annPage, "thermos flasks", "b");
            var benPage = await SignInAndOpenAsync(ben, $"Ben {suffix}", Celmar);
            await LabelAsync(benPage, "thermos flasks", "p");

            // Shift+A switches the heat map on (focus outside the text, as after opening the page).
            var heat = new HeatMapPanel(ann.Page);
            await ann.Page.Locator("h1.article-title").FocusAsync();
            await ann.Page.Keyboard.PressAsync("Shift+A");
            await Expect(heat.Toggle).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(heat.Status).ToContainTextAsync("labelled");
            Assert.True(await heat.PaintedRangesAsync() > 0);

            await heat.ClickFirstSegmentAsync();
            await Expect(heat.Votes).ToContainTextAsync($"Ann {suffix}");
            await Expect(heat.Votes).ToContainTextAsync("Blockade");
            await Expect(heat.Votes).ToContainTextAsync($"Ben {suffix}");
            await Expect(heat.Votes).ToContainTextAsync("Protest");

            // Ben adds a span elsewhere: the heat map refreshes by itself.
            var before = await heat.PaintedRangesAsync();
            await LabelAsync(benPage, "children's drawings", "p");
            await ann.Page.WaitForFunctionAsync(
                "n => [...CSS.highlights.keys()].filter(k => /^agree-(\\d|na)/.test(k)).reduce((s, k) => s + CSS.highlights.get(k).size, 0) > n",
                before, new() { Timeout = 5000 });

            // Off again with the button.
            await heat.Toggle.ClickAsync();
            await Expect(heat.Panel).ToHaveCountAsync(0);
            Assert.Equal(0, await heat.PaintedRangesAsync());
            Assert.Empty(ann.ConsoleErrors);
        }
        finally
        {
            await SetModeAsync(ann.Page, "blind");
        }
    }

    [Fact]
    public async Task Declared_Attributes_Group_The_Annotators_And_A_Blind_Project_Hides_The_Figures()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var attribute = $"group-{suffix}";
        await using var ann = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        try
        {
            var annPage = await SignInAndOpenAsync(ann, $"Ann {suffix}", Rensfeld);
            await SetModeAsync(annPage.Page, "open");
            await LabelAsync(annPage, "joint commission", "b");
            var benPage = await SignInAndOpenAsync(ben, $"Ben {suffix}", Rensfeld);
            await LabelAsync(benPage, "joint commission", "b");

            // Ben declares his group from the user menu; Ann from the agreement page.
            await ben.Page.GetByTestId("my-attributes").ClickAsync();
            await AgreementPage.DeclareAttributeAsync(ben.Page.Locator("dialog").GetByTestId("attributes-form"), attribute, "B");
            var agreement = await new AgreementPage(ann.Page).OpenAsync();
            await agreement.AttributesToggle.ClickAsync();
            await AgreementPage.DeclareAttributeAsync(agreement.AttributesForm, attribute, "A");

            // Grouping by it shows agreement within and between the groups, and keeps the choice in the address.
            await agreement.GroupBy.SelectOptionAsync(attribute);
            await Expect(ann.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"groupBy={attribute}"));
            await Expect(agreement.Groups.GetByTestId("groups-within")).ToContainTextAsync($"Ann {suffix}");
            await Expect(agreement.Groups.GetByTestId("groups-within")).ToContainTextAsync($"Ben {suffix}");
            await Expect(agreement.Groups.GetByTestId("groups-between")).ToContainTextAsync("A × B");

            // Blind: the page says why instead of showing figures; open again, the figures come back. The page asks again
            // only once the report it is computing has come (never two at once), which on a loaded machine with every
            // earlier test's annotators in the project took longer than 5 s: wait for the state, not for a time.
            await SetModeAsync(ann.Page, "blind");
            await Expect(agreement.Blind).ToContainTextAsync("Blind project", new() { Timeout = 20_000 });
            await SetModeAsync(ann.Page, "open");
            await Expect(agreement.Groups).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }
        finally
        {
            await SetModeAsync(ann.Page, "blind");
        }
    }

    /// <summary>Labels a phrase of the first block with a label key and waits until it is saved.</summary>
    private static async Task LabelAsync(AnnotationPage page, string phrase, string key)
    {
        await page.DragOverAsync(0, phrase);
        await page.PressAsync(key);
        await page.WaitUntilSavedAsync();
    }
}
