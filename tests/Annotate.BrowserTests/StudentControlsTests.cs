using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// On a server a class reaches over the network, a student who joined with the code is offered no teacher control:
/// no mode drop-down (the mode is shown as text), no Class link, no server folder; the teacher has all of them
/// (issue 16, point 5). A local server lets anyone change the mode, so only a network server can show this.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class StudentControlsTests(NetworkServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_Student_Sees_The_Mode_As_Text_And_No_Class_Link_While_The_Teacher_Has_Both()
    {
        // Arrange: the teacher signs in with their account and starts the class.
        await ClassroomTests.CreateOwnerAsync(server, "teacher", "Teacher", "teacher-password");
        await using var teacher = await browser.OpenAsync(server.BaseAddress);
        var code = await (await new ClassPage(teacher.Page).SignInAsync("teacher", "teacher-password", "Teacher")).StartAsync();
        var classLink = (IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Class", Exact = true });

        // Act: a student joins with the code on a phone, and both open the same document.
        await using var student = await browser.OpenPhoneAsync(server.BaseAddress);
        await new JoinPage(student.Page).JoinAsync(code, "Ana");
        var studentPage = await new AnnotationPage(student.Page).OpenAsync(Standard);
        var teacherPage = await new AnnotationPage(teacher.Page).OpenAsync(Standard);

        // Assert: the teacher may switch the mode and has the Class link; the student reads the mode and has neither.
        await Expect(teacherPage.Toolbar.GetByLabel("Visibility")).ToBeVisibleAsync();
        await Expect(classLink(teacher.Page)).ToBeAttachedAsync();
        await Expect(classLink(teacher.Page)).Not.ToHaveAttributeAsync("hidden", "");
        await Expect(studentPage.Visibility).ToHaveTextAsync("Blind");
        await Expect(student.Page.Locator("select#project-visibility")).ToHaveCountAsync(0);
        await Expect(student.Page.Locator("nav a[href='/class']:not([hidden])")).ToHaveCountAsync(0);

        // The corpus status keeps the server's folder from the student.
        await student.Page.GotoAsync("/status");
        await Expect(student.Page.GetByRole(AriaRole.Heading, new() { Name = "Corpus status" })).ToBeVisibleAsync();
        await Expect(student.Page.Locator("code.path")).ToHaveCountAsync(0);
        Assert.Empty(teacher.ConsoleErrors);
        Assert.Empty(student.ConsoleErrors);
    }
}
