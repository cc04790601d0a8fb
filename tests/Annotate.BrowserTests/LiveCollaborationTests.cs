using System.Text.Json;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>
/// Several annotators on one document in separate browsers: spans appearing live in open and reveal modes, not in
/// blind mode, presence, and a second tab of the same person. The project mode is shared by the whole collection's
/// database, so each test sets it first and puts it back to blind (the default the other tests expect) at the end.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCollaborationTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task In_Open_Mode_Two_Then_Three_Annotators_See_Each_Others_Spans_Appear_Live()
    {
        var suffix = Unique();
        await using var ann = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        try
        {
            var annPage = await SignInAndOpenAsync(ann, $"Ann {suffix}", Standard);
            await SetModeAsync(annPage.Page, "open");
            var benPage = await SignInAndOpenAsync(ben, $"Ben {suffix}", Standard);
            await annPage.WaitForLiveAsync("open");
            await benPage.WaitForLiveAsync("open");

            // Ann marks a span; Ben sees it without reloading, in Ann's colour and listed as hers.
            var annSpan = await CreateSpanAsync(annPage, "Varenian activists blocked", $"Ann {suffix}");
            await Expect(benPage.HighlightsOf(annSpan)).Not.ToHaveCountAsync(0);
            await Expect(benPage.SpanRows.Filter(new() { HasText = $"by Ann {suffix}" })).Not.ToHaveCountAsync(0);
            await Expect(benPage.Annotators.GetByText($"Ann {suffix}")).ToBeVisibleAsync();
            await Expect(benPage.Presence).ToContainTextAsync($"Ann {suffix}");
            await Expect(annPage.Presence).ToContainTextAsync($"Ben {suffix}");

            // A third annotator joins: sees what is there, and then what Ben adds, as do the others.
            await using var cai = await browser.OpenAsync(server.BaseAddress);
            var caiPage = await SignInAndOpenAsync(cai, $"Cai {suffix}", Standard);
            await caiPage.WaitForLiveAsync("open");
            await Expect(caiPage.HighlightsOf(annSpan)).Not.ToHaveCountAsync(0);

            var benSpan = await CreateSpanAsync(benPage, "the only all-weather crossing", $"Ben {suffix}");
            await Expect(annPage.HighlightsOf(benSpan)).Not.ToHaveCountAsync(0);
            await Expect(caiPage.HighlightsOf(benSpan)).Not.ToHaveCountAsync(0);
            await Expect(annPage.Presence).ToContainTextAsync($"Cai {suffix}");

            // Switching one annotator off hides only their spans.
            await caiPage.Annotators.GetByRole(AriaRole.Checkbox, new() { Name = $"Ann {suffix}" }).UncheckAsync();
            await Expect(caiPage.HighlightsOf(annSpan)).ToHaveCountAsync(0);
            await Expect(caiPage.HighlightsOf(benSpan)).Not.ToHaveCountAsync(0);

            // Deleting is live too.
            await annPage.SpanRows.Filter(new() { HasNotText = "by " }).First.ClickAsync();
            await annPage.Editor.GetByRole(AriaRole.Button, new() { Name = "Delete span" }).ClickAsync();
            await annPage.WaitUntilSavedAsync();
            await Expect(benPage.HighlightsOf(annSpan)).ToHaveCountAsync(0);

            // Leaving the document: the others see them go.
            await cai.Page.GotoAsync("/");
            await Expect(annPage.Presence).Not.ToContainTextAsync($"Cai {suffix}");
            Assert.Empty(ann.ConsoleErrors);
            Assert.Empty(ben.ConsoleErrors);
        }
        finally
        {
            await SetModeAsync(ann.Page, "blind");
        }
    }

    [Fact]
    public async Task In_Blind_Mode_Nobody_Sees_Another_Persons_Span_And_Reveal_Shows_Them_All()
    {
        var suffix = Unique();
        await using var ann = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        await using var cai = await browser.OpenAsync(server.BaseAddress);
        var annFrames = LiveFrames.Record(ann.Page);
        var benFrames = LiveFrames.Record(ben.Page);
        var caiFrames = LiveFrames.Record(cai.Page);
        try
        {
            var annPage = await SignInAndOpenAsync(ann, $"Ann {suffix}", Standard);
            await SetModeAsync(annPage.Page, "blind");
            var benPage = await SignInAndOpenAsync(ben, $"Ben {suffix}", Standard);
            var caiPage = await SignInAndOpenAsync(cai, $"Cai {suffix}", Standard);
            foreach (var page in new[] { annPage, benPage, caiPage })
            {
                await page.WaitForLiveAsync("blind");
            }

            var annSpan = await CreateSpanAsync(annPage, "Varenian activists blocked", $"Ann {suffix}");
            var benSpan = await CreateSpanAsync(benPage, "the only all-weather crossing", $"Ben {suffix}");

            await Expect(benPage.HighlightsOf(annSpan)).ToHaveCountAsync(0);
            await Expect(caiPage.HighlightsOf(annSpan)).ToHaveCountAsync(0);
            await Expect(caiPage.HighlightsOf(benSpan)).ToHaveCountAsync(0);
            await Expect(annPage.HighlightsOf(benSpan)).ToHaveCountAsync(0);
            Assert.DoesNotContain(await benPage.SavedSpansAsync(Standard), s => Str(s, "id") == annSpan);
            Assert.DoesNotContain(await caiPage.SavedSpansAsync(Standard), s => Str(s, "id") == annSpan || Str(s, "id") == benSpan);

            // Cai ends the blind round from the toolbar: everyone's spans show for everyone, without a reload.
            await caiPage.Visibility.SelectOptionAsync("reveal");
            foreach (var page in new[] { annPage, benPage, caiPage })
            {
                await page.WaitForLiveAsync("reveal");
            }

            // Nothing of the others' spans reached any page while the round was blind: the reveal is sent on each
            // connection after every earlier push (each save answered only once its pushes had left), so it is the
            // sentinel that ends the blind round's messages.
            Assert.DoesNotContain(await annFrames.BeforeAsync("VisibilityChanged", "reveal"), m => m.Contains(benSpan, StringComparison.Ordinal));
            Assert.DoesNotContain(await benFrames.BeforeAsync("VisibilityChanged", "reveal"), m => m.Contains(annSpan, StringComparison.Ordinal));
            Assert.DoesNotContain(await caiFrames.BeforeAsync("VisibilityChanged", "reveal"), m => m.Contains(annSpan, StringComparison.Ordinal) || m.Contains(benSpan, StringComparison.Ordinal));

            await Expect(benPage.HighlightsOf(annSpan)).Not.ToHaveCountAsync(0);
            await Expect(caiPage.HighlightsOf(annSpan)).Not.ToHaveCountAsync(0);
            await Expect(caiPage.HighlightsOf(benSpan)).Not.ToHaveCountAsync(0);
            await Expect(annPage.HighlightsOf(benSpan)).Not.ToHaveCountAsync(0);
            Assert.Contains(await caiPage.SavedSpansAsync(Standard), s => Str(s, "id") == annSpan);

            // Back to blind: the others' spans go again.
            await SetModeAsync(annPage.Page, "blind");
            await benPage.WaitForLiveAsync("blind");
            await Expect(benPage.HighlightsOf(annSpan)).ToHaveCountAsync(0);
            await Expect(benPage.HighlightsOf(benSpan)).Not.ToHaveCountAsync(0);
        }
        finally
        {
            await SetModeAsync(ann.Page, "blind");
        }
    }

    [Fact]
    public async Task A_Second_Tab_Of_The_Same_Person_Sees_A_New_Span_Live()
    {
        var name = $"Two tabs {Unique()}";
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var first = await SignInAndOpenAsync(session, name, Standard);
        await SetModeAsync(session.Page, "blind");
        var second = new AnnotationPage(await session.Page.Context.NewPageAsync());
        await second.OpenAsync(Standard);
        await first.WaitForLiveAsync("blind");
        await second.WaitForLiveAsync("blind");

        var span = await CreateSpanAsync(first, "Varenian activists blocked", name);

        await Expect(second.HighlightsOf(span)).Not.ToHaveCountAsync(0);
        await Expect(second.SpanRows).ToHaveCountAsync(1);
        await Expect(second.SpanRows.First).ToContainTextAsync("Blockade");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task An_Annotator_Made_Curator_Mid_Session_Is_Reconnected_And_Sees_Everyones_Spans_Without_A_Reload()
    {
        var suffix = Unique();
        await using var ann = await browser.OpenAsync(server.BaseAddress);
        await using var ben = await browser.OpenAsync(server.BaseAddress);
        var benFrames = LiveFrames.Record(ben.Page);
        try
        {
            var annPage = await SignInAndOpenAsync(ann, $"Ann {suffix}", Standard);
            await SetModeAsync(annPage.Page, "blind");
            var benPage = await SignInAndOpenAsync(ben, $"Ben {suffix}", Standard);
            await annPage.WaitForLiveAsync("blind");
            await benPage.WaitForLiveAsync("blind");
            var annSpan = await CreateSpanAsync(annPage, "Varenian activists blocked", $"Ann {suffix}");
            // Ben's own span, saved after Ann's, comes back to his connection after anything of hers could have.
            var benSpan = await CreateSpanAsync(benPage, "the only all-weather crossing", $"Ben {suffix}");
            Assert.DoesNotContain(await benFrames.BeforeAsync("AnnotationChanged", benSpan), m => m.Contains(annSpan, StringComparison.Ordinal));
            await Expect(benPage.HighlightsOf(annSpan)).ToHaveCountAsync(0);

            // Ben becomes a curator straight in the database, as the command line or another instance would make him.
            await SetRoleAsync($"Ben {suffix}", ProjectRoles.Curator);

            // The server closes his connection; the page reconnects, joins again as a curator and shows Ann's span.
            await Expect(benPage.HighlightsOf(annSpan)).Not.ToHaveCountAsync(0, new() { Timeout = 10_000 });
            Assert.Empty(ben.ConsoleErrors);
        }
        finally
        {
            await SetRoleAsync($"Ben {suffix}", ProjectRoles.Annotator);
            await SetModeAsync(ann.Page, "blind");
        }
    }

    private async Task SetRoleAsync(string displayName, string role)
    {
        using var scope = server.Services.CreateScope();
        var members = scope.ServiceProvider.GetRequiredService<ProjectMembers>();
        // Absent only when the test failed before that person signed in (then there is nothing to put back).
        if ((await members.ListAsync("default", CancellationToken.None)).SingleOrDefault(m => m.DisplayName == displayName) is { } member)
        {
            await members.SetAsync("default", member.UserId, role, CancellationToken.None);
        }
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>Marks a phrase of the first block as Blockade and returns the saved span's id.</summary>
    private static async Task<string> CreateSpanAsync(AnnotationPage page, string phrase, string annotatorName)
    {
        await page.DragOverAsync(0, phrase);
        await page.PressAsync("b");
        await page.WaitUntilSavedAsync();
        var spans = await page.SavedSpansAsync(Standard);
        return Str(spans.Last(s => Str(s, "annotatorName") == annotatorName && Str(s, "quote") == phrase), "id");
    }

    /// <summary>Sets the project's visibility with this page's session (the database is shared by the collection).</summary>
    internal static async Task SetModeAsync(IPage page, string mode)
    {
        var response = await page.Context.APIRequest.PatchAsync("/api/projects/default", new()
        {
            DataObject = new { visibility = mode },
            Headers = await PageAntiforgery.HeadersAsync(page),
        });
        Assert.True(response.Ok, $"PATCH visibility {mode} answered {response.Status}: {await response.TextAsync()}");
    }
}
