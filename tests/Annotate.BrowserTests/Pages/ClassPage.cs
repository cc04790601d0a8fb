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

    /// <summary>The owner's "Add students from a list" card.</summary>
    public ILocator RosterNames => page.GetByLabel("Names, one per line", new() { Exact = true });

    public ILocator RosterAdd => page.GetByTestId("roster-add");

    public ILocator RosterErrors => page.GetByTestId("roster-errors");

    public ILocator RosterOnceNote => page.GetByTestId("roster-once");

    /// <summary>The personal link shown for a student just added.</summary>
    public ILocator PersonalLink(string name) =>
        page.GetByTestId("roster-links").Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) })
            .GetByTestId("roster-link");

    public ILocator Documents => page.GetByTestId("class-documents");

    public ILocator AssignmentSummary => page.GetByTestId("assignment-summary");

    /// <summary>How many documents a student was given, in the students table (shown when spreading).</summary>
    public ILocator Assigned(string name) => StudentRow(name).GetByTestId("student-assigned");

    public ILocator ShowExamples => page.GetByLabel("Codebook examples visible to students");

    public ILocator People => page.GetByTestId("class-people");

    public ILocator Person(string name) =>
        People.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name }) });

    /// <summary>Adds students from a pasted list and waits for their personal links.</summary>
    public async Task AddStudentsAsync(params string[] names)
    {
        await RosterNames.FillAsync(string.Join("\n", names));
        await RosterAdd.ClickAsync();
        foreach (var name in names)
        {
            await Expect(PersonalLink(name)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"/join\?ticket=[A-Z2-9]{12}$"));
        }
    }

    /// <summary>"Spread: each document gets k annotators", applied.</summary>
    public async Task SpreadAsync(int annotatorsPerDocument)
    {
        await Documents.GetByLabel("Spread: each document gets").CheckAsync();
        await Documents.GetByRole(AriaRole.Spinbutton).FillAsync(annotatorsPerDocument.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Documents.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(AssignmentSummary).ToContainTextAsync($"each document gets {annotatorsPerDocument} ");
    }

    /// <summary>Removes a person, answering the confirmation, and waits until their row is gone.</summary>
    public async Task RemoveAsync(string name)
    {
        await Person(name).GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Person(name).GetByRole(AriaRole.Button, new() { Name = "Yes, remove" }).ClickAsync();
        await Expect(Person(name)).ToHaveCountAsync(0);
    }

    /// <summary>Signs a teacher's account in on /class and waits for the class page to be theirs.</summary>
    public async Task<ClassPage> SignInAsync(string userName, string password, string displayName)
    {
        var signIn = await new SignInPage(page).OpenAsync("/class");
        await signIn.UserName.FillAsync(userName);
        await signIn.Password.FillAsync(password);
        await signIn.AccountSignInButton.ClickAsync();
        await Expect(signIn.SignedInName).ToHaveTextAsync(displayName);
        return await OpenAsync();
    }

    public async Task<ClassPage> OpenAsync()
    {
        await page.GotoAsync("/class");
        await Expect(Modes).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Starts a class (or gives it a new code) and returns the join code shown.</summary>
    public async Task<string> StartAsync()
    {
        // The class card draws after the dashboard arrives: wait for one of its two buttons before choosing.
        var newCode = page.GetByTestId("new-code");
        await Expect(StartButton.Or(newCode)).ToBeVisibleAsync();
        var before = await Code.CountAsync() > 0 ? await Code.TextContentAsync() : null;
        await (await StartButton.CountAsync() > 0 ? StartButton : newCode).ClickAsync();
        await Expect(Code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{8}$"));
        if (before is not null)
        {
            await Expect(Code).Not.ToHaveTextAsync(before);
        }

        return (await Code.TextContentAsync())!;
    }
}
