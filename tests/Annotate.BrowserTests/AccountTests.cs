using System.Net;
using System.Net.Http.Headers;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Sessions;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_New_Token_Is_Shown_Once_Works_And_Stops_Working_When_Revoked()
    {
        // Arrange
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Token Tester");
        var account = await new AccountPage(session.Page).OpenFromMenuAsync();
        Assert.EndsWith("/account", session.Page.Url, StringComparison.Ordinal);

        // Act
        var token = await account.CreateTokenAsync("export script");

        // Assert: shown once with how to use it, listed, and usable by a script.
        await Expect(account.NewTokenPanel).ToContainTextAsync("you will not see it again");
        await Expect(account.NewTokenPanel).ToContainTextAsync($"Authorization: Bearer {token}");
        await Expect(account.NewTokenPanel).ToContainTextAsync("access_token");
        await Expect(account.Row("export script")).ToContainTextAsync("Never");
        Assert.Equal(HttpStatusCode.OK, await SessionStatusWithAsync(token));

        // Act: revoke it, after confirming.
        await account.RevokeAsync("export script");

        // Assert
        await Expect(account.Row("export script")).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionStatusWithAsync(token));
        await session.Page.ReloadAsync();
        await Expect(account.Row("export script")).ToContainTextAsync("Revoked");
        await Expect(account.NewToken).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_Token_Needs_A_Name()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Nameless Token");
        var account = await new AccountPage(session.Page).OpenFromMenuAsync();

        await account.CreateTokenButton.ClickAsync();

        await Expect(session.Page.Locator("#token-name-error")).ToContainTextAsync("Name the token");
        await Expect(account.TokenName).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_Password_Form_Checks_The_Repeat_And_A_Display_Name_Person_Has_None()
    {
        // Arrange: an account, and someone who signed in with a display name.
        var userName = $"rep-{Guid.NewGuid():N}"[..12];
        await CreateAccountAsync(userName, "Repeat Checker", "first-password");
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var signIn = await new SignInPage(session.Page).OpenAsync();
        await signIn.UserName.FillAsync(userName);
        await signIn.Password.FillAsync("first-password");
        await signIn.AccountSignInButton.ClickAsync();
        await Expect(signIn.SignedInName).ToHaveTextAsync("Repeat Checker");
        var account = await new AccountPage(session.Page).OpenFromMenuAsync();

        // Act: a repeat that differs is caught before asking the server.
        await account.ChangePasswordAsync("first-password", "a-long-password", "a-long-passwort");

        // Assert
        await Expect(account.RepeatPasswordError).ToHaveTextAsync("The two new passwords are not the same.");
        await Expect(account.RepeatPassword).ToBeFocusedAsync();

        // Act: too short.
        await account.ChangePasswordAsync("first-password", "short", "short");
        await Expect(account.NewPasswordError).ToContainTextAsync("at least 10 characters");

        // A display-name person has no password, so no form to change one: the page says why.
        await using var other = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(other.Page).SignInAsync("No Password");
        var theirs = await new AccountPage(other.Page).OpenFromMenuAsync();
        await Expect(other.Page.GetByTestId("no-password")).ToContainTextAsync("there is no password to change");
        await Expect(theirs.ChangePasswordButton).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
        Assert.Empty(other.ConsoleErrors);
    }

    [Fact]
    public async Task The_Account_Page_Opens_Directly_From_Its_Address()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Direct Visitor", "/account");

        await Expect(new AccountPage(session.Page).Heading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_Account_Signs_In_With_Its_Password_And_Can_Change_It()
    {
        // Arrange: accounts are made with the CLI; here, straight through the store.
        var userName = $"ana-{Guid.NewGuid():N}"[..12];
        await CreateAccountAsync(userName, "Ana Account", "first-password");
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var signIn = await new SignInPage(session.Page).OpenAsync();

        // Act: a wrong password first.
        await signIn.UserName.FillAsync(userName);
        await signIn.Password.FillAsync("not-the-password");
        await signIn.AccountSignInButton.ClickAsync();

        // Assert
        await Expect(signIn.AccountError).ToContainTextAsync("Wrong user name or password");
        await Expect(signIn.Password).ToBeFocusedAsync();

        // Act: the right one, then a new password.
        await signIn.Password.FillAsync("first-password");
        await signIn.AccountSignInButton.ClickAsync();
        await Expect(signIn.SignedInName).ToHaveTextAsync("Ana Account");
        var account = await new AccountPage(session.Page).OpenFromMenuAsync();
        await account.ChangePasswordAsync("wrong-current", "second-password", "second-password");
        await Expect(session.Page.Locator("#current-password-error")).ToHaveTextAsync("Your current password is not right.");
        await account.ChangePasswordAsync("first-password", "second-password", "second-password");

        // Assert: changed, and the form is empty again.
        await Expect(session.Page.GetByTestId("password-status")).ToContainTextAsync("Your password has been changed");
        await Expect(account.CurrentPassword).ToHaveValueAsync("");
        using var scope = server.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UserStore>().FindAccountAsync(userName, CancellationToken.None);
        Assert.True(Passwords.Verify(stored!.PasswordHash, "second-password"));
    }

    [Fact]
    public async Task Signing_In_With_An_Account_Needs_Both_Fields()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var signIn = await new SignInPage(session.Page).OpenAsync();

        await signIn.AccountSignInButton.ClickAsync();

        await Expect(session.Page.Locator("#user-name-error")).ToHaveTextAsync("Enter your user name.");
        await Expect(session.Page.Locator("#password-error")).ToHaveTextAsync("Enter your password.");
        await Expect(signIn.UserName).ToBeFocusedAsync();
    }

    private async Task CreateAccountAsync(string userName, string displayName, string password)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();
        Assert.NotNull(await users.CreateAccountAsync(userName, displayName, Passwords.Hash(password), serverOwner: false, CancellationToken.None));
    }

    private async Task<HttpStatusCode> SessionStatusWithAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tokens");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
