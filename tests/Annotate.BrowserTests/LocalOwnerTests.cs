using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>The first hour on one's own machine: the display name comes first, and its owner curates without the CLI.</summary>
[Collection(EditableCorpusCollection.Name)]
public sealed class LocalOwnerTests(EditableCorpusServer server, BrowserFixture browser)
{
    [Fact]
    public async Task On_This_Machine_The_Display_Name_Comes_First_And_Its_Owner_Curates_And_Has_No_Password_Form()
    {
        // Arrange
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var signIn = await new SignInPage(session.Page).OpenAsync();

        // Assert: the form that works here first, with the owner's choice explained.
        await Expect(session.Page.Locator(".sign-in-options[data-mode='local']")).ToHaveCountAsync(1);
        Assert.Equal(["display-name-form", "account-sign-in-form"], await signIn.FormOrderAsync());
        await Expect(session.Page.GetByText("make me the owner")).ToBeVisibleAsync();

        // Act: sign in as the owner and open the article.
        await signIn.DisplayName.FillAsync("Rosa at the desk");
        await signIn.OwnerChoice.CheckAsync();
        await signIn.SignInButton.ClickAsync();
        await Expect(signIn.SignedInName).ToHaveTextAsync("Rosa at the desk");
        await new AnnotationPage(session.Page).OpenAsync(EditableCorpusServer.DocumentId);

        // Assert: the way to curate is there; the account page offers no password to change.
        await Expect(session.Page.GetByTestId("curate-link")).ToBeVisibleAsync();
        var account = new AccountPage(session.Page);
        await session.Page.GotoAsync("/account");
        await Expect(account.Heading).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("no-password")).ToBeVisibleAsync();
        await Expect(account.ChangePasswordButton).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }
}
