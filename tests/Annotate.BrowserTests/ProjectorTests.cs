using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// The projector view of a class at 1280×720: the join code large and whole, the join link in full, and a QR code
/// of that link, all on the screen at once without scrolling.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ProjectorTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task The_Projector_Shows_The_Whole_Code_The_Full_Link_And_A_QR_Code_Of_It_On_One_Screen()
    {
        // Arrange: a teacher with a class.
        var userName = $"projector-{Guid.NewGuid():N}"[..18];
        await ClassroomTests.CreateOwnerAsync(server, userName, "Projecting teacher", "teacher-password");
        await using var teacher = await browser.OpenAsync(server.BaseAddress, 1280, 720);
        var signIn = await new SignInPage(teacher.Page).OpenAsync("/class");
        await signIn.UserName.FillAsync(userName);
        await signIn.Password.FillAsync("teacher-password");
        await signIn.AccountSignInButton.ClickAsync();
        var classPage = new ClassPage(teacher.Page);
        await Expect(classPage.Modes).ToBeVisibleAsync();
        var code = await classPage.StartAsync();
        var link = await classPage.JoinLink.InputValueAsync();

        // Act
        await teacher.Page.GetByTestId("projector-open").ClickAsync();

        // Assert: code, link and QR code are all in view, none cut (nothing wider than its box), no scrolling.
        var projector = teacher.Page.GetByTestId("projector");
        await Expect(projector).ToBeVisibleAsync();
        await Expect(projector.GetByTestId("projector-code")).ToHaveTextAsync(code);
        await Expect(projector.GetByTestId("projector-link")).ToHaveTextAsync(link);
        foreach (var id in new[] { "projector-code", "projector-link", "projector-qr" })
        {
            await Expect(projector.GetByTestId(id)).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        var cut = await teacher.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-testid=projector] *')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline')
              .map(e => `${e.dataset.testid ?? e.tagName}: ${e.scrollWidth} > ${e.clientWidth}`)
            """);
        Assert.Empty(cut);
        var codeHeight = (await projector.GetByTestId("projector-code").BoundingBoxAsync())!.Height;
        Assert.True(codeHeight >= 60, $"The code is {codeHeight} px tall: too small to read from the back of a room.");
        var qr = projector.GetByTestId("projector-qr");
        Assert.True(int.Parse(await qr.GetAttributeAsync("data-modules") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 21);
        Assert.True((await qr.BoundingBoxAsync())!.Width >= 300);
        await Expect(qr).ToHaveAttributeAsync("aria-label", $"QR code of the join link {link}");

        // Esc closes it, back to the class page.
        await teacher.Page.Keyboard.PressAsync("Escape");
        await Expect(projector).ToHaveCountAsync(0);
        await Expect(classPage.Code).ToHaveTextAsync(code);
        Assert.Empty(teacher.ConsoleErrors);
    }
}
