using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// Students annotate on phones: at 390×844 with touch, no page scrolls sideways, the menu holds what the header
/// cannot, the labels sit in a bar at the bottom within reach of the thumb, a label tapped after a touch selection
/// makes a span, the document's own labels are one tap away, and nobody's presence marker covers the text.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class PhoneTests(AnnotateServer server, BrowserFixture browser)
{
    private static readonly string[] Pages = ["/", $"/documents/{Standard}", "/agreement", "/account", "/status", "/class", "/join"];

    [Fact]
    public async Task No_Page_Scrolls_Sideways_On_A_Phone_And_The_Menu_Holds_The_Navigation_And_Sign_Out()
    {
        await using var session = await browser.OpenPhoneAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Pocket");

        foreach (var path in Pages)
        {
            await session.Page.GotoAsync(path);
            await Expect(session.Page.Locator("main > :not(.loading)").First).ToBeVisibleAsync();
            if (path.StartsWith("/documents/", StringComparison.Ordinal))
            {
                await new AnnotationPage(session.Page).WaitForReadyAsync();
            }

            var widths = await session.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px phone.");
        }

        // The navigation and the account actions are folded behind the menu button, and there when it opens.
        var signOut = session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeHiddenAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).TapAsync();
        await Expect(signOut).ToBeInViewportAsync();
        await Expect(session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Documents" })).ToBeInViewportAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Documents" }).TapAsync();
        await Expect(signOut).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_Teachers_Class_Page_Does_Not_Scroll_Sideways_On_A_Phone()
    {
        // A teacher checking the class from a phone: the wide tables (people with their group fields, students,
        // progress, rounds) scroll inside their own cards instead of widening the page.
        var userName = $"pocket-{Guid.NewGuid():N}"[..14];
        await ClassroomTests.CreateOwnerAsync(server, userName, "Pocket Teacher", "teacher-password");
        await using var session = await browser.OpenPhoneAsync(server.BaseAddress);
        var classPage = await new ClassPage(session.Page).SignInAsync(userName, "teacher-password", "Pocket Teacher");
        await classPage.StartAsync();
        await Expect(classPage.People.Locator("tbody tr").First).ToBeVisibleAsync();

        var widths = await session.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The class page is {widths[0]} px wide on a {widths[1]} px phone.");
    }

    [Fact]
    public async Task A_Touch_Selection_And_A_Tap_On_A_Label_In_The_Bottom_Bar_Make_A_Span()
    {
        await using var session = await browser.OpenPhoneAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Thumb", Standard);
        var chip = page.Label("Blockade");

        // The labels are in a bar along the bottom of the screen, within reach of the thumb, not above the text.
        var bar = await session.Page.GetByTestId("label-palette").BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.True(bar.Y + bar.Height <= 844 && bar.Y >= 844 - 160, $"The label bar spans {bar.Y}–{bar.Y + bar.Height} of 844 px.");
        await Expect(chip).ToBeInViewportAsync();

        // Act: a touch on the text, then the selection a long-press makes; a phone clears the selection when the
        // label is tapped (before the click arrives), which the page below does the same way.
        var text = await page.Block(1).BoundingBoxAsync();
        Assert.NotNull(text);
        await session.Page.Touchscreen.TapAsync(text.X + 20, text.Y + 10);
        await page.SelectInBlockAsync(1, 0, 20);
        await session.Page.EvaluateAsync("() => addEventListener('pointerdown', () => getSelection().removeAllRanges())");
        await chip.TapAsync();

        // Assert
        await page.WaitUntilSavedAsync();
        var span = Assert.Single(await page.SavedSpansAsync(Standard));
        Assert.Equal("blockade", Str(span, "label"));
        Assert.False(string.IsNullOrWhiteSpace(Str(span, "quote")));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task The_Document_Labels_Are_One_Tap_Away_From_The_Text_On_A_Phone()
    {
        await using var session = await browser.OpenPhoneAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, "Stance on phone", Standard);
        var labels = session.Page.GetByTestId("document-labels");
        await Expect(labels).Not.ToBeInViewportAsync();

        await session.Page.GetByTestId("document-jump").TapAsync();

        await Expect(page.Tab("Document")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(labels).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Presence_Markers_Stay_In_The_Margin_Beside_The_Text_On_Desktop_And_Phone()
    {
        // Arrange: three readers of one document, at its top; each sees the other two beside the same block.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var desk = await browser.OpenAsync(server.BaseAddress);
        await using var phone = await browser.OpenPhoneAsync(server.BaseAddress);
        await using var third = await browser.OpenPhoneAsync(server.BaseAddress);
        var readers = new List<AnnotationPage>();
        foreach (var (session, name) in new[] { (desk, "Desk"), (phone, "Phone"), (third, "Third") })
        {
            readers.Add(await SignInAndOpenAsync(session, $"{name} {suffix}", Standard));
        }

        try
        {
            await LiveCollaborationTests.SetModeAsync(desk.Page, "open");
            await AssertMarkersBesideTheTextAsync(readers[0]);
            await AssertMarkersBesideTheTextAsync(readers[1]);
        }
        finally
        {
            await LiveCollaborationTests.SetModeAsync(desk.Page, "blind");
        }
    }

    private static async Task AssertMarkersBesideTheTextAsync(AnnotationPage reader)
    {
        await Expect(reader.PresenceMarkers).ToHaveCountAsync(2);

        // Every marker lies left of the text it stands beside, and on the screen.
        var overlaps = await reader.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.presence-marker')].flatMap(m => {
              const box = m.getBoundingClientRect();
              const block = document.querySelector(`[data-block="${m.dataset.reading}"]`).getBoundingClientRect();
              return box.right > block.left || box.left < 0 ? [`${m.title}: ${box.left}–${box.right}, text from ${block.left}`] : [];
            })
            """);
        Assert.Empty(overlaps);
    }
}
