using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests.Pages;

/// <summary>The annotation view of one document: the text, the toolbar above it and the side panel beside it.</summary>
public sealed class AnnotationPage(IPage page)
{
    public IPage Page => page;

    public ILocator Text => page.GetByRole(AriaRole.Region, new() { Name = "Article text" });

    public ILocator Toolbar => page.GetByRole(AriaRole.Toolbar, new() { Name = "Annotation tools" });

    public ILocator SaveStatus => page.GetByTestId("save-status");

    /// <summary>"Live", "Reconnecting…" or "Offline — …"; data-state says which.</summary>
    public ILocator Connection => page.GetByTestId("connection");

    /// <summary>Every underline drawn in the text (one per line a span covers).</summary>
    public ILocator Highlights => page.Locator(".hl-layer .hl-line");

    public ILocator HighlightsOf(string spanId) => page.Locator($".hl-layer .hl-line[data-span='{spanId}']");

    public ILocator SpanList => page.GetByRole(AriaRole.Listbox, new() { Name = "Spans in text order" });

    public ILocator SpanRows => SpanList.GetByRole(AriaRole.Option);

    public ILocator Editor => page.GetByTestId("span-editor");

    public ILocator HoverCard => page.GetByTestId("hover-card");

    public ILocator UndoButton => Toolbar.GetByRole(AriaRole.Button, new() { Name = "Undo" });

    public ILocator RedoButton => Toolbar.GetByRole(AriaRole.Button, new() { Name = "Redo" });

    /// <summary>The project's visibility mode; carries data-mode once the page has joined the document live.</summary>
    public ILocator Visibility => page.GetByTestId("visibility");

    /// <summary>"Also here: …" — the others reading this document now.</summary>
    public ILocator Presence => page.GetByTestId("presence");

    public ILocator PresenceMarkers => page.GetByTestId("presence-markers").Locator(".presence-marker");

    public ILocator Annotators => page.GetByTestId("annotators");

    /// <summary>Waits until the page has joined the document on the hub and knows the mode.</summary>
    public async Task WaitForLiveAsync(string mode) => await Expect(Visibility).ToHaveAttributeAsync("data-mode", mode);

    public ILocator Block(int index) => page.Locator($"[data-block='{index}']");

    public ILocator Tab(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name });

    public ILocator Label(string name) => Toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Alert => page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.Locator("strong") });

    public async Task<AnnotationPage> OpenAsync(string documentId)
    {
        await page.GotoAsync($"/documents/{Uri.EscapeDataString(documentId)}");
        return await WaitForReadyAsync();
    }

    /// <summary>Waits until the toolbar is there and the annotations have been loaded and drawn.</summary>
    public async Task<AnnotationPage> WaitForReadyAsync()
    {
        await Expect(Toolbar).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('annotate:annotations-drawn').length > 0");
        return this;
    }

    public async Task ChooseLayerAsync(string name) =>
        await Toolbar.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Drags the mouse over the first occurrence of a phrase in a block (from inside its first character to inside its last).</summary>
    public async Task DragOverAsync(int block, string phrase, int occurrence = 0)
    {
        var box = await PhraseBoxAsync(block, phrase, occurrence);
        await page.Mouse.MoveAsync(box.StartX, box.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((box.StartX + box.EndX) / 2, box.EndY, new() { Steps = 3 });
        await page.Mouse.MoveAsync(box.EndX, box.EndY, new() { Steps = 3 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Selects characters [start, end) of a block's text, as UTF-16 offsets, the way a script (or a drag) could.</summary>
    public Task SelectInBlockAsync(int block, int start, int end) =>
        Block(block).EvaluateAsync(PageScripts.SelectInBlock, new[] { start, end });

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    public async Task WaitUntilSavedAsync() => await Expect(SaveStatus).ToHaveAttributeAsync("data-state", "saved");

    /// <summary>This person's span annotations, read back from the API with the browser's own session.</summary>
    public async Task<IReadOnlyList<JsonElement>> SavedSpansAsync(string documentId) => await ListAsync(documentId, "annotations");

    public async Task<IReadOnlyList<JsonElement>> SavedLabelsAsync(string documentId) => await ListAsync(documentId, "labels");

    /// <summary>The relations this person may see, read back from the API with the browser's own session.</summary>
    public async Task<IReadOnlyList<JsonElement>> SavedRelationsAsync(string documentId) => await ListAsync(documentId, "relations");

    /// <summary>Relation arcs drawn over the text (someone else's have the class <c>other</c>).</summary>
    public ILocator Arcs => page.Locator(".arc-layer .arc");

    /// <summary>This person's own relation arcs.</summary>
    public ILocator OwnArcs => page.Locator(".arc-layer .arc:not(.other)");

    public ILocator RelationList => page.GetByTestId("relation-list");

    public ILocator RelationEditor => page.GetByTestId("relation-editor");

    private async Task<IReadOnlyList<JsonElement>> ListAsync(string documentId, string kind)
    {
        var response = await page.Context.APIRequest.GetAsync($"/api/documents/{Uri.EscapeDataString(documentId)}/{kind}");
        Assert.True(response.Ok, $"GET {kind} answered {response.Status}");
        var json = await response.JsonAsync();
        return [.. json!.Value.GetProperty("items").EnumerateArray()];
    }

    private async Task<(float StartX, float EndX, float Y, float EndY)> PhraseBoxAsync(int block, string phrase, int occurrence)
    {
        await Block(block).ScrollIntoViewIfNeededAsync();
        var box = await Block(block).EvaluateAsync<float[]>("""
            (el, [phrase, occurrence]) => {
              el.scrollIntoView({ block: 'center' });
              const text = el.textContent;
              let at = -1;
              for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
              if (at < 0) throw new Error('phrase not in block: ' + phrase);
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              const rectAt = (offset) => {
                walker.currentNode = el;
                for (let n = walker.nextNode(), seen = 0; n; seen += n.data.length, n = walker.nextNode()) {
                  if (offset < seen + n.data.length) {
                    const r = document.createRange();
                    r.setStart(n, offset - seen);
                    r.setEnd(n, offset - seen + 1);
                    return r.getClientRects()[0];
                  }
                }
              };
              const first = rectAt(at);
              const last = rectAt(at + phrase.length - 1);
              return [first.left + first.width * 0.4, last.right - last.width * 0.4, (first.top + first.bottom) / 2, (last.top + last.bottom) / 2];
            }
            """, new object[] { phrase, occurrence });
        return (box[0], box[1], box[2], box[3]);
    }
}
