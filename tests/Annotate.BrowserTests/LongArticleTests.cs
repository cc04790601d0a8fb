using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Microsoft.Playwright;
using static Annotate.BrowserTests.AnnotationTests;

namespace Annotate.BrowserTests;

/// <summary>
/// A long article is laid out part by part as it is scrolled (content-visibility), so the parts below a newly laid
/// out one move. The highlights and arcs drawn over the text must move with them: the highlighter shifts what only
/// moved instead of measuring it again, and the arc layer redraws when a part it drew moved.
/// </summary>
[Collection(LongArticleCollection.Name)]
public sealed class LongArticleTests(LongArticleServer server, BrowserFixture browser)
{
    private const string Doc = LongArticleServer.DocumentId;

    [Fact]
    public async Task Highlights_And_Arcs_Stay_On_Their_Text_While_The_Parts_Above_Are_Laid_Out()
    {
        await using var session = await browser.OpenAsync(server.BaseAddress);
        var page = await SignInAndOpenAsync(session, $"Scroller {Guid.NewGuid():N}"[..17], Doc);
        var article = await server.DocumentAsync(Doc);
        Assert.Contains("is-long", await page.Page.Locator(".article-body").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        // Every paragraph: a claim on its opening words and a source on "Witness N said so"; every other one, a relation.
        var spans = new List<object>();
        var relations = new List<object>();
        var spanPuts = new List<(string Url, object Body)>();
        var relationPuts = new List<(string Url, object Body)>();
        foreach (var block in article.Blocks.Where(b => b.Kind == "paragraph"))
        {
            var text = article.Text[block.Start..block.End];
            var claim = (Id: Guid.NewGuid().ToString(), Start: block.Start, End: block.Start + text.IndexOf(" here", StringComparison.Ordinal) + 5);
            var witness = text.IndexOf("Witness", StringComparison.Ordinal);
            var source = (Id: Guid.NewGuid().ToString(), Start: block.Start + witness, End: block.End - 1);
            spanPuts.Add(($"/api/documents/{Doc}/annotations/{claim.Id}", new { layer = "claim", label = "factual-claim", start = claim.Start, end = claim.End }));
            spanPuts.Add(($"/api/documents/{Doc}/annotations/{source.Id}", new { layer = "source", label = "eyewitness", start = source.Start, end = source.End }));
            spans.Add(new { id = claim.Id, block = block.Index, start = 0, end = claim.End - block.Start });
            spans.Add(new { id = source.Id, block = block.Index, start = witness, end = block.End - 1 - block.Start });
            if (block.Index % 2 == 0)
            {
                var relation = Guid.NewGuid().ToString();
                relationPuts.Add(($"/api/documents/{Doc}/relations/{relation}", new { type = "said-by", source = claim.Id, target = source.Id, attributes = new { mode = "reported-speech" } }));
                relations.Add(new { id = relation, source = claim.Id, target = source.Id });
            }
        }

        // A few at a time (the spans before the relations that join them): 300 one after another took most of a minute.
        foreach (var puts in new[] { spanPuts, relationPuts })
        {
            foreach (var batch in puts.Chunk(6))
            {
                await Task.WhenAll(batch.Select(put => PageAntiforgery.PutAsync(page.Page, put.Url, put.Body)));
            }
        }

        await page.OpenAsync(Doc);

        // Jump to the end (the parts above keep their estimated heights), then scroll up through them.
        await page.Page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        var checkedLines = 0;
        var checkedArcs = 0;
        for (var step = 0; step < 16; step++)
        {
            await page.Page.EvaluateAsync("() => new Promise(done => { window.scrollBy(0, -700); requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))); })");
            var result = await page.Page.EvaluateAsync<int[]>(Misplaced, new { spans, relations });
            Assert.True(result[0] == 0, $"After scrolling up {step + 1} times, {result[0]} highlights were off their text (of {result[1]} checked).");
            Assert.True(result[2] == 0, $"After scrolling up {step + 1} times, {result[2]} arcs were off their spans (of {result[3]} checked).");
            checkedLines += result[1];
            checkedArcs += result[3];
        }

        Assert.True(checkedLines > 40, $"Only {checkedLines} highlights were checked.");
        Assert.True(checkedArcs > 10, $"Only {checkedArcs} arcs were checked.");
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// Counts, among the underlines and arcs within the viewport, those not where their text is: an underline must
    /// start at one of its span's line boxes and sit just below it; an arc's stroke must end on the lower of its two
    /// spans' tops (an arc over a line on both; a bracket in the gutter on the target) and reach above the higher.
    /// Returns [misplaced lines, lines checked, misplaced arcs, arcs checked].
    /// </summary>
    private const string Misplaced = """
        ({ spans, relations }) => {
          const byId = new Map(spans.map(s => [s.id, s]));
          const rectsOf = s => {
            const block = document.querySelector(`[data-block='${s.block}']`);
            const node = block.firstChild;
            const range = document.createRange();
            range.setStart(node, s.start);
            range.setEnd(node, s.end);
            return [...range.getClientRects()].filter(r => r.width > 0);
          };
          const inView = r => r.top > 0 && r.bottom < innerHeight;
          let lines = 0, badLines = 0, arcs = 0, badArcs = 0;
          for (const line of document.querySelectorAll('.hl-layer .hl-line')) {
            const box = line.getBoundingClientRect();
            const span = byId.get(line.dataset.span);
            if (!span || !inView(box)) continue;
            const text = rectsOf(span).find(r => Math.abs(r.left - box.left) < 2);
            lines++;
            if (!text || box.top < text.bottom - 1 || box.top > text.bottom + 14) badLines++;
          }
          for (const relation of relations) {
            const stroke = document.querySelector(`.arc-layer .arc[data-relation='${relation.id}'] .arc-line`);
            const ends = [relation.source, relation.target].map(id => rectsOf(byId.get(id))[0]);
            if (!stroke || !ends.every(r => r && inView(r))) continue;
            const box = stroke.getBoundingClientRect();
            arcs++;
            const lower = Math.max(...ends.map(r => r.top));
            const higher = Math.min(...ends.map(r => r.top));
            if (Math.abs(box.bottom - lower) > 3 || box.top > higher) badArcs++;
          }
          return [badLines, lines, badArcs, arcs];
        }
        """;
}
