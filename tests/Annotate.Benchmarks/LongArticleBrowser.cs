using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Annotate.Benchmarks;

internal sealed record NavigationTiming(double WallMs, double TextVisibleMs, double AnnotationsDrawnMs, double DocumentWaitMs, double DocumentDoneMs, double AnnotationsWaitMs)
{
    /** When the browser painted the first block's text (Element Timing), since navigation start. */
    public double FirstPaintMs { get; init; }
}

internal sealed record ScrollTiming(int Frames, double P50Ms, double P95Ms, double MaxMs, int SlowFrames);

/// <summary>Headless Chromium on the annotation view, signed in with the seeding client's session cookie.</summary>
internal sealed class LongArticleBrowser : IAsyncDisposable
{
    private readonly Chromium chromium;
    private readonly IBrowserContext context;

    private LongArticleBrowser(Chromium chromium, IBrowserContext context)
    {
        this.chromium = chromium;
        this.context = context;
    }

    public static async Task<LongArticleBrowser> StartAsync(AppServer server)
    {
        var chromium = await Chromium.LaunchAsync();
        return new LongArticleBrowser(chromium, await chromium.NewContextAsync(server.BaseAddress, server.Cookies));
    }

    /// <summary>Opens the document in a new tab: wall time until block 0 is visible, and the page's own marks.</summary>
    public async Task<(NavigationTiming Timing, IPage Page)> OpenAsync(string documentId)
    {
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(Chromium.DocumentPath(documentId), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-block='0']").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var wall = clock.Elapsed.TotalMilliseconds;
        await page.WaitForFunctionAsync(Chromium.AnnotationsDrawn);
        var marks = await page.EvaluateAsync<double[]>("""
            () => {
              const mark = n => performance.getEntriesByName(n)[0]?.startTime ?? -1;
              const api = suffix => performance.getEntriesByType('resource').find(r => new URL(r.name).pathname.endsWith(suffix));
              const doc = api('/' + location.pathname.split('/').pop());
              const ann = api('/annotations');
              return [mark('annotate:text-visible'), mark('annotate:annotations-drawn'),
                doc ? doc.responseStart - doc.requestStart : -1, doc ? doc.responseEnd : -1, ann ? ann.responseStart - ann.requestStart : -1];
            }
            """);
        var painted = await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              new PerformanceObserver((list, observer) => {
                const entry = list.getEntries().find(e => e.identifier === 'first-text');
                if (entry) { observer.disconnect(); resolve(entry.renderTime || entry.loadTime); }
              }).observe({ type: 'element', buffered: true });
              setTimeout(() => resolve(-1), 3000);
            })
            """);
        return (new NavigationTiming(wall, marks[0], marks[1], marks[2], marks[3], marks[4]) { FirstPaintMs = painted }, page);
    }

    /// <summary>
    /// Selects a few words at the start of a paragraph in view (as a script, the way a drag ends; the paragraph may run
    /// on below the window), presses a label key, and
    /// measures until the new highlight is on screen: in the page (key event to the frame after drawing) and from here.
    /// </summary>
    public static async Task<(double InPageMs, double WallMs)> CreateSpanAsync(IPage page, int attempt)
    {
        await page.EvaluateAsync("y => window.scrollTo(0, y)", 2000 + (attempt * 1500));
        await page.WaitForTimeoutAsync(150);
        var selected = await page.EvaluateAsync<bool>("""
            () => {
              const blocks = [...document.querySelectorAll('p[data-block]')];
              const p = blocks.find(b => { const r = b.getBoundingClientRect(); return r.top > 260 && r.top < innerHeight - 120; });
              const text = p && [...p.childNodes].find(n => n.nodeType === 3 && n.data.length > 40);
              if (!text) return false;
              const range = document.createRange();
              const start = text.data.indexOf(' ') + 1;
              range.setStart(text, start);
              range.setEnd(text, text.data.indexOf(' ', start + 20));
              getSelection().removeAllRanges();
              getSelection().addRange(range);
              return true;
            }
            """);
        if (!selected)
        {
            throw new InvalidOperationException("No paragraph in view to select from.");
        }

        var before = await page.EvaluateAsync<int>("() => performance.getEntriesByName('annotate:span-rendered').length");
        var clock = Stopwatch.StartNew();
        await page.Keyboard.PressAsync("b");
        await page.WaitForFunctionAsync($"() => performance.getEntriesByName('annotate:span-rendered').length > {before}",
            null, new() { PollingInterval = 5 });
        var wall = clock.Elapsed.TotalMilliseconds;
        var inPage = await page.EvaluateAsync<double>("() => performance.getEntriesByName('annotate:span-rendered').at(-1).duration");
        return (inPage, wall);
    }

    /// <summary>Scrolls 300 px a frame for 120 frames and records each frame's length (and a Chrome trace of it, given a path).</summary>
    public static async Task<ScrollTiming> ScrollAsync(IPage page, string? tracePath = null)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var trace = await LongArticleTrace.StartAsync(page, tracePath);
        var json = await page.EvaluateAsync<JsonElement>("""
            () => new Promise(resolve => {
              const frames = [];
              let last = performance.now();
              let n = 0;
              const step = now => {
                frames.push(now - last);
                last = now;
                window.scrollBy(0, 300);
                if (++n < 120) requestAnimationFrame(step); else resolve(frames.slice(1));
              };
              requestAnimationFrame(step);
            })
            """);
        if (trace is not null)
        {
            await trace.StopAsync();
        }

        var frames = json.EnumerateArray().Select(e => e.GetDouble()).Order().ToArray();
        return new ScrollTiming(frames.Length, Percentile(frames, 0.5), Percentile(frames, 0.95), frames[^1], frames.Count(f => f > 50));
    }

    public static async Task WaitForSavedAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=save-status]')?.dataset.state === 'saved'");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await chromium.DisposeAsync();
    }

    public static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
}
