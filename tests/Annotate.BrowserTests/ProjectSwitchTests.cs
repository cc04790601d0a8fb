using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Data;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

[Collection(TwoProjectCollection.Name)]
public sealed class ProjectSwitchTests(TwoProjectServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_Member_Of_Two_Projects_Switches_Between_Them_And_Sees_Each_Ones_Pages()
    {
        // Arrange: a second project owns the wire collection; an account belongs to both.
        var userName = $"member-{Guid.NewGuid():N}"[..16];
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Db>();
            var projects = new ProjectStore(db, TimeProvider.System);
            Assert.NotNull(await projects.CreateAsync("wire-class", "Wire class", "wire", CancellationToken.None));
            await projects.SetVisibilityAsync("wire-class", "open", CancellationToken.None);
            await projects.SetVisibilityAsync("default", "open", CancellationToken.None);
            var user = await scope.ServiceProvider.GetRequiredService<UserStore>()
                .CreateAccountAsync(userName, "Two Projects", Passwords.Hash("member-password"), serverOwner: false, CancellationToken.None);
            Assert.NotNull(user);
            var members = new ProjectMembers(db, TimeProvider.System);
            await members.SetAsync("default", user.UserId, "annotator", CancellationToken.None);
            await members.SetAsync("wire-class", user.UserId, "owner", CancellationToken.None);
        }

        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = session.Page;
        var signIn = await new SignInPage(page).OpenAsync("/");
        await signIn.UserName.FillAsync(userName);
        await signIn.Password.FillAsync("member-password");
        await signIn.AccountSignInButton.ClickAsync();
        await Expect(signIn.SignedInName).ToHaveTextAsync("Two Projects");

        // Assert: the switcher lists both projects.
        var switcher = page.GetByLabel("Project", new() { Exact = true });
        await Expect(switcher.Locator("option")).ToHaveCountAsync(2);
        await Expect(switcher.Locator("option[value='wire-class']")).ToHaveTextAsync("Wire class");

        // Act: choose the wire class, then open its agreement page from the navigation.
        await switcher.SelectOptionAsync("wire-class");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Navigation, new() { Name = "Main" }).GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Agreement" }).ClickAsync();

        // Assert: the project's figures load (no 404), and the choice survives a reload.
        await new AgreementPage(page).WaitForFiguresAsync();
        await page.ReloadAsync();
        await new AgreementPage(page).WaitForFiguresAsync();
        await Expect(switcher).ToHaveValueAsync("wire-class");

        // Act: a link naming the other project opens it and makes it current.
        await page.GotoAsync("/agreement?project=default");
        await new AgreementPage(page).WaitForFiguresAsync();
        await Expect(switcher).ToHaveValueAsync("default");
        Assert.Empty(session.ConsoleErrors);
    }
}
