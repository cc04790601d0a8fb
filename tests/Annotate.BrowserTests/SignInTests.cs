using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Signing_In_With_A_Display_Name_Shows_The_Name_And_The_Document_List()
    {
        // Arrange
        var documents = await server.DocumentsAsync();
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var signIn = await new SignInPage(session.Page).OpenAsync();

        // Act
        await signIn.SubmitAsync("Ada Lovelace");

        // Assert
        await Expect(signIn.SignedInName).ToHaveTextAsync("Ada Lovelace");
        await Expect(signIn.SignOutButton).ToBeVisibleAsync();
        await new DocumentListPage(session.Page).WaitForDocumentsAsync(documents.Count);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Signing_In_Without_A_Name_Says_What_Is_Missing()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var signIn = await new SignInPage(session.Page).OpenAsync();

        await signIn.SubmitAsync("   ");

        await Expect(signIn.Error).ToHaveTextAsync("Enter a display name.");
        await Expect(signIn.DisplayName).ToBeFocusedAsync();
        await Expect(signIn.SignedInName).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_Out_Returns_To_The_Sign_In_Form_And_Stays_Signed_Out()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var signIn = new SignInPage(session.Page);
        await signIn.SignInAsync("Grace Hopper");

        await signIn.SignOutButton.ClickAsync();
        await Expect(signIn.DisplayName).ToBeVisibleAsync();
        await session.Page.ReloadAsync();

        await Expect(signIn.DisplayName).ToBeVisibleAsync();
        await Expect(signIn.SignedInName).ToHaveCountAsync(0);
    }
}
