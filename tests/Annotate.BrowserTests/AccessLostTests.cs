using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Classroom;
using Annotate.Collaboration;
using Annotate.Projects;
using Microsoft.Extensions.DependencyInjection;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>A student removed from the class while annotating: the page says so at once and takes no more work.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessLostTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_Student_Removed_While_Annotating_Is_Told_At_Once_And_The_Page_Takes_No_More_Work()
    {
        // Arrange: a student joined with the class code, one span saved.
        using var scope = server.Services.CreateScope();
        var code = (await scope.ServiceProvider.GetRequiredService<ClassroomStore>().StartAsync("default", CancellationToken.None)).Code;
        var name = $"Gone {Guid.NewGuid():N}"[..11];
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new JoinPage(session.Page).JoinAsync(code, name);
        var page = await new AnnotationPage(session.Page).OpenAsync(Standard);
        await page.SelectInBlockAsync(1, 0, 12);
        await page.PressAsync("b");
        await page.WaitUntilSavedAsync();
        var userId = Assert.Single(await page.SavedSpansAsync(Standard)).GetProperty("annotatorId").GetString()!;

        // Act: the teacher removes the student.
        await scope.ServiceProvider.GetRequiredService<ProjectMembers>().RemoveAsync("default", userId, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<MembershipSweep>().CheckNow();

        // Assert: said at the top at once; a label key now says why instead of saving; the labels are switched off.
        await Expect(page.Alert).ToContainTextAsync("removed from this project");
        await page.SelectInBlockAsync(1, 20, 30);
        await page.PressAsync("p");
        await Expect(session.Page.GetByTestId("annotate-hint")).ToContainTextAsync("removed from this project");
        await Expect(session.Page.GetByTestId("label-palette")).ToHaveAttributeAsync("inert", "");
        await Expect(page.SaveStatus).Not.ToHaveAttributeAsync("data-state", "failed");
    }
}
