using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

/// <summary>The students' way in: /join?code=…, with the class code, a display name and an optional group.</summary>
public sealed class JoinPage(IPage page)
{
    public IPage Page => page;

    public ILocator Form => page.GetByTestId("join-form");

    public ILocator Code => page.GetByLabel("Class code", new() { Exact = true });

    public ILocator DisplayName => page.GetByLabel("Your name", new() { Exact = true });

    public ILocator Group => page.GetByLabel("Group (optional)", new() { Exact = true });

    public ILocator JoinButton => Form.GetByRole(AriaRole.Button, new() { Name = "Join the class" });

    public ILocator CodeError => page.Locator("#join-code-error");

    public ILocator SignedInName => page.GetByTestId("user-name");

    /// <summary>"Signing you in…", then the "Unknown link" notice when a personal link is not valid.</summary>
    public ILocator TicketStatus => page.GetByTestId("ticket-status");

    public ILocator UnknownLink => page.GetByTestId("ticket-unknown");

    /// <summary>The question a personal link asks someone already signed in as another person.</summary>
    public ILocator TicketQuestion => page.GetByTestId("ticket-question");

    public ILocator ContinueAs(string student) => TicketQuestion.GetByRole(AriaRole.Button, new() { Name = $"Continue as {student}", Exact = true });

    public ILocator StaySignedInAs(string me) => TicketQuestion.GetByRole(AriaRole.Button, new() { Name = $"Stay signed in as {me}", Exact = true });

    /// <summary>Opens a personal link from the teacher's list and waits until the header shows the student's name.</summary>
    public async Task SignInWithLinkAsync(string link, string displayName)
    {
        await page.GotoAsync(link);
        await Expect(SignedInName).ToHaveTextAsync(displayName);
    }

    public async Task<JoinPage> OpenAsync(string code)
    {
        await page.GotoAsync($"/join?code={Uri.EscapeDataString(code)}");
        await Expect(Code).ToHaveValueAsync(code);
        return this;
    }

    /// <summary>Opens the join link, joins as this name and waits until the header shows it (the document list is next).</summary>
    public async Task JoinAsync(string code, string displayName, string? group = null)
    {
        await OpenAsync(code);
        await DisplayName.FillAsync(displayName);
        if (group is not null)
        {
            await Group.FillAsync(group);
        }

        await JoinButton.ClickAsync();
        await Expect(SignedInName).ToHaveTextAsync(displayName);
    }
}
