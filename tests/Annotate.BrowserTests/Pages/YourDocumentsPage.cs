using Microsoft.Playwright;

namespace Annotate.BrowserTests.Pages;

/// <summary>A student's "Your documents" at the top of the home page: the instruction, the summary, and Done per document.</summary>
public sealed class YourDocumentsPage(IPage page)
{
    public IPage Page => page;

    public ILocator Panel => page.GetByTestId("your-documents");

    public ILocator Instruction => Panel.GetByTestId("instruction-text");

    public ILocator Summary => Panel.GetByTestId("work-summary");

    public ILocator Items => Panel.GetByTestId("work-item");

    public ILocator Item(string documentId) => Panel.Locator($"[data-testid='work-item'][data-id='{documentId}']");

    public ILocator DoneButton(string documentId) => Item(documentId).GetByTestId("done-button");

    public ILocator State(string documentId) => Item(documentId).GetByTestId("work-state");

    public ILocator Stance(string documentId) => Item(documentId).GetByTestId("work-stance");

    /// <summary>The id of the n-th of the student's documents.</summary>
    public async Task<string> DocumentIdAsync(int index) => (await Items.Nth(index).GetAttributeAsync("data-id"))!;
}
