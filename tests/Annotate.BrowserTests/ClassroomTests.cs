using System.Text.RegularExpressions;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Classroom;
using Annotate.Data;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Annotate.BrowserTests.LiveCollaborationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// A class as a teacher runs it: a code on the screen, students joining with it in their own browsers, a blind
/// round, the reveal, and the figures live on the teacher's screen with the names anonymised for the projector.
/// The project mode is shared by the collection, so the test puts it back to blind at the end.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClassroomTests(AnnotateServer server, BrowserFixture browser)
{
    private static readonly string[] Names = ["Ana", "Ben", "Cat"];

    [Fact]
    public async Task Students_Join_By_Code_Annotate_Blind_And_The_Teacher_Reveals_And_Sees_Live_Anonymous_Agreement()
    {
        // Arrange: the teacher is an account that owns the project.
        var userName = $"teacher-{Guid.NewGuid():N}"[..16];
        await CreateOwnerAsync(userName, "Teacher", "teacher-password");
        await using var teacher = await browser.OpenAsync(server.BaseAddress);
        var students = new List<BrowserSession>();
        try
        {
            var signIn = await new SignInPage(teacher.Page).OpenAsync("/class");
            await signIn.UserName.FillAsync(userName);
            await signIn.Password.FillAsync("teacher-password");
            await signIn.AccountSignInButton.ClickAsync();
            await Expect(signIn.SignedInName).ToHaveTextAsync("Teacher");
            await SetModeAsync(teacher.Page, "blind");
            var classPage = new ClassPage(teacher.Page);
            await Expect(classPage.Modes).ToBeVisibleAsync();

            // Act: start a class; the code and its link are on the screen.
            var code = await classPage.StartAsync();
            await Expect(classPage.JoinLink).ToHaveValueAsync($"{server.BaseAddress.ToString().TrimEnd('/')}/join?code={code}");
            await Expect(classPage.ModeButton("Blind")).ToHaveAttributeAsync("aria-pressed", "true");

            // Three students join with the link in their own browsers and each labels the same document blind.
            var pages = new List<AnnotationPage>();
            foreach (var (name, phrase, key) in new[] { ("Ana", "Varenian activists blocked", "b"), ("Ben", "Varenian activists blocked", "p"), ("Cat", "the only all-weather crossing", "b") })
            {
                var session = await browser.OpenAsync(server.BaseAddress);
                students.Add(session);
                await new JoinPage(session.Page).JoinAsync(code.ToLowerInvariant(), name);
                await Expect(session.Page).ToHaveURLAsync(new Regex("/$"));
                var page = await new AnnotationPage(session.Page).OpenAsync(Standard);
                await page.WaitForLiveAsync("blind");
                await LabelAsync(page, phrase, key);
                pages.Add(page);
            }

            // Assert: each sees only their own span.
            foreach (var page in pages)
            {
                await Expect(page.SpanRows).ToHaveCountAsync(1);
            }

            var anaSpan = Str(Assert.Single(await pages[0].SavedSpansAsync(Standard)), "id");
            await Expect(pages[1].HighlightsOf(anaSpan)).ToHaveCountAsync(0);

            // The teacher's table shows the three with one annotation each, and where they are.
            foreach (var name in Names)
            {
                await Expect(classPage.Annotations(name)).ToHaveTextAsync("1");
                await Expect(classPage.StudentRow(name)).ToContainTextAsync("Sarn Pass blockade");
            }

            // Act: reveal. Assert: Ben now sees Ana's span, without reloading.
            await classPage.ModeButton("Reveal").ClickAsync();
            await Expect(classPage.ModeButton("Reveal")).ToHaveAttributeAsync("aria-pressed", "true");
            await pages[1].WaitForLiveAsync("reveal");
            await Expect(pages[1].HighlightsOf(anaSpan)).Not.ToHaveCountAsync(0);
            await Expect(pages[1].SpanRows).Not.ToHaveCountAsync(1);

            // Act: anonymise. Assert: Student N only, and the full figures link keeps it.
            await classPage.Anonymise.CheckAsync();
            await Expect(classPage.StudentNames.First).ToHaveTextAsync(new Regex(@"^Student \d+$"));
            foreach (var name in Names)
            {
                await Expect(classPage.StudentRow(name)).ToHaveCountAsync(0);
            }

            await Expect(classPage.Students).Not.ToContainTextAsync("Ana");
            // Nothing else on the page names anyone either: the people and personal-link panels are hidden.
            await Expect(classPage.Root).Not.ToContainTextAsync("Ana", new() { UseInnerText = true });
            await Expect(teacher.Page.GetByTestId("class-roster")).ToBeHiddenAsync();
            await Expect(classPage.StudentNames.First).ToHaveTextAsync("Student 1");
            await Expect(classPage.AgreementLink).ToHaveAttributeAsync("href", "/agreement?anonymous=1");
            await Expect(teacher.Page).ToHaveURLAsync(new Regex(@"/class\?anonymous=1$"));

            // The live agreement is on the teacher's screen, and follows a new span.
            await Expect(classPage.TokenAlpha("frame")).ToHaveTextAsync(new Regex(@"^(−?\d\.\d\d|n/a)$"));
            await Expect(classPage.Agreement).ToHaveAttributeAsync("data-revision", new Regex(@"^\d+$"));
            var revision = await classPage.Agreement.GetAttributeAsync("data-revision");
            await LabelAsync(pages[2], "temperatures fell to minus twelve", "b");
            await Expect(classPage.Agreement).Not.ToHaveAttributeAsync("data-revision", revision!);
            await Expect(classPage.LastStudentAnnotations).ToHaveTextAsync("2");

            // The document shown to the class names nobody either: span list, people filter, presence markers and
            // the heat map's votes say Student N (the students are on the page, so their markers are there).
            var shown = new AnnotationPage(teacher.Page);
            await teacher.Page.GotoAsync($"/documents/{Standard}?anonymous=1");
            await shown.WaitForReadyAsync();
            await Expect(teacher.Page.GetByTestId("reader-anonymous")).ToBeVisibleAsync();
            await Expect(shown.SpanRows).Not.ToHaveCountAsync(0);
            await Expect(shown.SpanList).ToContainTextAsync("by Student ");
            await Expect(shown.PresenceMarkers).ToHaveCountAsync(3);
            foreach (var title in await shown.PresenceMarkers.EvaluateAllAsync<string[]>("ms => ms.map(m => m.title)"))
            {
                Assert.Matches(@"^Student \d+ is reading here$", title);
            }

            await teacher.Page.GetByTestId("heat-toggle").ClickAsync();
            var heat = new HeatMapPanel(teacher.Page);
            await Expect(heat.Status).ToContainTextAsync("labelled");
            await heat.ClickFirstSegmentAsync();
            await Expect(heat.Votes).ToContainTextAsync("Student ");
            var anyName = new Regex(@"\b(Ana|Ben|Cat)\b");
            await Expect(teacher.Page.Locator("main")).Not.ToContainTextAsync(anyName, new() { UseInnerText = true });
            await Expect(shown.Annotators).Not.ToContainTextAsync(anyName);

            Assert.Empty(teacher.ConsoleErrors);
            foreach (var session in students)
            {
                Assert.Empty(session.ConsoleErrors);
            }
        }
        finally
        {
            await SetModeAsync(teacher.Page, "blind");
            foreach (var session in students)
            {
                await session.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Teacher_Adds_Students_From_A_List_Spreads_The_Documents_And_Removes_A_Student()
    {
        // Arrange: a teacher who owns the project, on the class page, with every document for everyone.
        var userName = $"teacher-{Guid.NewGuid():N}"[..16];
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (dana, eli) = ($"Dana {suffix}", $"Eli {suffix}");
        await CreateOwnerAsync(userName, "Roster Teacher", "teacher-password");
        await SetAssignmentAsync(new AssignmentSettings(AssignmentSettings.All, null));
        await using var teacher = await browser.OpenAsync(server.BaseAddress);
        await using var student = await browser.OpenAsync(server.BaseAddress);
        try
        {
            var signIn = await new SignInPage(teacher.Page).OpenAsync("/class");
            await signIn.UserName.FillAsync(userName);
            await signIn.Password.FillAsync("teacher-password");
            await signIn.AccountSignInButton.ClickAsync();
            await Expect(signIn.SignedInName).ToHaveTextAsync("Roster Teacher");
            var classPage = new ClassPage(teacher.Page);
            await Expect(classPage.AssignmentSummary).ToHaveTextAsync("Everyone gets every document.");

            // Act: paste two names. Assert: a personal link each, with the "shown once" note.
            await classPage.AddStudentsAsync(dana, eli);
            await Expect(classPage.RosterOnceNote).ToContainTextAsync("shown once");
            await Expect(classPage.StudentRow(dana)).ToHaveCountAsync(1);
            var link = (await classPage.PersonalLink(dana).TextContentAsync())!;
            Assert.StartsWith(server.BaseAddress.ToString().TrimEnd('/') + "/join?ticket=", link, StringComparison.Ordinal);

            // Dana opens her link in her own browser: signed in as herself, on the document list, every document there.
            await new JoinPage(student.Page).SignInWithLinkAsync(link, dana);
            await Expect(student.Page).ToHaveURLAsync(new Regex("/$"));
            var list = new DocumentListPage(student.Page);
            await Expect(list.Heading).ToBeVisibleAsync();
            await Expect(list.Rows).Not.ToHaveCountAsync(0);
            await Expect(list.Table).Not.ToHaveAttributeAsync("aria-busy", "true");
            var everything = await list.Rows.CountAsync();

            // Act: spread with one annotator per document. Assert: Dana's list shrinks to her share.
            await classPage.SpreadAsync(1);
            await Expect(classPage.Assigned(dana)).ToHaveTextAsync(new Regex(@"^\d+$"));
            var share = int.Parse((await classPage.Assigned(dana).TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(share < everything, $"Dana has {share} of {everything} documents.");
            await student.Page.ReloadAsync();
            await list.WaitForDocumentsAsync(share);
            Assert.Empty(student.ConsoleErrors);

            // Act: remove Dana (after confirming). Assert: her next page load shows she has no access.
            await classPage.RemoveAsync(dana);
            await Expect(classPage.StudentRow(dana)).ToHaveCountAsync(0);
            await student.Page.ReloadAsync();
            await Expect(list.Heading).ToBeVisibleAsync();
            await Expect(list.Rows).ToHaveCountAsync(0);
            // No request of hers fails: the app simply has nothing to show her (and logs no error).
            Assert.Empty(student.ConsoleErrors);

            Assert.Empty(teacher.ConsoleErrors);
        }
        finally
        {
            await SetAssignmentAsync(new AssignmentSettings(AssignmentSettings.All, null));
        }
    }

    private async Task SetAssignmentAsync(AssignmentSettings settings)
    {
        using var scope = server.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Assignments>().SetAsync("default", settings, CancellationToken.None);
    }

    /// <summary>Labels a phrase of the first block with a label key and waits until it is saved.</summary>
    private static async Task LabelAsync(AnnotationPage page, string phrase, string key)
    {
        await page.DragOverAsync(0, phrase);
        await page.PressAsync(key);
        await page.WaitUntilSavedAsync();
    }

    private Task CreateOwnerAsync(string userName, string displayName, string password) => CreateOwnerAsync(server, userName, displayName, password);

    /// <summary>An account that owns the default project (a teacher), made straight in the server's database.</summary>
    internal static async Task CreateOwnerAsync(AnnotateServer server, string userName, string displayName, string password)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();
        var user = await users.CreateAccountAsync(userName, displayName, Passwords.Hash(password), serverOwner: false, CancellationToken.None);
        Assert.NotNull(user);
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        await new ProjectMembers(db, TimeProvider.System).SetAsync("default", user.UserId, "owner", CancellationToken.None);
    }
}
