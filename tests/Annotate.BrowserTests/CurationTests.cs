using System.IO.Compression;
using System.Text.Json;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// Curation in the browser: two annotators disagree on a document; a curator sees the kinds of disagreement,
/// accepts, rejects, accepts everything agreed, undoes and redoes; a second curator sees the gold live; the
/// export holds both perspectives and the gold layer with its provenance.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CurationTests(AnnotateServer server, BrowserFixture browser)
{
    // A document no other browser test annotates, so its clusters are this test's alone.
    private const string Doc = "highland-monitor.2026-03-10-fact-check-sarn-pass-claims";

    [Fact]
    public async Task A_Curator_Accepts_Rejects_Accepts_Agreed_Undoes_And_Exports_The_Gold_Layer()
    {
        // Arrange: Ana and Bea annotate the document over HTTP, each from their own browser.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (ana, bea, cora, dora) = ($"Ana {suffix}", $"Bea {suffix}", $"Cora {suffix}", $"Dora {suffix}");
        var text = (await server.DocumentAsync(Doc)).Text;
        (int Start, int End) At(string phrase, int extra = 0)
        {
            var start = text.IndexOf(phrase, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{phrase}' is in the document");
            return (start, start + phrase.Length + extra);
        }

        var road = At("closed the Sarn Pass road to freight");
        var vehicles = At("338 freight vehicles");
        var vehiclesLonger = At("338 freight vehicles between Hadrick Gate");
        var hypothermia = At("severe hypothermia");
        var tyres = At("slashing lorry tyres");
        await using var anaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var beaBrowser = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(anaBrowser.Page).SignInAsync(ana);
        await new SignInPage(beaBrowser.Page).SignInAsync(bea);
        await AnnotateAsync(anaBrowser.Page, "protest", road);            // label disagreement with Bea
        await AnnotateAsync(beaBrowser.Page, "blockade", road);
        await AnnotateAsync(anaBrowser.Page, "economic", vehicles);        // boundary disagreement
        await AnnotateAsync(beaBrowser.Page, "economic", vehiclesLonger);
        await AnnotateAsync(anaBrowser.Page, "humanitarian", hypothermia); // agreed
        await AnnotateAsync(beaBrowser.Page, "humanitarian", hypothermia);
        await AnnotateAsync(anaBrowser.Page, "security", tyres);           // Bea missed it
        await LabelAsync(anaBrowser.Page, "neutral");                      // agreed document label
        await LabelAsync(beaBrowser.Page, "neutral");

        // Two curators (made so as the CLI's `project add-member default NAME --role curator` does).
        await using var coraBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var doraBrowser = await browser.OpenAsync(server.BaseAddress);
        await MakeCuratorAsync(coraBrowser.Page, cora);
        await MakeCuratorAsync(doraBrowser.Page, dora);

        // Act: Cora (who may export, as the document list shows) goes from the document to its curation.
        await coraBrowser.Page.GotoAsync("/");
        await Expect(coraBrowser.Page.GetByTestId("export-link")).ToHaveAttributeAsync("href", "/api/projects/default/export?format=jsonl");
        await coraBrowser.Page.GotoAsync($"/documents/{Uri.EscapeDataString(Doc)}");
        await coraBrowser.Page.GetByTestId("curate-link").ClickAsync();
        var page = await new CurationPage(coraBrowser.Page).WaitForReadyAsync();
        var second = await new CurationPage(doraBrowser.Page).OpenAsync(Doc);

        // Assert: every cluster with its kind of disagreement.
        await Expect(page.Progress).ToHaveTextAsync("4 clusters: 0 curated, 0 rejected, 4 open");
        await Expect(page.Cluster("frame", road.Start, road.End)).ToHaveAttributeAsync("data-kinds", "label");
        await Expect(page.Cluster("frame", vehicles.Start, vehiclesLonger.End)).ToHaveAttributeAsync("data-kinds", "boundary");
        await Expect(page.Cluster("frame", hypothermia.Start, hypothermia.End)).ToHaveAttributeAsync("data-kinds", "agreed");
        await Expect(page.Cluster("frame", tyres.Start, tyres.End)).ToHaveAttributeAsync("data-kinds", "missed");
        await page.ChooseAsync("frame", road.Start, road.End);
        await Expect(page.Panel.GetByTestId("annotator-row").Filter(new() { HasText = ana })).ToContainTextAsync("Protest");
        await Expect(page.Panel.GetByTestId("annotator-row").Filter(new() { HasText = bea })).ToContainTextAsync("Blockade");
        await page.ChooseAsync("frame", tyres.Start, tyres.End);
        await Expect(page.Panel.GetByTestId("cluster-missing")).ToContainTextAsync(bea);
        await second.ChooseAsync("frame", road.Start, road.End);

        // Act: accept Ana's span where the labels differ.
        await page.ChooseAsync("frame", road.Start, road.End);
        await page.AcceptAsync(ana);

        // Assert: gold with its provenance, here and live on Dora's page.
        await Expect(page.GoldItems).ToContainTextAsync($"accepted from {ana} by {cora}");
        await Expect(page.Progress).ToHaveTextAsync("4 clusters: 1 curated, 0 rejected, 3 open");
        await Expect(second.GoldItems).ToContainTextAsync($"accepted from {ana} by {cora}");
        await Expect(second.Cluster("frame", road.Start, road.End)).ToHaveAttributeAsync("data-status", "curated");

        // Act: reject the boundary disagreement with the key r, then accept everything agreed in one action.
        await page.ChooseAsync("frame", vehicles.Start, vehiclesLonger.End);
        await page.Page.Keyboard.PressAsync("r");
        await Expect(page.Cluster("frame", vehicles.Start, vehiclesLonger.End)).ToHaveAttributeAsync("data-status", "rejected");
        await page.AcceptAgreedButton.ClickAsync();

        // Assert
        await Expect(page.Progress).ToHaveTextAsync("4 clusters: 2 curated, 1 rejected, 1 open");
        await Expect(page.GoldLabels).ToContainTextAsync("Neutral");

        // Act: undo the accept-all-agreed (one step), then redo it.
        await page.Page.Keyboard.PressAsync("Control+z");

        // Assert: the agreed span and label are gone again; the earlier actions stay.
        await Expect(page.Progress).ToHaveTextAsync("4 clusters: 1 curated, 1 rejected, 2 open");
        await Expect(page.Cluster("frame", hypothermia.Start, hypothermia.End)).ToHaveAttributeAsync("data-status", "open");
        await Expect(page.GoldLabels).ToHaveCountAsync(0);
        await Expect(page.Status).ToContainTextAsync("Undone");
        await page.Page.Keyboard.PressAsync("Control+Shift+z");
        await Expect(page.Progress).ToHaveTextAsync("4 clusters: 2 curated, 1 rejected, 1 open");

        // The side-by-side view: a column per annotator and one for the gold layer.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Side by side" }).ClickAsync();
        await Expect(page.SideColumns).ToHaveCountAsync(3);
        await Expect(page.SideColumns.Last).ToContainTextAsync("Gold");

        // Act: the export, downloaded with the page's Export…, which offers this document first and the project beside it.
        await page.Page.GetByText("Export…").ClickAsync();
        var link = page.Page.GetByTestId("export-link");
        await page.Page.GetByTestId("export-scope").SelectOptionAsync("project");
        await Expect(link).ToHaveAttributeAsync("href", "/api/projects/default/export?format=jsonl");
        await page.Page.GetByTestId("export-scope").SelectOptionAsync("document");
        await Expect(link).ToHaveAttributeAsync("href", $"/api/projects/default/export?format=jsonl&document={Uri.EscapeDataString(Doc)}");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        using var zip = new ZipArchive(File.OpenRead((await download.PathAsync())!));
        var jsonl = zip.Entries.Single(e => e.FullName.EndsWith(".jsonl", StringComparison.Ordinal));
        using var reader = new StreamReader(jsonl.Open());
        var line = Assert.Single((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement), d => d.GetProperty("id").GetString() == Doc);

        // Assert: both annotators' spans, and the gold layer with provenance.
        var annotators = line.GetProperty("annotators").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("id").GetString()!);
        var spans = line.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(4, spans.Count(s => s.GetProperty("annotator").GetString() == annotators[ana]));
        Assert.Equal(3, spans.Count(s => s.GetProperty("annotator").GetString() == annotators[bea]));
        var gold = line.GetProperty("gold");
        var goldSpans = gold.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(2, goldSpans.Count);
        var accepted = goldSpans.Single(g => g.GetProperty("start").GetInt32() == road.Start);
        Assert.Equal("protest", accepted.GetProperty("label").GetString());
        Assert.Equal("accepted", accepted.GetProperty("provenance").GetProperty("action").GetString());
        Assert.Equal(cora, accepted.GetProperty("provenance").GetProperty("curatorName").GetString());
        Assert.Equal(ana, accepted.GetProperty("provenance").GetProperty("sources")[0].GetProperty("annotatorName").GetString());
        Assert.Equal("neutral", gold.GetProperty("documentLabels").EnumerateArray().Single().GetProperty("label").GetString());
        Assert.Empty(anaBrowser.ConsoleErrors);
        Assert.Empty(coraBrowser.ConsoleErrors);
        Assert.Empty(doraBrowser.ConsoleErrors);
    }

    [Fact]
    public async Task A_Curator_Merges_Edits_Removes_And_Undoes_Each_Step()
    {
        // Arrange: Ana and Bea mark overlapping stretches of another document no other test annotates.
        const string talks = "aldmere-broadcasting.2026-03-09-aldmere-to-host-sarn-pass-talks";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (ana, bea, cora) = ($"Ana {suffix}", $"Bea {suffix}", $"Cora {suffix}");
        var text = (await server.DocumentAsync(talks)).Text;
        var start = text.IndexOf("hundreds of lorry drivers", StringComparison.Ordinal);
        await using var anaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var beaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var coraBrowser = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(anaBrowser.Page).SignInAsync(ana);
        await new SignInPage(beaBrowser.Page).SignInAsync(bea);
        await AnnotateAsync(anaBrowser.Page, "humanitarian", (start, start + "hundreds of lorry drivers".Length), talks);
        await AnnotateAsync(beaBrowser.Page, "economic", (start + "hundreds of ".Length, start + "hundreds of lorry drivers who have now spent a week stranded".Length), talks);
        var end = start + "hundreds of lorry drivers who have now spent a week stranded".Length;
        await MakeCuratorAsync(coraBrowser.Page, cora);
        var page = await new CurationPage(coraBrowser.Page).OpenAsync(talks);
        await page.ChooseAsync("frame", start, end);
        var gold = page.GoldItems;

        // Act: merge both spans with Bea's label.
        await page.Panel.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.Panel.GetByRole(AriaRole.Checkbox).Last.CheckAsync();
        await page.Panel.GetByTestId("merge-label").SelectOptionAsync("economic");
        await page.Panel.GetByTestId("merge").ClickAsync();

        // Assert: one gold span over the joined stretch.
        await Expect(gold).ToContainTextAsync($"merged from {ana} and {bea} by {cora}");
        await Expect(gold).ToContainTextAsync($"{start}–{end}");
        await Expect(gold).ToContainTextAsync("Economic");

        // Act: edit its label and end (nudged one character earlier), with a note.
        await gold.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await page.Panel.GetByTestId("edit-label").SelectOptionAsync("humanitarian");
        await page.Panel.GetByRole(AriaRole.Button, new() { Name = "End one character earlier" }).ClickAsync();
        await page.Panel.GetByRole(AriaRole.Textbox, new() { Name = "Note" }).FillAsync("drivers, not trade");
        await page.Panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Assert
        await Expect(gold).ToContainTextAsync($"edited from {ana} and {bea} by {cora}");
        await Expect(gold).ToContainTextAsync("Humanitarian");
        await Expect(gold).ToContainTextAsync($"{start}–{end - 1}");
        await Expect(gold).ToContainTextAsync("drivers, not trade");

        // Act and assert: remove it, then undo the removal (restored over its tombstone), then undo the edit.
        await gold.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(gold).ToHaveCountAsync(0);
        await page.UndoButton.ClickAsync();
        await Expect(gold).ToContainTextAsync("Humanitarian");
        await page.UndoButton.ClickAsync();
        await Expect(gold).ToContainTextAsync("Economic");
        await Expect(gold).ToContainTextAsync($"{start}–{end}");
        await page.UndoButton.ClickAsync();
        await Expect(gold).ToHaveCountAsync(0);
        await Expect(page.Progress).ToHaveTextAsync("1 cluster: 0 curated, 0 rejected, 1 open");

        // Act: Cora accepts Ana's span; another curator relabels that gold span before Cora undoes.
        await page.AcceptAsync(ana);
        await Expect(gold).ToContainTextAsync($"accepted from {ana} by {cora}");
        var goldId = await gold.GetAttributeAsync("data-gold");
        await using var doraBrowser = await browser.OpenAsync(server.BaseAddress);
        await MakeCuratorAsync(doraBrowser.Page, $"Dora {suffix}");
        var relabel = await doraBrowser.Page.Context.APIRequest.PutAsync($"/api/documents/{talks}/gold/{goldId}", new()
        {
            DataObject = new { layer = "frame", label = "legal", start, end = start + "hundreds of lorry drivers".Length, version = 1, action = "edited" },
            Headers = await PageAntiforgery.HeadersAsync(doraBrowser.Page),
        });
        Assert.True(relabel.Ok, $"PUT gold answered {relabel.Status}: {await relabel.TextAsync()}");
        await Expect(gold).ToContainTextAsync("Legal"); // live
        await page.UndoButton.ClickAsync();

        // Assert: the undo is refused and said so; Dora's decision stands.
        await Expect(page.Status).ToContainTextAsync("another curator changed it");
        await Expect(gold).ToContainTextAsync($"edited from {ana} by Dora {suffix}");
        await Expect(page.UndoButton).ToBeDisabledAsync();
        // The browser logs the refused write (409): that answer is the point; nothing else may fail.
        Assert.DoesNotContain(coraBrowser.ConsoleErrors, e => !e.Contains("409", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Curator_Sees_Where_Attributes_Differ_And_Edits_A_Gold_Span_Attribute()
    {
        // Arrange: Ana and Bea mark the same claim (the claim layer has attributes) but judge its veracity differently.
        const string fake = "dalmor-standard.2026-03-06-danek-fake-claim-driver-recovers";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (ana, bea, cora) = ($"Ana {suffix}", $"Bea {suffix}", $"Cora {suffix}");
        var text = (await server.DocumentAsync(fake)).Text;
        const string phrase = "Nobody has been denied food, water or medical help";
        var start = text.IndexOf(phrase, StringComparison.Ordinal);
        var end = start + phrase.Length;
        await using var anaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var beaBrowser = await browser.OpenAsync(server.BaseAddress);
        await using var coraBrowser = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(anaBrowser.Page).SignInAsync(ana);
        await new SignInPage(beaBrowser.Page).SignInAsync(bea);
        await AnnotateAsync(anaBrowser.Page, "factual-claim", (start, end), fake, "claim", new() { ["veracity"] = "fake", ["confidence"] = 4 });
        await AnnotateAsync(beaBrowser.Page, "factual-claim", (start, end), fake, "claim", new() { ["veracity"] = "disputed", ["confidence"] = 4 });
        await MakeCuratorAsync(coraBrowser.Page, cora);
        var page = await new CurationPage(coraBrowser.Page).OpenAsync(fake);

        // Act
        await page.ChooseAsync("claim", start, end);

        // Assert: each annotator's attributes beside their label; only the veracity is marked as differing.
        await Expect(page.Panel.GetByTestId("annotator-row").Filter(new() { HasText = ana })).ToContainTextAsync("Veracity: fake");
        await Expect(page.Panel.GetByTestId("annotator-row").Filter(new() { HasText = bea })).ToContainTextAsync("Veracity: disputed");
        await Expect(page.Panel.GetByTestId("attribute-disagreement")).ToHaveTextAsync("Attributes differ: Veracity");
        await Expect(page.DisagreedAttributes).ToHaveCountAsync(2);
        await Expect(page.DisagreedAttributes.First).ToHaveAttributeAsync("data-attribute", "veracity");

        // Act: accept Ana's span (her attributes come with it), then set the veracity to Bea's in the editor.
        await page.AcceptAsync(ana);
        await Expect(page.GoldItems).ToContainTextAsync("Veracity: fake");
        await page.GoldItems.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.AttributeField("veracity")).ToHaveValueAsync("fake");
        await Expect(page.AttributeField("confidence")).ToHaveValueAsync("4");
        await page.AttributeField("veracity").SelectOptionAsync("disputed");
        await page.Panel.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Assert: the page shows the edited gold span, and so does the server's curation view.
        await Expect(page.GoldItems).ToContainTextAsync("Veracity: disputed");
        await Expect(page.GoldItems).ToContainTextAsync($"edited from {ana} by {cora}");
        var response = await coraBrowser.Page.Context.APIRequest.GetAsync($"/api/documents/{fake}/curation");
        Assert.True(response.Ok, $"GET curation answered {response.Status}");
        var gold = (await response.JsonAsync())!.Value.GetProperty("gold").EnumerateArray().Single(g => g.GetProperty("start").GetInt32() == start);
        Assert.Equal("disputed", gold.GetProperty("attributes").GetProperty("veracity").GetString());
        Assert.Equal(4, gold.GetProperty("attributes").GetProperty("confidence").GetInt32());
        Assert.Equal("edited", gold.GetProperty("provenance").GetProperty("action").GetString());
        Assert.Empty(coraBrowser.ConsoleErrors);
    }

    [Fact]
    public async Task Annotators_See_No_Curate_Link()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync($"Plain annotator {Guid.NewGuid():N}"[..24], $"/documents/{Uri.EscapeDataString(Doc)}");

        await Expect(session.Page.GetByTestId("agreement-link")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("curate-link")).ToHaveCountAsync(0);
        await session.Page.GotoAsync("/");
        await Expect(session.Page.Locator("table.doc-table")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("export-link")).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }

    private static async Task AnnotateAsync(IPage page, string label, (int Start, int End) stretch, string document = Doc,
        string layer = "frame", Dictionary<string, object>? attributes = null)
    {
        var put = await page.Context.APIRequest.PutAsync($"/api/documents/{document}/annotations/{Guid.NewGuid()}", new()
        {
            DataObject = new { layer, label, start = stretch.Start, end = stretch.End, attributes = attributes ?? [] },
            Headers = await PageAntiforgery.HeadersAsync(page),
        });
        Assert.True(put.Ok, $"PUT span answered {put.Status}: {await put.TextAsync()}");
    }

    private static async Task LabelAsync(IPage page, string label)
    {
        var put = await page.Context.APIRequest.PutAsync($"/api/documents/{Doc}/labels/{Guid.NewGuid()}", new()
        {
            DataObject = new { layer = "stance", label },
            Headers = await PageAntiforgery.HeadersAsync(page),
        });
        Assert.True(put.Ok, $"PUT label answered {put.Status}: {await put.TextAsync()}");
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
}
