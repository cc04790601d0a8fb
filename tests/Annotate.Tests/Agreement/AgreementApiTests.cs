using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Agreement;

/// <summary>The agreement API, hub notifications and the command line on the same data, on a real server.</summary>
public sealed class AgreementApiTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Second = "highland-monitor.2026-03-07-sarn-pass-social-media-reactions";

    private static async Task OpenAsync(HubUser user, string visibility = "open") =>
        (await user.Http.PatchAsJsonAsync("/api/projects/default", new { visibility })).EnsureSuccessStatusCode();

    private static async Task<JsonElement> ReportAsync(HubUser user, string query = "")
    {
        var response = await user.Http.GetAsync($"/api/projects/default/agreement{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Layer(JsonElement report, string layer) =>
        report.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == layer);

    // Ana: protest 0–10, security 20–30. Ben: protest 0–8, protest 20–30. Both read the document.
    private static async Task AnnotateTwoReadingsAsync(HubUser ana, HubUser ben)
    {
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 20, 30);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 8);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);
    }

    [Fact]
    public async Task A_Blind_Project_Refuses_Agreement_Over_Http_And_The_Hub()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");

        var report = await ana.Http.GetAsync("/api/projects/default/agreement");
        var text = await ana.Http.GetAsync($"/api/documents/{Doc}/agreement/text");

        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        Assert.Equal("Blind project", (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, text.StatusCode);
        var refused = await Assert.ThrowsAsync<HubException>(() => ana.Hub.InvokeAsync("WatchAgreement", "default"));
        Assert.Contains("Blind project", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Project_Without_Annotations_Reports_No_Figures()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await OpenAsync(ana);

        var report = await ReportAsync(ana);

        Assert.Empty(report.GetProperty("documents").EnumerateArray());
        Assert.Empty(report.GetProperty("layers").EnumerateArray());
        Assert.Equal(0, report.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Bad_Requests_Are_Named()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await OpenAsync(ana);

        var samples = await ana.Http.GetAsync("/api/projects/default/agreement?bootstrap=5");
        var group = await ana.Http.GetAsync("/api/projects/default/agreement?groupBy=Not%20a%20name");
        var project = await ana.Http.GetAsync("/api/projects/nope/agreement");
        var document = await ana.Http.GetAsync("/api/projects/default/agreement?document=no.such-document");
        var attribute = await ana.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new Dictionary<string, string> { ["Bad Name"] = "x" } });
        var anonymous = await app.AnonymousClient().GetAsync("/api/projects/default/agreement");

        Assert.Contains("bootstrap", await samples.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, samples.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, group.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, attribute.StatusCode);
        Assert.Contains("attributes.Bad Name", await attribute.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await Assert.ThrowsAsync<HubException>(() => ana.Hub.InvokeAsync("WatchAgreement", "nope"));
    }

    [Fact]
    public async Task The_App_Reports_The_Same_Figures_As_The_Command_Line()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await OpenAsync(ana);
        await AnnotateTwoReadingsAsync(ana, ben);
        var text = (await ana.Http.GetFromJsonAsync<DocumentDetail>($"/api/documents/{Doc}"))!.Text;

        var report = await ReportAsync(ana);
        var frame = Layer(report, "frame").GetProperty("spans");

        // The same spans as a file, on the document's continuum.
        var csv = new StringBuilder("doc,coder,start,end,label\n")
            .Append(CultureInfo.InvariantCulture, $"{Doc},ana,0,10,protest\n{Doc},ana,20,30,security\n{Doc},ben,0,8,protest\n{Doc},ben,20,30,protest\n");
        var folder = TempFolder.Create();
        try
        {
            var file = Path.Combine(folder, "spans.csv");
            await File.WriteAllTextAsync(file, csv.ToString());
            var (exit, output, error) = await AnnotateProcess.RunAsync("agreement", "--spans", file, "--length", text.Length.ToString(CultureInfo.InvariantCulture), "--format", "json");
            Assert.True(exit == 0, error);
            var cli = JsonDocument.Parse(output).RootElement;
            foreach (var key in new[] { "alphaU", "spanF1Exact", "spanF1Overlap" })
            {
                Assert.Equal(cli.GetProperty(key).GetDouble(), frame.GetProperty(key).GetDouble(), 12);
            }

            Assert.Equal(cli.GetProperty("alphaUByLabel").GetProperty("protest").GetDouble(), frame.GetProperty("alphaUByLabel").GetProperty("protest").GetDouble(), 12);
            Assert.True(JsonElement.DeepEquals(cli.GetProperty("disagreements"), frame.GetProperty("disagreements")));

            // And the whole project straight from the database: identical layers, token alpha included.
            var (projectExit, projectOutput, projectError) = await AnnotateProcess.RunAsync("agreement", "--project", "default", "--db", app.DatabasePath, "--format", "json");
            Assert.True(projectExit == 0, projectError);
            var fromDatabase = JsonDocument.Parse(projectOutput).RootElement;
            Assert.True(JsonElement.DeepEquals(report.GetProperty("layers"), fromDatabase.GetProperty("layers")), "the app and `annotate agreement --project` differ");
        }
        finally
        {
            TempFolder.Delete(folder);
        }

        // Hand-checked: F1 exact has no match (0), overlap matches the two protests (2·1/4 = 0.5); one label
        // disagreement (20–30), one boundary disagreement (0–10 against 0–8).
        Assert.Equal(0, frame.GetProperty("spanF1Exact").GetDouble(), 12);
        Assert.Equal(0.5, frame.GetProperty("spanF1Overlap").GetDouble(), 12);
        Assert.Equal(1, frame.GetProperty("disagreements").GetProperty("boundary").GetInt32());
        Assert.Equal(1, frame.GetProperty("disagreements").GetProperty("label").GetInt32());
        Assert.True(frame.GetProperty("tokenAlpha").GetDouble() < 1);
        var pair = Assert.Single(frame.GetProperty("pairs").EnumerateArray());
        Assert.Equal(frame.GetProperty("tokenAlpha").GetDouble(), pair.GetProperty("tokenAlpha").GetDouble(), 12);
        var documentRow = Assert.Single(report.GetProperty("documents").EnumerateArray());
        Assert.Equal(Doc, documentRow.GetProperty("id").GetString());
        Assert.Equal(2, documentRow.GetProperty("annotators").GetInt32());
        Assert.Contains(frame.GetProperty("byLabel").EnumerateArray(), l => l.GetProperty("label").GetString() == "economic" && l.GetProperty("spans").GetInt32() == 0);
    }

    [Fact]
    public async Task Viewers_Are_Told_When_Figures_Change_And_The_Next_Report_Has_Them()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await using var viewer = await HubUser.SignInAsync(app, "Teacher");
        await OpenAsync(ana);
        await AnnotateTwoReadingsAsync(ana, ben);
        await ana.PutSpanAsync(Second, Guid.NewGuid().ToString(), "protest", 0, 12);
        await ben.PutSpanAsync(Second, Guid.NewGuid().ToString(), "protest", 2, 12);
        var before = await ReportAsync(viewer);
        await viewer.Hub.InvokeAsync("WatchAgreement", "default");

        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 20, 30);

        await Eventually.TrueAsync(() => viewer.AgreementUpdates.Any(u => u.DocumentIds.Contains(Doc)), "the viewer is told the document's agreement changed");
        var after = await ReportAsync(viewer);
        Assert.True(after.GetProperty("revision").GetInt64() > before.GetProperty("revision").GetInt64());
        Assert.NotEqual(
            Layer(before, "frame").GetProperty("spans").GetProperty("spanF1Exact").GetDouble(),
            Layer(after, "frame").GetProperty("spans").GetProperty("spanF1Exact").GetDouble());

        // The app recomputed one document and reused the other's cached figures: the sum must equal a computation
        // from scratch over the database.
        var (exit, output, error) = await AnnotateProcess.RunAsync("agreement", "--project", "default", "--db", app.DatabasePath, "--format", "json");
        Assert.True(exit == 0, error);
        Assert.True(JsonElement.DeepEquals(after.GetProperty("layers"), JsonDocument.Parse(output).RootElement.GetProperty("layers")), "incremental and full computations differ");
        Assert.Equal(2, after.GetProperty("documents").GetArrayLength());

        // Someone still watching is the sentinel: once they are told of the next change, a message to the viewer for
        // it would have been sent too (one message to the group), and the viewer's next call returns after it.
        await using var watcher = await HubUser.SignInAsync(app, "Watcher");
        await watcher.Hub.InvokeAsync("WatchAgreement", "default");
        await viewer.Hub.InvokeAsync("UnwatchAgreement", "default");
        var count = viewer.AgreementUpdates.Count;
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "legal", 40, 50);
        await Eventually.TrueAsync(() => watcher.AgreementUpdates.Any(u => u.DocumentIds.Contains(Doc)), "the watcher is told of the change");
        await viewer.Hub.InvokeAsync("UnwatchAgreement", "default");
        Assert.Equal(count, viewer.AgreementUpdates.Count);
    }

    [Fact]
    public async Task The_Text_Heat_Map_Shows_Where_Readings_Diverge_And_Who_Labelled_What()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await OpenAsync(ana, "reveal");
        await AnnotateTwoReadingsAsync(ana, ben);

        var heat = await ana.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/agreement/text");
        var segments = heat.GetProperty("segments").EnumerateArray()
            .Select(s => (Start: s.GetProperty("start").GetInt32(), End: s.GetProperty("end").GetInt32(), Agreement: s.GetProperty("agreement").GetDouble(), Labels: s.GetProperty("labels")))
            .ToList();

        Assert.Equal([(0, 8), (8, 10), (20, 30)], segments.Select(s => (s.Start, s.End)));
        Assert.Equal([1.0, 0.0, 0.0], segments.Select(s => s.Agreement));
        Assert.Equal("security", segments[2].Labels.GetProperty(ana.UserId)[0].GetString());
        Assert.Equal("protest", segments[2].Labels.GetProperty(ben.UserId)[0].GetString());
        Assert.Equal(0, segments[1].Labels.GetProperty(ben.UserId).GetArrayLength());
        Assert.Equal(2, heat.GetProperty("annotators").GetArrayLength());
    }

    [Fact]
    public async Task Perspective_Groups_Compare_Agreement_Within_And_Between_Groups()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await using var cat = await HubUser.SignInAsync(app, "Cat");
        await OpenAsync(ana);
        // Ana and Cat read the document alike; Ben differently.
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 30);
        await cat.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 30);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 10, 60);
        foreach (var (user, group) in new[] { (ana, "north"), (cat, "north"), (ben, "south") })
        {
            (await user.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group } })).EnsureSuccessStatusCode();
        }

        var annotators = await ana.Http.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");
        var report = await ReportAsync(ana, "?groupBy=group");

        Assert.Equal(3, annotators.GetArrayLength());
        Assert.Contains(annotators.EnumerateArray(), a => a.GetProperty("id").GetString() == ben.UserId && a.GetProperty("attributes").GetProperty("group").GetString() == "south");
        var groups = report.GetProperty("groups");
        var north = groups.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("value").GetString() == "north");
        Assert.Equal(1.0, north.GetProperty("tokenAlpha").GetDouble(), 12);
        var between = Assert.Single(groups.GetProperty("between").EnumerateArray());
        Assert.True(between.GetProperty("meanPairwiseAlpha").GetDouble() < 0.5);

        // An empty value removes the attribute again.
        var cleared = await cat.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group = "" } });
        Assert.Empty((await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attributes").EnumerateObject());
    }

    [Fact]
    public async Task Document_Labels_Get_The_Coding_Report_With_A_Bootstrap_Interval()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await OpenAsync(ana);
        foreach (var (user, doc, label) in new[] { (ana, Doc, "neutral"), (ben, Doc, "neutral"), (ana, Second, "pro-dalmor"), (ben, Second, "pro-varenia") })
        {
            (await user.Http.PutAsJsonAsync($"/api/documents/{doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label })).EnsureSuccessStatusCode();
        }

        var report = await ReportAsync(ana, "?bootstrap=200");
        var stance = Layer(report, "stance");

        Assert.Equal("document", stance.GetProperty("scope").GetString());
        var coding = stance.GetProperty("coding");
        Assert.Equal(2, coding.GetProperty("units").GetInt32());
        Assert.Equal(0.5, coding.GetProperty("percentAgreement").GetDouble(), 12);
        Assert.Equal(2, coding.GetProperty("ci95").GetProperty("krippendorffAlpha").GetArrayLength());
        Assert.Equal(4, coding.GetProperty("coincidence").GetProperty("categories").GetArrayLength()); // every label of the layer
    }

    [Fact]
    public async Task Chance_Of_A_Document_Label_Layer_Counts_Every_Label_The_Codebook_Declares_And_Layers_Keep_Codebook_Order()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await OpenAsync(ana);
        foreach (var (user, doc, label) in new[] { (ana, Doc, "neutral"), (ben, Doc, "neutral"), (ana, Second, "neutral"), (ben, Second, "mixed") })
        {
            (await user.Http.PutAsJsonAsync($"/api/documents/{doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label })).EnsureSuccessStatusCode();
        }

        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "denial", 20, 30, layer: "claim");

        var report = await ReportAsync(ana, "");
        var coding = Layer(report, "stance").GetProperty("coding");

        // Two of four declared labels were used; chance is 1/4, not 1/2: S = (0.5 − 1/4) / (1 − 1/4) = 1/3.
        Assert.Equal(1.0 / 3, coding.GetProperty("bennettS").GetDouble(), 12);
        Assert.Equal(1.0 / 3, coding.GetProperty("randolphKappa").GetDouble(), 12);
        Assert.Equal(["mixed", "neutral", "pro-dalmor", "pro-varenia"], coding.GetProperty("perCategory").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // The codebook lists frame, claim, source, stance (not alphabetical).
        var layers = report.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("layer").GetString()).ToList();
        Assert.Equal(["frame", "claim", "stance"], layers);
    }
}
