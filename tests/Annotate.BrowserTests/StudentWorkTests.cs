using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>A server of its own: the test spreads the documents out, which the shared servers' tests must not see.</summary>
public sealed class StudentWorkServer : AnnotateServer;

[CollectionDefinition(Name)]
public sealed class StudentWorkCollection : ICollectionFixture<StudentWorkServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Student work";
}

/// <summary>
/// A class of five (issue 16, point 4), one of them on a phone: after joining, each student sees "Your documents"
/// with the teacher's instruction (as text), their share of the documents and a Done button each; the teacher's
/// progress table shows done, in progress and whether the stance was given, live, and a Reopen takes a Done back.
/// Done works from the document's own page too.
/// </summary>
[Collection(StudentWorkCollection.Name)]
public sealed class StudentWorkTests(StudentWorkServer server, BrowserFixture browser)
{
    private const string Instruction = "Read each article first.\nThen mark the frames, give the stance and press Done. <b>No HTML</b>";

    [Fact]
    public async Task Five_Students_See_Their_Documents_And_The_Instruction_Press_Done_And_The_Teacher_Sees_Who_Is_Done_And_Who_Gave_The_Stance()
    {
        // Arrange: a teacher on the class page writes the instruction and starts a class.
        await ClassroomTests.CreateOwnerAsync(server, "work-teacher", "Teacher", "teacher-password");
        await using var teacher = await browser.OpenAsync(server.BaseAddress);
        var classPage = await new ClassPage(teacher.Page).SignInAsync("work-teacher", "teacher-password", "Teacher");
        var code = await classPage.StartAsync();
        await teacher.Page.GetByTestId("instruction-input").FillAsync(Instruction);
        var saved = await teacher.Page.RunAndWaitForResponseAsync(() => teacher.Page.GetByTestId("instruction-save").ClickAsync(),
            r => r.Url.EndsWith("/class/instruction", StringComparison.Ordinal));
        Assert.True(saved.Ok, $"Saving the instruction answered {saved.Status}.");

        // Five students join in their own browsers, the last on a phone; then the documents are dealt out.
        var names = new[] { "Ana", "Ben", "Cat", "Dan", "Eve" };
        var sessions = new List<BrowserSession>();
        try
        {
            foreach (var name in names)
            {
                var session = name == "Eve" ? await browser.OpenPhoneAsync(server.BaseAddress) : await browser.OpenAsync(server.BaseAddress);
                sessions.Add(session);
                await new JoinPage(session.Page).JoinAsync(code, name);
            }

            await classPage.SpreadAsync(1);
            var students = new List<YourDocumentsPage>();
            foreach (var (session, name) in sessions.Zip(names))
            {
                await session.Page.ReloadAsync();
                var mine = new YourDocumentsPage(session.Page);
                students.Add(mine);

                // Assert: the instruction as the teacher wrote it (text, not markup), and their share, none done yet.
                await Expect(mine.Panel).ToBeVisibleAsync();
                await Expect(mine.Instruction).ToHaveTextAsync(Instruction);
                await Expect(mine.Instruction.Locator("b")).ToHaveCountAsync(0);
                await Expect(classPage.Assigned(name)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"));
                var share = (await classPage.Assigned(name).TextContentAsync())!;
                await Expect(mine.Items).ToHaveCountAsync(int.Parse(share, System.Globalization.CultureInfo.InvariantCulture));
                await Expect(mine.Summary).ToHaveTextAsync($"0 of {share} done");
            }

            var (ana, ben, eve) = (students[0], students[1], students[4]);
            var anaDoc = await ana.DocumentIdAsync(0);
            var benDoc = await ben.DocumentIdAsync(0);
            var eveDoc = await eve.DocumentIdAsync(0);

            // Act: Ana presses Done from the keyboard; Ben gives a stance but is not done; Eve, on her phone, gives a
            // stance and taps Done.
            await ana.DoneButton(anaDoc).FocusAsync();
            await ana.Page.Keyboard.PressAsync("Enter");
            await GiveStanceAsync(ben.Page, benDoc);
            await GiveStanceAsync(eve.Page, eveDoc);
            await eve.Page.ReloadAsync();
            await Expect(eve.Stance(eveDoc)).ToHaveTextAsync("Stance given");
            await eve.DoneButton(eveDoc).TapAsync();
            // Cat says so from the document's own page.
            var catDoc = await students[2].DocumentIdAsync(0);
            await students[2].Page.GotoAsync($"/documents/{Uri.EscapeDataString(catDoc)}");
            var catDone = students[2].Page.GetByTestId("reader-done");
            await Expect(catDone).ToHaveTextAsync("Done");
            await catDone.ClickAsync();
            await Expect(catDone).ToHaveAttributeAsync("aria-pressed", "true");

            // Assert: the students' own pages.
            await Expect(ana.State(anaDoc)).ToContainTextAsync("Done");
            await Expect(ana.DoneButton(anaDoc)).ToHaveTextAsync("Reopen");
            await Expect(ana.DoneButton(anaDoc)).ToBeFocusedAsync();
            await Expect(eve.State(eveDoc)).ToContainTextAsync("Done");
            await Expect(eve.DoneButton(eveDoc)).ToBeInViewportAsync();
            var widths = await eve.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"The phone page is {widths[0]} px wide on a {widths[1]} px screen.");

            // The teacher's progress table: done with the stance, in progress with it, done without it, not started.
            await Expect(Chip(teacher.Page, "Eve", eveDoc)).ToHaveAttributeAsync("data-state", "done");
            await Expect(Chip(teacher.Page, "Eve", eveDoc)).ToHaveAttributeAsync("data-stance", "true");
            await Expect(Chip(teacher.Page, "Ben", benDoc)).ToHaveAttributeAsync("data-state", "started");
            await Expect(Chip(teacher.Page, "Ben", benDoc)).ToHaveAttributeAsync("data-stance", "true");
            await Expect(Chip(teacher.Page, "Ana", anaDoc)).ToHaveAttributeAsync("data-state", "done");
            await Expect(Chip(teacher.Page, "Ana", anaDoc)).ToHaveAttributeAsync("data-stance", "false");
            await Expect(Chip(teacher.Page, "Cat", catDoc)).ToHaveAttributeAsync("data-state", "done");
            await Expect(ProgressRow(teacher.Page, "Dan").GetByTestId("progress-done")).ToContainTextAsync("0 / ");
            await Expect(ProgressRow(teacher.Page, "Ana").GetByTestId("progress-done")).ToContainTextAsync("1 / ");

            await ShootAsync(ana.Page, "student-desktop", fullPage: false, width: 1280, height: 720);

            // Act: Ana takes her Done back. Assert: not started again on her page and the teacher's.
            await ana.Page.Keyboard.PressAsync("Enter");
            await Expect(ana.DoneButton(anaDoc)).ToHaveTextAsync("Done");
            await Expect(ana.State(anaDoc)).ToHaveTextAsync("Not started");
            await Expect(Chip(teacher.Page, "Ana", anaDoc)).ToHaveAttributeAsync("data-state", "new");

            await ShootAsync(eve.Page, "student-phone", fullPage: false);
            await ShootAsync(teacher.Page, "teacher-dashboard", fullPage: true);
            Assert.Empty(teacher.ConsoleErrors);
            Assert.All(sessions, s => Assert.Empty(s.ConsoleErrors));
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static ILocator ProgressRow(IPage page, string name) =>
        page.GetByTestId("class-progress").Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });

    private static ILocator Chip(IPage page, string name, string documentId) =>
        ProgressRow(page, name).Locator($"[data-testid='progress-doc'][data-id='{documentId}']");

    /// <summary>The document's stance, given through the API as the page would (the labels tab is covered elsewhere).</summary>
    private static async Task GiveStanceAsync(IPage page, string documentId)
    {
        var response = await page.Context.APIRequest.PutAsync($"/api/documents/{Uri.EscapeDataString(documentId)}/labels/{Guid.NewGuid()}", new()
        {
            DataObject = new { layer = "stance", label = "neutral" },
            Headers = await PageAntiforgery.HeadersAsync(page),
        });
        Assert.True(response.Ok, $"The stance answered {response.Status}: {await response.TextAsync()}");
    }

    /// <summary>A full-page screenshot for looking at, when ANNOTATE_SCREENSHOTS names a folder.</summary>
    private static async Task ShootAsync(IPage page, string name, bool fullPage, int? width = null, int? height = null)
    {
        if (Environment.GetEnvironmentVariable("ANNOTATE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            if (width is { } w && height is { } h)
            {
                await page.SetViewportSizeAsync(w, h);
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage });
        }
    }
}
