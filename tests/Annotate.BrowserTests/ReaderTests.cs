using System.Text.RegularExpressions;
using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

[Collection(SecondBrowserCollection.Name)]
public sealed partial class ReaderTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Reader_Opens_An_Article_From_The_List_And_Shows_Its_Text()
    {
        // Arrange: an English article and the first sentence of its first paragraph, from the API.
        var documents = await server.DocumentsAsync();
        var summary = documents.First(d => d.Language == "en");
        var article = await server.DocumentAsync(summary.Id);
        var paragraph = article.Blocks.First(b => b.Kind == "paragraph");
        var sentence = FirstSentence(article.Text[paragraph.Start..paragraph.End]);
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Reader");
        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(documents.Count);

        // Act
        var reader = await list.OpenAsync(summary.Title);

        // Assert
        await reader.WaitForTitleAsync(summary.Title);
        await Expect(reader.Body).ToContainTextAsync(sentence);
        await Expect(reader.Body).ToHaveAttributeAsync("lang", "en");
        await Expect(reader.Body).ToHaveAttributeAsync("dir", "auto");
        await Expect(session.Page).ToHaveURLAsync(new Regex($"/documents/{Regex.Escape(Uri.EscapeDataString(summary.Id))}$"));
        await Expect(session.Page).ToHaveTitleAsync($"{summary.Title} · Annotate");
        if (article.Url is not null)
        {
            await Expect(reader.SourceLink).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
        }

        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Reader_Keeps_The_Server_Html_So_Every_Block_Matches_Its_Text_Offsets()
    {
        // The Greek article: another script, and the language attribute must follow the document.
        var summary = (await server.DocumentsAsync()).First(d => d.Language == "el");
        var article = await server.DocumentAsync(summary.Id);
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Offsets", $"/documents/{Uri.EscapeDataString(summary.Id)}");
        var reader = await new ReaderPage(session.Page).WaitForTitleAsync(summary.Title);

        var blockTexts = await reader.BlockTextsAsync();

        var expected = article.Blocks.OrderBy(b => b.Index).Select(b => article.Text[b.Start..b.End]).ToList();
        Assert.Equal(expected, blockTexts);
        await Expect(reader.Body).ToHaveAttributeAsync("lang", "el");
    }

    [Fact]
    public async Task Alt_Arrows_Step_Through_The_List_And_Back_While_Letters_Stay_Label_Keys()
    {
        // Arrange
        var documents = await server.DocumentsAsync();
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Keyboard");
        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(documents.Count);
        var reader = await list.OpenAsync(documents[0].Title);
        await reader.WaitForTitleAsync(documents[0].Title);
        await Expect(reader.Position).ToHaveTextAsync($"1 of {documents.Count}");

        // Act + Assert: Alt+→ goes forward, Alt+← back; n and p are label keys while annotating, so they stay; Alt+↑ to the list.
        await reader.PressAsync("Alt+ArrowRight");
        await reader.WaitForTitleAsync(documents[1].Title);
        await reader.PressAsync("Alt+ArrowRight");
        await reader.WaitForTitleAsync(documents[2].Title);
        await reader.PressAsync("Alt+ArrowLeft");
        await reader.WaitForTitleAsync(documents[1].Title);
        await reader.PressAsync("p");
        await reader.PressAsync("Escape");
        await reader.PressAsync("Escape");
        await Expect(reader.Position).ToHaveTextAsync($"2 of {documents.Count}");
        await reader.WaitForTitleAsync(documents[1].Title);
        await reader.PressAsync("Alt+ArrowUp");

        await list.WaitForDocumentsAsync(documents.Count);
        await Expect(list.SelectedRow).ToHaveAttributeAsync("data-id", documents[1].Id);
        await Expect(list.SelectedRow.Locator("a.doc-link")).ToBeFocusedAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Keyboard_Alone_Searches_Opens_And_Steps_Through_The_Filtered_List()
    {
        // Arrange: the documents a search for "Rensfeld" finds, in the server's order.
        var found = await server.DocumentsAsync("?q=Rensfeld");
        Assert.True(found.Count >= 2, "The bundled corpus has several Rensfeld articles.");
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("No mouse");
        var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync((await server.DocumentsAsync()).Count);
        var keyboard = session.Page.Keyboard;

        // Act: / focuses search, typing filters, ↓ enters the results, j moves, Enter opens.
        await keyboard.PressAsync("/");
        await Expect(list.Search).ToBeFocusedAsync();
        await keyboard.TypeAsync("Rensfeld");
        await list.WaitForDocumentsAsync(found.Count);
        await keyboard.PressAsync("ArrowDown");
        await keyboard.PressAsync("j");
        await keyboard.PressAsync("Enter");

        // Assert: the second match is open, Alt+→ follows the filtered order, Alt+↑ goes back to the filtered list.
        var reader = await new ReaderPage(session.Page).WaitForTitleAsync(found[1].Title);
        await Expect(reader.Position).ToHaveTextAsync($"2 of {found.Count}");
        if (found.Count > 2)
        {
            await reader.PressAsync("Alt+ArrowRight");
            await reader.WaitForTitleAsync(found[2].Title);
        }

        await reader.PressAsync("Alt+ArrowUp");
        await list.WaitForDocumentsAsync(found.Count);
        await Expect(list.Search).ToHaveValueAsync("Rensfeld");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Question_Mark_Shows_The_Keyboard_Help()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Help");
        await Expect(new DocumentListPage(session.Page).Heading).ToBeVisibleAsync();

        await session.Page.Keyboard.PressAsync("?");

        var dialog = session.Page.GetByRole(Microsoft.Playwright.AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Next document in the list");
        await session.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task An_Unknown_Document_Says_It_Was_Not_Found()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        await new SignInPage(session.Page).SignInAsync("Lost", "/documents/no-such-document");

        await Expect(new ReaderPage(session.Page).NotFound).ToBeVisibleAsync();
    }

    private static string FirstSentence(string paragraph)
    {
        var match = SentenceEnd().Match(paragraph);
        return match.Success ? paragraph[..(match.Index + 1)] : paragraph;
    }

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
