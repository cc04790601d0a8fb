using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// Curation of relations in the browser: two annotators relate the same claim to its source; a curator sees both
/// relations in the cluster panel and side by side, is told to accept the ends first, accepts one annotator's
/// relation by keyboard, edits it, undoes both, sees an annotator's change live, and accepts on a phone by touch.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RelationCurationTests(AnnotateServer server, BrowserFixture browser)
{
    // A document no other browser test annotates, so its clusters are this test's alone.
    private const string Doc = "dalmor-standard.2026-03-13-varenia-backs-down-at-rensfeld";

    [Fact]
    public async Task A_Curator_Sees_Two_Annotators_Relations_And_Accepts_One_Into_Gold_By_Keyboard()
    {
        // Arrange: Ana and Bea each mark the claim and who said it, and relate them (differing on how it is reported).
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (ana, bea, cora) = ($"Ana {suffix}", $"Bea {suffix}", $"Cora {suffix}");
        var text = (await server.DocumentAsync(Doc)).Text;
        var claim = At(text, "Dalmor had given up nothing of substance");
        var source = At(text, "Trade Minister Sofia Merrin");
        await using var anaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var beaBrowser = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(anaBrowser.Page).SignInAsync(ana);
        await new SignInPage(beaBrowser.Page).SignInAsync(bea);
        await RelateAsync(anaBrowser.Page, claim, source, "reported-speech");
        var beas = await RelateAsync(beaBrowser.Page, claim, source, "paraphrase");
        await using var coraBrowser = await browser.OpenAsync(server.BaseAddress, 1280, 720);
        await MakeCuratorAsync(coraBrowser.Page, cora);
        var page = await new CurationPage(coraBrowser.Page).OpenAsync(Doc);
        var relations = page.Panel.GetByTestId("relation-cluster");
        var line = "Said by: “Dalmor had given up nothing of substance” → “Trade Minister Sofia Merrin”";

        // Act
        await page.ChooseAsync("claim", claim.Start, claim.End);

        // Assert: one relation cluster, each annotator's relation in it, and the relations counted.
        await Expect(relations).ToHaveCountAsync(1);
        await Expect(relations.GetByTestId("relation-row")).ToHaveCountAsync(2);
        await Expect(relations.GetByTestId("relation-row").Filter(new() { HasText = ana })).ToContainTextAsync(line);
        await Expect(relations.GetByTestId("relation-row").Filter(new() { HasText = bea })).ToContainTextAsync("How it is reported: paraphrase");
        await Expect(relations).ToContainTextAsync("attributes");
        await Expect(page.Progress).ToContainTextAsync("1 relation: 0 curated, 0 rejected, 1 open");

        // Act: choose the relation with ] and accept Bea's (the second annotator) with 2 while its ends are not gold.
        await page.Page.Keyboard.PressAsync("]");
        await Expect(relations.First).ToHaveClassAsync("relation-cluster chosen");
        await page.Page.Keyboard.PressAsync("2");

        // Assert: refused, naming the end to accept first.
        await Expect(page.Status).ToContainTextAsync("The source span “Dalmor had given up nothing of substance” (Claim) of " + bea + "’s relation is not in gold yet");

        // Act: accept both ends (Ana's spans), then the relation by keyboard.
        await page.AcceptAsync(ana);
        await Expect(page.GoldItems).ToHaveCountAsync(1);
        await page.ChooseAsync("source", source.Start, source.End);
        await page.AcceptAsync(ana);
        await Expect(page.GoldItems).ToHaveCountAsync(1);
        await Expect(relations.GetByTestId("relation-row").First).Not.ToContainTextAsync("not in gold yet");
        await Expect(page.Cluster("claim", claim.Start, claim.End)).ToContainTextAsync("1 relation (1 open)");

        // Both spans are curated, the relation is not: Shift+N goes to the claim and chooses its relation.
        await page.Page.Keyboard.PressAsync("Shift+N");
        await Expect(page.Panel.Locator("#cluster-title")).ToContainTextAsync($"{claim.Start}–{claim.End}");
        await Expect(relations.First).ToHaveClassAsync("relation-cluster chosen");
        await Shots("relations-desktop-chosen", page.Page, relations.First);
        await page.Page.Keyboard.PressAsync("2");

        // Assert: the gold relation with its provenance, Bea's attributes, and the cluster curated.
        var gold = relations.GetByTestId("gold-relation");
        await Expect(gold).ToContainTextAsync($"accepted from {bea} by {cora}");
        await Expect(gold).ToContainTextAsync(line);
        await Expect(gold).ToContainTextAsync("How it is reported: paraphrase");
        await Expect(page.Progress).ToContainTextAsync("1 relation: 1 curated, 0 rejected, 0 open");
        await Shots("relations-desktop-accepted", page.Page, relations.First);

        // Edit the gold relation: how it is reported becomes Ana's.
        await gold.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.Panel.GetByTestId("edit-relation-type")).ToHaveValueAsync("said-by");
        await page.Panel.Locator(".gold-editor [data-attribute='mode']").SelectOptionAsync("reported-speech");
        await page.Panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(gold).ToContainTextAsync($"edited from {bea} by {cora}");
        await Expect(gold).ToContainTextAsync("How it is reported: reported-speech");

        // Side by side: each column lists its relations as "type: source → target".
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Side by side" }).ClickAsync();
        var columns = page.SideColumns;
        ILocator Column(string title) => page.Page.Locator($"[data-testid='side-column'][aria-label='{title}']");
        await Expect(Column(ana).GetByTestId("side-relation")).ToContainTextAsync(line);
        await Expect(Column(bea).GetByTestId("side-relation")).ToContainTextAsync(line);
        await Expect(columns.Last.GetByTestId("side-relation")).ToContainTextAsync($"edited from {bea} by {cora}");
        await Shots("relations-desktop-side-by-side", page.Page, columns.First);

        // Undo takes the edit back, then the gold relation out; the spans stay gold.
        await page.Page.Keyboard.PressAsync("Control+z");
        await Expect(columns.Last.GetByTestId("side-relation")).ToContainTextAsync("How it is reported: paraphrase");
        await page.Page.Keyboard.PressAsync("Control+z");
        await Expect(page.Progress).ToContainTextAsync("1 relation: 0 curated, 0 rejected, 1 open");
        await Expect(columns.Last.GetByTestId("side-relation")).ToHaveCountAsync(0);

        // Live: Bea deletes her relation; the curator's page drops it without a reload.
        var delete = await beaBrowser.Page.Context.APIRequest.DeleteAsync($"/api/documents/{Doc}/relations/{beas}",
            new() { Headers = await PageAntiforgery.HeadersAsync(beaBrowser.Page) });
        Assert.True(delete.Ok, $"DELETE relation answered {delete.Status}");
        await Expect(Column(bea).GetByTestId("side-relation")).ToHaveCountAsync(0);
        await Expect(page.Progress).ToContainTextAsync("1 relation: 0 curated, 0 rejected, 1 open");

        // On a phone: the same panel by touch, with no sideways scrolling.
        await using var phone = await browser.OpenPhoneAsync(server.BaseAddress);
        await MakeCuratorAsync(phone.Page, $"Cody {suffix}");
        var small = await new CurationPage(phone.Page).OpenAsync(Doc);
        await small.ChooseAsync("claim", claim.Start, claim.End);
        var phoneRelations = small.Panel.GetByTestId("relation-cluster");
        await phoneRelations.GetByRole(AriaRole.Button, new() { Name = $"Accept {ana}’s relation" }).TapAsync();
        await Expect(phoneRelations.GetByTestId("gold-relation")).ToContainTextAsync($"accepted from {ana} by Cody {suffix}");
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the phone page scrolls sideways");
        await Shots("relations-phone", phone.Page, phoneRelations.First);
        Assert.Empty(anaBrowser.ConsoleErrors);
        Assert.Empty(beaBrowser.ConsoleErrors);
        // The refused accept is checked on the page before it is sent: nothing failed in the browser.
        Assert.Empty(coraBrowser.ConsoleErrors);
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task Accept_All_Agreed_Takes_An_Agreed_Relation_With_Its_Spans_And_Undoes_Them_As_One_Step()
    {
        // Arrange: Ana and Bea mark the same claim and source, and relate them alike.
        const string walkout = "aldmere-broadcasting.2026-03-13-sarn-pass-deal-after-varenian-walkout";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var text = (await server.DocumentAsync(walkout)).Text;
        var claim = At(text, "I regret that it took eleven days");
        var source = At(text, "Foreign Secretary Beatrix Anholt");
        await using var anaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var beaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var coraBrowser = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(anaBrowser.Page).SignInAsync($"Ana {suffix}");
        await new SignInPage(beaBrowser.Page).SignInAsync($"Bea {suffix}");
        await RelateAsync(anaBrowser.Page, claim, source, "direct-quote", walkout);
        await RelateAsync(beaBrowser.Page, claim, source, "direct-quote", walkout);
        await MakeCuratorAsync(coraBrowser.Page, $"Cora {suffix}");
        var page = await new CurationPage(coraBrowser.Page).OpenAsync(walkout);
        await Expect(page.Progress).ToHaveTextAsync("2 clusters: 0 curated, 0 rejected, 2 open · 1 relation: 0 curated, 0 rejected, 1 open");

        // Act
        await page.AcceptAgreedButton.ClickAsync();

        // Assert: the spans, then the relation between them, in one step that one undo takes back.
        await Expect(page.Progress).ToHaveTextAsync("2 clusters: 2 curated, 0 rejected, 0 open · 1 relation: 1 curated, 0 rejected, 0 open");
        await Expect(page.Status).ToContainTextAsync("Accepted 3 agreed annotations (1 relation) (one undo step).");
        await page.Page.Keyboard.PressAsync("Control+z");
        await Expect(page.Progress).ToHaveTextAsync("2 clusters: 0 curated, 0 rejected, 2 open · 1 relation: 0 curated, 0 rejected, 1 open");
        Assert.Empty(coraBrowser.ConsoleErrors);
    }

    private static (int Start, int End) At(string text, string phrase)
    {
        var start = text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{phrase}' is in the document");
        return (start, start + phrase.Length);
    }

    /// <summary>The annotator's claim and source spans and a said-by relation between them; returns the relation's id.</summary>
    private static async Task<string> RelateAsync(IPage page, (int Start, int End) claim, (int Start, int End) source, string mode, string document = Doc)
    {
        var (claimId, sourceId, relationId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await PageAntiforgery.PutAsync(page, $"/api/documents/{document}/annotations/{claimId}", new { layer = "claim", label = "factual-claim", start = claim.Start, end = claim.End });
        await PageAntiforgery.PutAsync(page, $"/api/documents/{document}/annotations/{sourceId}", new { layer = "source", label = "official", start = source.Start, end = source.End });
        await PageAntiforgery.PutAsync(page, $"/api/documents/{document}/relations/{relationId}", new { type = "said-by", source = claimId, target = sourceId, attributes = new { mode } });
        return relationId;
    }


    /// <summary>Signs in with a display name, then makes that person a curator of the default project.</summary>
    private async Task MakeCuratorAsync(IPage page, string name)
    {
        await new SignInPage(page).SignInAsync(name);
        var session = await page.Context.APIRequest.GetAsync("/api/session");
        var userId = (await session.JsonAsync())!.Value.GetProperty("userId").GetString()!;
        using var scope = server.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProjectMembers>().SetAsync("default", userId, ProjectRoles.Curator, CancellationToken.None);
    }

    /// <summary>With ANNOTATE_SCREENSHOTS set to a folder, keeps a picture of the page there, scrolled to an element; no check depends on it.</summary>
    private static async Task Shots(string name, IPage page, ILocator scrollTo)
    {
        if (Environment.GetEnvironmentVariable("ANNOTATE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    await scrollTo.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })", null, new() { Timeout = 2_000 });
                    break;
                }
                catch (PlaywrightException)
                {
                    // The panel was redrawn under the scroll (a live refresh): try the new one.
                }
            }

            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
        }
    }
}
