using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

public sealed class AccountPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 });

    public ILocator AccountLink => page.GetByTestId("account-link");

    public ILocator CurrentPassword => page.GetByLabel("Current password", new() { Exact = true });

    public ILocator NewPassword => page.GetByLabel("New password", new() { Exact = true });

    public ILocator RepeatPassword => page.GetByLabel("Repeat the new password", new() { Exact = true });

    public ILocator ChangePasswordButton => page.GetByRole(AriaRole.Button, new() { Name = "Change password" });

    public ILocator PasswordError => page.GetByTestId("password-error");

    public ILocator RepeatPasswordError => page.Locator("#repeat-password-error");

    public ILocator NewPasswordError => page.Locator("#new-password-error");

    public ILocator TokenName => page.GetByLabel("Token name", new() { Exact = true });

    public ILocator CreateTokenButton => page.GetByRole(AriaRole.Button, new() { Name = "Create token" });

    public ILocator NewToken => page.GetByTestId("new-token");

    public ILocator NewTokenPanel => page.GetByTestId("new-token-panel");

    public ILocator TokenRows => page.Locator("[data-testid=token-table] tbody tr");

    public ILocator Row(string name) => TokenRows.Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });

    public async Task<AccountPage> OpenFromMenuAsync()
    {
        await AccountLink.ClickAsync();
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    public async Task ChangePasswordAsync(string current, string next, string repeat)
    {
        await CurrentPassword.FillAsync(current);
        await NewPassword.FillAsync(next);
        await RepeatPassword.FillAsync(repeat);
        await ChangePasswordButton.ClickAsync();
    }

    public async Task<string> CreateTokenAsync(string name)
    {
        await TokenName.FillAsync(name);
        await CreateTokenButton.ClickAsync();
        await Expect(NewToken).ToBeVisibleAsync();
        return await NewToken.InputValueAsync();
    }

    public async Task RevokeAsync(string name)
    {
        await Row(name).GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await Row(name).GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
    }
}
