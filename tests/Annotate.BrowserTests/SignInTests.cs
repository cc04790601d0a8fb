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

    [Fact]
    public async Task Typing_A_Name_While_The_Server_Says_Which_Way_In_Works_Loses_No_Keystroke()
    {
        // The page asks the server which way in works here; its answer, arriving while someone types, must not
        // redraw or move the form under their fingers (a moved input loses focus, and the next keys go nowhere).
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var answered = new TaskCompletionSource();
        await session.Page.RouteAsync("**/api/session/options", async route =>
        {
            await answered.Task;
            await route.ContinueAsync();
        });
        var signIn = new SignInPage(session.Page);
        await session.Page.GotoAsync("/");
        await Expect(session.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Sign in to Annotate" })).ToBeVisibleAsync();
        var field = session.Page.GetByRole(Microsoft.Playwright.AriaRole.Textbox, new() { Name = "Display name" });
        var shown = await field.IsVisibleAsync();
        if (shown) await field.PressSequentiallyAsync("Kat");

        answered.SetResult();
        await Expect(session.Page.Locator(".sign-in-options[data-mode]")).ToHaveCountAsync(1);
        if (!shown) await field.PressSequentiallyAsync("Kat");
        await session.Page.Keyboard.TypeAsync("e Ng");

        await Expect(signIn.DisplayName).ToHaveValueAsync("Kate Ng");
        await signIn.SignInButton.ClickAsync();
        await Expect(signIn.SignedInName).ToHaveTextAsync("Kate Ng");
    }
}
