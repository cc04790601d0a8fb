using System.Text.Json;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>A server of its own: the test turns exercises on and changes the project's mode.</summary>
public sealed class ExerciseServer : AnnotateServer;

[CollectionDefinition(Name)]
public sealed class ExerciseCollection : ICollectionFixture<ExerciseServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Exercises";
}

/// <summary>
/// Exercises against the teacher's key (issue 16, point 8) with a class of five, one on a phone: the teacher sets the
/// mode and key on the Exercise card; nothing is shown before Done, nor while the class is blind; after Done a student
/// sees their score (score only), the key's spans beside theirs (where you differ), or their spans flagged and the
/// part they missed without the answer (guided fix), reopens, revises and sees before and after.
/// </summary>
[Collection(ExerciseCollection.Name)]
public sealed class ExerciseTests(ExerciseServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Five_Students_Get_Feedback_Against_The_Key_Only_After_Done_And_Never_While_Blind()
    {
        // Arrange: the teacher starts a blind class; five students join, Eve on a phone.
        await ClassroomTests.CreateOwnerAsync(server, "exercise-teacher", "Teacher", "teacher-password");
        await using var teacher = await browser.OpenAsync(server.BaseAddress);
        var classPage = await new ClassPage(teacher.Page).SignInAsync("exercise-teacher", "teacher-password", "Teacher");
        var code = await classPage.StartAsync();
        await classPage.ModeButton("Blind").ClickAsync();
        await Expect(classPage.ModeButton("Blind")).ToHaveAttributeAsync("aria-pressed", "true");
        var names = new[] { "Ana", "Ben", "Cat", "Dan", "Eve" };
        var sessions = new Dictionary<string, BrowserSession>();
        try
        {
            foreach (var name in names)
            {
                sessions[name] = name == "Eve" ? await browser.OpenPhoneAsync(server.BaseAddress) : await browser.OpenAsync(server.BaseAddress);
                await new JoinPage(sessions[name].Page).JoinAsync(code, name);
            }

            var (ana, ben, cat, dan, eve) = (sessions["Ana"].Page, sessions["Ben"].Page, sessions["Cat"].Page, sessions["Dan"].Page, sessions["Eve"].Page);
            await ana.ReloadAsync();
            var doc = await new YourDocumentsPage(ana).DocumentIdAsync(0);
            // The key (gold): protest 0–10, and an economic span inside the second long paragraph.
            var paragraph = await LongBlockAsync(teacher.Page, doc, 1);
            await WriteAsync(teacher.Page, $"/api/documents/{doc}/gold/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 10, action = "created", sources = Array.Empty<string>() });
            await WriteAsync(teacher.Page, $"/api/documents/{doc}/gold/{Guid.NewGuid()}", new { layer = "frame", label = "economic", start = paragraph + 5, end = paragraph + 15, action = "created", sources = Array.Empty<string>() });
            // The students' work: Ana and Cat exactly the key's protest span, Ben and Eve a boundary off, Dan nothing.
            var eveSpan = Guid.NewGuid();
            await SpanAsync(ana, doc, Guid.NewGuid(), "protest", 0, 10);
            await SpanAsync(cat, doc, Guid.NewGuid(), "protest", 0, 10);
            await SpanAsync(ben, doc, Guid.NewGuid(), "protest", 2, 10);
            await SpanAsync(eve, doc, eveSpan, "protest", 2, 10);
            await SetExerciseAsync(teacher.Page, "score");

            // Act: Ana opens the document while the class is blind. Assert: nothing before Done, only a wait after it.
            var anaReader = await OpenReaderAsync(ana, doc);
            await Expect(Panel(ana)).ToBeHiddenAsync();
            await anaReader.ClickAsync();
            await Expect(ana.GetByTestId("exercise-waiting")).ToBeVisibleAsync();
            await Expect(ana.GetByTestId("exercise-score")).ToHaveCountAsync(0);

            // Act: the teacher opens the class. Assert: Ana's score, on the page and in "Your documents"; Dan, not done, sees none.
            await classPage.ModeButton("Open").ClickAsync();
            await Expect(classPage.ModeButton("Open")).ToHaveAttributeAsync("aria-pressed", "true");
            await ana.ReloadAsync();
            await Expect(ana.GetByTestId("exercise-headline")).ToContainTextAsync("Span F1 67% by overlap, 67% exact");
            await Expect(ana.GetByTestId("exercise-by-label")).ToBeVisibleAsync();
            await Expect(ana.GetByTestId("exercise-differences")).ToHaveCountAsync(0);
            await ana.GotoAsync("/");
            await Expect(new YourDocumentsPage(ana).Item(doc).GetByTestId("exercise-headline")).ToContainTextAsync("Span F1 67%");
            await OpenReaderAsync(dan, doc);
            await Expect(Panel(dan)).ToBeHiddenAsync();
            await dan.GotoAsync("/");
            await Expect(new YourDocumentsPage(dan).Item(doc)).ToBeVisibleAsync();
            await Expect(dan.GetByTestId("work-score")).ToHaveCountAsync(0);

            // Act: "where you differ"; Ben presses Done. Assert: the key's spans beside his, each difference named.
            await SetExerciseAsync(teacher.Page, "differ");
            await (await OpenReaderAsync(ben, doc)).ClickAsync();
            var differences = ben.GetByTestId("exercise-differences");
            await Expect(differences).ToHaveAttributeAsync("data-mode", "differ");
            await Expect(Difference(ben, "boundary")).ToContainTextAsync("Boundary differs");
            await Expect(Difference(ben, "boundary").Locator(".mark-key")).ToHaveCountAsync(1);
            await Expect(Difference(ben, "boundary").Locator(".mark-yours")).ToHaveCountAsync(1);
            await Expect(Difference(ben, "missed")).ToContainTextAsync("Missed: only the key has it");
            await Expect(ben.GetByTestId("legend-key")).ToBeVisibleAsync();
            await ShootAsync(ben, "exercise-differ-desktop", 1280, 720);
            await ShootAsync(ben, "exercise-differ-text", 1280, 720, ben.GetByTestId("article-body").Locator("[data-block]").First);

            // Act: "guided fix"; Eve, on her phone, taps Done. Assert: her span flagged, the paragraph she missed
            // something in, and neither the key's spans nor its labels.
            await SetExerciseAsync(teacher.Page, "guided");
            var eveDone = await OpenReaderAsync(eve, doc);
            await eveDone.TapAsync();
            await Expect(eve.GetByTestId("exercise-differences")).ToHaveAttributeAsync("data-mode", "guided");
            await Expect(Difference(eve, "boundary")).ToContainTextAsync("Right label, boundary off");
            await Expect(eve.GetByTestId("exercise-region")).ToHaveCountAsync(1);
            await Expect(eve.GetByTestId("exercise-differences").Locator(".mark-key")).ToHaveCountAsync(0);
            await Expect(eve.GetByTestId("exercise-differences")).Not.ToContainTextAsync("The key’s");
            await AssertNoSidewaysScrollAsync(eve);
            await ShootAsync(eve, "exercise-guided-phone", null, null);

            // Act: Eve reopens, fixes both, and taps Done again. Assert: her first and latest scores.
            await eve.GetByTestId("exercise-reopen").TapAsync();
            await Expect(eveDone).ToHaveTextAsync("Done");
            await Expect(Panel(eve)).ToBeHiddenAsync();
            await SpanAsync(eve, doc, eveSpan, "protest", 0, 10, version: 1);
            await SpanAsync(eve, doc, Guid.NewGuid(), "economic", paragraph + 5, paragraph + 15);
            await eveDone.TapAsync();
            await Expect(eve.GetByTestId("exercise-before-after")).ToHaveTextAsync("First try 67%, after 1 revision 100% (better).");
            await Expect(eve.GetByTestId("exercise-region")).ToHaveCountAsync(0);
            await Expect(eve.GetByTestId("exercise-difference-summary")).ToHaveTextAsync("2 × right");
            await AssertNoSidewaysScrollAsync(eve);

            // Cat presses Done in "Your documents": her score appears under the document.
            await cat.ReloadAsync();
            var catDocs = new YourDocumentsPage(cat);
            await catDocs.DoneButton(doc).ClickAsync();
            await Expect(catDocs.Item(doc).GetByTestId("exercise-headline")).ToContainTextAsync("Span F1 67%");

            // The teacher's card keeps what was saved.
            await teacher.Page.ReloadAsync();
            await Expect(teacher.Page.GetByTestId("exercise-mode-guided")).ToBeCheckedAsync();
            await ShootAsync(teacher.Page, "exercise-teacher-card", 1280, 720, teacher.Page.GetByTestId("class-exercise"));

            // Only the blind wait failed a request (409), as the API says it does.
            Assert.Empty(teacher.ConsoleErrors);
            Assert.All(sessions.Values.SelectMany(s => s.ConsoleErrors), e => Assert.Contains("409", e, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static ILocator Panel(IPage page) => page.GetByTestId("exercise-panel");

    private static ILocator Difference(IPage page, string kind) =>
        page.GetByTestId("exercise-differences").Locator($"[data-testid='exercise-difference'][data-kind='{kind}']");

    /// <summary>Opens the document page and returns its Done button once it is there (a student's document).</summary>
    private static async Task<ILocator> OpenReaderAsync(IPage page, string documentId)
    {
        await page.GotoAsync($"/documents/{Uri.EscapeDataString(documentId)}");
        var done = page.GetByTestId("reader-done");
        await Expect(done).ToBeVisibleAsync();
        return done;
    }

    /// <summary>The teacher chooses the mode on the class page's Exercise card, the gold layer as the key, and saves.</summary>
    private static async Task SetExerciseAsync(IPage page, string mode)
    {
        await page.GetByTestId($"exercise-mode-{mode}").CheckAsync();
        await page.GetByTestId("exercise-key").SelectOptionAsync("gold");
        var saved = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("exercise-save").ClickAsync(),
            r => r.Url.EndsWith("/exercise", StringComparison.Ordinal) && r.Request.Method == "PUT");
        Assert.True(saved.Ok, $"Saving the exercise answered {saved.Status}.");
    }

    /// <summary>The start of the n-th block longer than 30 characters.</summary>
    private static async Task<int> LongBlockAsync(IPage page, string documentId, int index)
    {
        var response = await page.Context.APIRequest.GetAsync($"/api/documents/{Uri.EscapeDataString(documentId)}");
        var blocks = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("blocks").EnumerateArray()
            .Select(b => (Start: b.GetProperty("start").GetInt32(), End: b.GetProperty("end").GetInt32())).Where(b => b.End - b.Start > 30).ToList();
        return blocks[index].Start;
    }

    /// <summary>A span written through the page's own session, as the page would (making spans by hand is covered elsewhere).</summary>
    private static Task SpanAsync(IPage page, string documentId, Guid id, string label, int start, int end, int? version = null) =>
        WriteAsync(page, $"/api/documents/{Uri.EscapeDataString(documentId)}/annotations/{id}", new { layer = "frame", label, start, end, version });

    private static async Task WriteAsync(IPage page, string path, object body)
    {
        var response = await page.Context.APIRequest.PutAsync(path, new() { DataObject = body, Headers = await PageAntiforgery.HeadersAsync(page) });
        Assert.True(response.Ok, $"PUT {path} answered {response.Status}: {await response.TextAsync()}");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The phone page is {widths[0]} px wide on a {widths[1]} px screen.");
    }

    /// <summary>A screenshot for looking at, when ANNOTATE_SCREENSHOTS names a folder (of one element when given).</summary>
    private static async Task ShootAsync(IPage page, string name, int? width, int? height, ILocator? element = null)
    {
        if (Environment.GetEnvironmentVariable("ANNOTATE_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        if (width is { } w && height is { } h)
        {
            await page.SetViewportSizeAsync(w, h);
        }

        var path = Path.Combine(folder, $"{name}.png");
        await (element is null ? page.ScreenshotAsync(new() { Path = path }) : element.ScreenshotAsync(new() { Path = path }));
    }
}
