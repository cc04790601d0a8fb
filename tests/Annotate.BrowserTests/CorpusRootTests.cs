using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>Articles saved directly in the corpus folder, beside the collections' folders.</summary>
[Collection(EditableCorpusCollection.Name)]
public sealed class CorpusRootTests(EditableCorpusServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Documents_At_The_Corpus_Root_Are_Listed_As_A_Collection_Of_Their_Own()
    {
        // Arrange: one loose article beside the news/ collection.
        var loose = Path.Combine(server.CorpusRoot, "loose-note.md");
        File.WriteAllText(loose, EditableCorpusServer.Article("A note kept at the top of the corpus.").Replace("The pass", "Loose note", StringComparison.Ordinal));
        try
        {
            (await server.Api.PostAsync("/api/corpus/reload", null)).EnsureSuccessStatusCode();
            await using var session = await browser.OpenAsync(server.BaseAddress);
            await new SignInPage(session.Page).SignInAsync("Root reader");
            var list = await new DocumentListPage(session.Page).WaitForDocumentsAsync(2);

            // Act
            await list.ChooseCollectionAsync("Corpus root");

            // Assert: only the loose article, and the address says so.
            await list.WaitForDocumentsAsync(1);
            Assert.Equal(["Loose note"], await list.TitlesAsync());
            Assert.Contains("collection=.", Uri.UnescapeDataString(session.Page.Url), StringComparison.Ordinal);
            Assert.Empty(session.ConsoleErrors);
        }
        finally
        {
            File.Delete(loose);
            (await server.Api.PostAsync("/api/corpus/reload", null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_Plain_Text_Article_Shows_Its_First_Line_Once_As_Its_Title()
    {
        // Arrange: a .txt whose title is its first line.
        var file = Path.Combine(server.CorpusRoot, "news", "ferry.txt");
        File.WriteAllText(file, "Ferry service resumes on the Hadrick line\n\nThe first ferry in nine days left at dawn.\n");
        try
        {
            (await server.Api.PostAsync("/api/corpus/reload", null)).EnsureSuccessStatusCode();
            await using var session = await browser.OpenAsync(server.BaseAddress);
            await new SignInPage(session.Page).SignInAsync("Text reader");

            // Act
            await new AnnotationPage(session.Page).OpenAsync("news.ferry");

            // Assert: one visible headline (the text's own first line, annotatable), and the heading for screen readers.
            var heading = session.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Ferry service resumes on the Hadrick line", Level = 1 });
            await Expect(heading).ToHaveCountAsync(1);
            await Expect(heading).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("visually-hidden"));
            var opening = session.Page.Locator("[data-block='0']");
            await Expect(opening).ToHaveTextAsync("Ferry service resumes on the Hadrick line");
            await Expect(opening).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("opening-title"));
            Assert.Empty(session.ConsoleErrors);
        }
        finally
        {
            File.Delete(file);
            (await server.Api.PostAsync("/api/corpus/reload", null)).EnsureSuccessStatusCode();
        }
    }
}
