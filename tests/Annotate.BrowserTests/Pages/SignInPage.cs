using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

public sealed class SignInPage(IPage page)
{
    public ILocator DisplayName => page.GetByLabel("Display name", new() { Exact = true });

    /// <summary>The display-name form's button: the account form has a "Sign in" button too.</summary>
    public ILocator SignInButton => page.GetByTestId("display-name-form").GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator UserName => page.GetByLabel("User name", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    /// <summary>"I run Annotate on this machine: make me the owner" (local mode).</summary>
    public ILocator OwnerChoice => page.GetByTestId("sign-in-owner");

    /// <summary>The sign-in forms in the order the page shows them (data-testid of each).</summary>
    public Task<string[]> FormOrderAsync() =>
        page.Locator(".sign-in-options > form").EvaluateAllAsync<string[]>("forms => forms.map(f => f.dataset.testid)");

    public ILocator AccountSignInButton => page.GetByTestId("account-sign-in-form").GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator AccountError => page.Locator("#account-sign-in-error");

    public ILocator Error => page.Locator("#display-name-error");

    public ILocator SignedInName => page.GetByTestId("user-name");

    public ILocator SignOutButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

    public async Task<SignInPage> OpenAsync(string path = "/")
    {
        await page.GotoAsync(path);
        await Expect(DisplayName).ToBeVisibleAsync();
        return this;
    }

    public async Task SubmitAsync(string displayName)
    {
        await DisplayName.FillAsync(displayName);
        await SignInButton.ClickAsync();
    }

    /// <summary>Opens the app at path and signs in; returns once the header shows the name.</summary>
    public async Task SignInAsync(string displayName, string path = "/")
    {
        await OpenAsync(path);
        await SubmitAsync(displayName);
        await Expect(SignedInName).ToHaveTextAsync(displayName);
    }
}
