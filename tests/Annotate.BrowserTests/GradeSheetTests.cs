using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>A server of its own: the test sets an exercise key and runs rounds, which the shared servers' tests must not see.</summary>
public sealed class GradeSheetServer : AnnotateServer;

[CollectionDefinition(Name)]
public sealed class GradeSheetCollection : ICollectionFixture<GradeSheetServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Grade sheet";
}

/// <summary>
/// The grade sheet (issue 16, point 10) as a teacher sees it: students work (one on a phone), their readers report
/// activity, and the class page's Grade sheet card shows done of assigned and the scores against the key at a
/// round's end and now, live, with a CSV to download; the card fits a phone without sideways scrolling.
/// </summary>
[Collection(GradeSheetCollection.Name)]
public sealed class GradeSheetTests(GradeSheetServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Students_Work_And_The_Teacher_Sees_Done_Scores_Per_Round_And_Downloads_The_Csv()
    {
        // Arrange: a teacher starts a class; the key is the gold layer, with one span on the first document.
        await ClassroomTests.CreateOwnerAsync(server, "grades-teacher", "Teacher", "teacher-password");
        await using var teacher = await browser.OpenAsync(server.BaseAddress);
        var classPage = await new ClassPage(teacher.Page).SignInAsync("grades-teacher", "teacher-password", "Teacher");
        var code = await classPage.StartAsync();
        await SendAsync(teacher.Page, "PUT", "/api/projects/default/exercise", new { mode = "score", key = "gold" });
        var doc = (await server.DocumentsAsync())[0].Id;
        await SendAsync(teacher.Page, "PUT", $"/api/documents/{Uri.EscapeDataString(doc)}/gold/{Guid.NewGuid()}",
            new { layer = "frame", label = "protest", start = 0, end = 12, action = "created", sources = Array.Empty<string>() });

        await using var ana = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenPhoneAsync(server.BaseAddress);
        await new JoinPage(ana.Page).JoinAsync(code, "Ana");
        await new JoinPage(ben.Page).JoinAsync(code, "Ben");
        var card = teacher.Page.GetByTestId("class-grades");
        await Expect(Row(teacher.Page, "Ben")).ToBeVisibleAsync();

        // Act: Ana opens the document; her first interaction reports activity at once. She marks the key's span
        // (as her page would) and presses Done; Ben, on his phone, does nothing.
        await ana.Page.GotoAsync($"/documents/{Uri.EscapeDataString(doc)}");
        await Expect(ana.Page.GetByTestId("article-body")).ToBeVisibleAsync();
        var report = await ana.Page.RunAndWaitForResponseAsync(() => ana.Page.Mouse.MoveAsync(300, 300),
            r => r.Url.EndsWith("/activity", StringComparison.Ordinal));
        Assert.True(report.Ok, $"The activity report answered {report.Status}.");
        await SendAsync(ana.Page, "PUT", $"/api/documents/{Uri.EscapeDataString(doc)}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 12 });
        var done = ana.Page.GetByTestId("reader-done");
        await done.ClickAsync();
        await Expect(done).ToHaveAttributeAsync("aria-pressed", "true");

        // Assert: the sheet follows the Done without a reload.
        await Expect(Row(teacher.Page, "Ana").Locator("td").First).ToHaveTextAsync(Rx(@"^1 / \d+$"));
        await Expect(Row(teacher.Page, "Ben").Locator("td").First).ToHaveTextAsync(Rx(@"^0 / \d+$"));

        // Act: a blind round starts and ends (as the Rounds card does).
        await SendAsync(teacher.Page, "POST", "/api/projects/default/rounds", new { kind = "blind" });
        await SendAsync(teacher.Page, "POST", "/api/projects/default/rounds/end", null);

        // Assert: round 1's columns appear live, Ana's F1 is 1 at its end and now; Ben has no figure.
        await Expect(card.Locator("thead th")).ToHaveTextAsync(["Student", "Done", "Active min", "R1 overlap", "R1 exact", "Now overlap", "Now exact"]);
        await Expect(Row(teacher.Page, "Ana").Locator("td")).ToHaveTextAsync([Rx(@"^1 / \d+$"), Rx(@"^\d+\.\d$"), Rx("^1.00$"), Rx("^1.00$"), Rx("^1.00$"), Rx("^1.00$")]);
        await Expect(Row(teacher.Page, "Ben").Locator("td").Nth(2)).ToHaveTextAsync("–");
        await Expect(teacher.Page.GetByTestId("grades-notes")).ToContainTextAsync("mean span F1");

        // The CSV downloads with its name and the same figures.
        var download = await teacher.Page.RunAndWaitForDownloadAsync(() => teacher.Page.GetByTestId("grades-csv").ClickAsync());
        Assert.Equal("default-grades.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Student,Documents assigned,Done,Active minutes,Round 1 Blind: span F1 overlap,Round 1 Blind: span F1 exact,Now: span F1 overlap,Now: span F1 exact", lines[0]);
        Assert.Contains(lines, l => Rx(@"^Ana,\d+,1,\d+\.\d,1,1,1,1$").IsMatch(l));
        Assert.Contains(lines, l => Rx(@"^Ben,\d+,0,0\.0,,,,$").IsMatch(l));

        // Anonymised (the server's own fixture user is a student too), the sheet and its CSV link say Student N.
        await classPage.Anonymise.CheckAsync();
        await Expect(card.Locator("tbody th").First).ToHaveTextAsync("Student 1");
        await Expect(Row(teacher.Page, "Ana")).ToHaveCountAsync(0);
        await Expect(teacher.Page.GetByTestId("grades-csv")).ToHaveAttributeAsync("href", "/api/projects/default/grades.csv?anonymous=true");
        await classPage.Anonymise.UncheckAsync();
        await Expect(Row(teacher.Page, "Ana")).ToBeVisibleAsync();

        // The card on a projector's 1280×720 and a teacher's phone: no sideways scrolling on the phone.
        await teacher.Page.SetViewportSizeAsync(1280, 720);
        await ShootAsync(card, "grades-1280");
        await teacher.Page.SetViewportSizeAsync(390, 844);
        await Expect(Row(teacher.Page, "Ana")).ToBeVisibleAsync();
        var widths = await teacher.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The class page is {widths[0]} px wide on a {widths[1]} px screen.");
        var cardBox = (await card.BoundingBoxAsync())!;
        Assert.True(cardBox.X >= 0 && cardBox.X + cardBox.Width <= 390, $"The grade sheet card spans {cardBox.X}–{cardBox.X + cardBox.Width} px on a 390 px screen.");
        await ShootAsync(card, "grades-390");
        Assert.Empty(teacher.ConsoleErrors);
        // The exercise panel asks for a score after Done; while the blind round is open the API answers 409 (as
        // docs/api.md says), the one failed request a student's page may log.
        Assert.All(ana.ConsoleErrors.Concat(ben.ConsoleErrors), e => Assert.Contains("409", e, StringComparison.Ordinal));
    }

    private static System.Text.RegularExpressions.Regex Rx(string pattern) => new(pattern);

    private static ILocator Row(IPage page, string name) =>
        page.GetByTestId("grade-sheet").Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });

    /// <summary>A write through the page's own session, as its script would send it.</summary>
    private static async Task SendAsync(IPage page, string method, string path, object? body)
    {
        var response = await page.Context.APIRequest.FetchAsync(path, new()
        {
            Method = method,
            DataObject = body,
            Headers = await PageAntiforgery.HeadersAsync(page),
        });
        Assert.True(response.Ok, $"{method} {path} answered {response.Status}: {await response.TextAsync()}");
    }

    /// <summary>A screenshot of one element for looking at, when ANNOTATE_SCREENSHOTS names a folder.</summary>
    private static async Task ShootAsync(ILocator element, string name)
    {
        if (Environment.GetEnvironmentVariable("ANNOTATE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await element.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png") });
        }
    }
}
