using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Annotate.Benchmarks;

/// <summary>
/// A Chrome trace of the page (the DevTools timeline: tasks, style, layout, intersection observers, paint, commit),
/// for finding what makes a frame slow. The file opens in Chromium's DevTools (Performance, Load profile) or Perfetto.
/// </summary>
internal sealed class LongArticleTrace
{
    private readonly ICDPSession session;
    private readonly string path;
    private readonly ConcurrentQueue<string> events = new();
    private readonly TaskCompletionSource complete = new();

    private LongArticleTrace(ICDPSession session, string path)
    {
        this.session = session;
        this.path = path;
    }

    /// <summary>Starts tracing the page; null when no path is given.</summary>
    public static async Task<LongArticleTrace?> StartAsync(IPage page, string? path)
    {
        if (path is null)
        {
            return null;
        }

        var trace = new LongArticleTrace(await page.Context.NewCDPSessionAsync(page), Path.GetFullPath(path));
        trace.session.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            foreach (var item in data!.Value.GetProperty("value").EnumerateArray())
            {
                trace.events.Enqueue(item.GetRawText());
            }
        };
        trace.session.Event("Tracing.tracingComplete").OnEvent += (_, _) => trace.complete.TrySetResult();
        await trace.session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["categories"] = "devtools.timeline,disabled-by-default-devtools.timeline,blink",
            ["transferMode"] = "ReportEvents",
        });
        return trace;
    }

    /// <summary>Stops tracing and writes the trace file (a JSON array of trace events).</summary>
    public async Task StopAsync()
    {
        await session.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await File.WriteAllTextAsync(path, "[" + string.Join(",", events) + "]");
        Console.Error.WriteLine($"Trace of the scroll written to {path}.");
    }
}
