using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

/// <summary>The teacher's /class page: join code, mode steps, live student table and agreement figures.</summary>
public sealed class ClassPage(IPage page)
{
    public IPage Page => page;

    public ILocator Root => page.GetByTestId("class-page");

    public ILocator StartButton => page.GetByTestId("start-class");

    /// <summary>The join code, shown big; its text is the code itself.</summary>
    public ILocator Code => page.GetByTestId("class-code");

    public ILocator JoinLink => page.GetByTestId("join-link");

    public ILocator ToggleJoining => page.GetByTestId("toggle-joining");

    public ILocator Modes => page.GetByTestId("class-modes");

    public ILocator ModeButton(string name) => Modes.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Anonymise => page.GetByTestId("anonymise");

    public ILocator Students => page.GetByTestId("class-students");

    public ILocator StudentNames => Students.Locator("tbody th");

    public ILocator StudentRow(string name) =>
        Students.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });

    public ILocator Annotations(string name) => StudentRow(name).GetByTestId("student-annotations");

    /// <summary>The annotations of the last student to join (rows are in join order).</summary>
    public ILocator LastStudentAnnotations => Students.Locator("tbody tr").Last.GetByTestId("student-annotations");

    /// <summary>The headline figures; carries data-revision once a report has been drawn.</summary>
    public ILocator Agreement => page.GetByTestId("class-agreement");

    public ILocator TokenAlpha(string layerId) => Agreement.Locator($"[data-layer='{layerId}']").GetByTestId("token-alpha");

    public ILocator AgreementLink => page.GetByTestId("class-agreement-link");

    public async Task<ClassPage> OpenAsync()
    {
        await page.GotoAsync("/class");
        await Expect(Modes).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Starts a class (or gives it a new code) and returns the join code shown.</summary>
    public async Task<string> StartAsync()
    {
        var before = await Code.CountAsync() > 0 ? await Code.TextContentAsync() : null;
        await (await StartButton.CountAsync() > 0 ? StartButton : page.GetByTestId("new-code")).ClickAsync();
        await Expect(Code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{8}$"));
        if (before is not null)
        {
            await Expect(Code).Not.ToHaveTextAsync(before);
        }

        return (await Code.TextContentAsync())!;
    }
}
