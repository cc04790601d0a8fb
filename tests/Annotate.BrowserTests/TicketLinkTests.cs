using System.Text.RegularExpressions;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Classroom;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// A personal link opened where someone is already signed in (the teacher testing a student's link, a shared
/// classroom computer): the page asks before it replaces the session, and names both people.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class TicketLinkTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_Personal_Link_Asks_Before_Replacing_A_Signed_In_Session()
    {
        // Arrange: a teacher signed in, and a student of the class with a personal link.
        var userName = $"teacher-{Guid.NewGuid():N}"[..16];
        var student = $"Fay {Guid.NewGuid():N}"[..10];
        await ClassroomTests.CreateOwnerAsync(server, userName, "Link Teacher", "teacher-password");
        var added = await server.Services.GetRequiredService<StudentTickets>().AddAsync("default", student, CancellationToken.None);
        await using var teacher = await browser.OpenAsync(server.BaseAddress);
        var signIn = await new SignInPage(teacher.Page).OpenAsync("/");
        await signIn.UserName.FillAsync(userName);
        await signIn.Password.FillAsync("teacher-password");
        await signIn.AccountSignInButton.ClickAsync();
        await Expect(signIn.SignedInName).ToHaveTextAsync("Link Teacher");
        var join = new JoinPage(teacher.Page);

        // Act: open the link and stay. Assert: asked, and still the teacher, on the document list.
        await teacher.Page.GotoAsync(added.JoinPath);
        await Expect(join.TicketQuestion).ToContainTextAsync("You are signed in as Link Teacher.");
        await join.StaySignedInAs("Link Teacher").ClickAsync();
        await Expect(new DocumentListPage(teacher.Page).Heading).ToBeVisibleAsync();
        await Expect(join.SignedInName).ToHaveTextAsync("Link Teacher");

        // Act: open it again and continue. Assert: now the student.
        await teacher.Page.GotoAsync(added.JoinPath);
        await join.ContinueAs(student).ClickAsync();
        await Expect(join.SignedInName).ToHaveTextAsync(student);
        await Expect(teacher.Page).ToHaveURLAsync(new Regex("/$"));

        // Signed in as the student already, the link just goes on (nothing to ask).
        await teacher.Page.GotoAsync(added.JoinPath);
        await Expect(teacher.Page).ToHaveURLAsync(new Regex("/$"));
        await Expect(join.TicketQuestion).ToHaveCountAsync(0);
        Assert.Empty(teacher.ConsoleErrors);
    }
}
