using Microsoft.Playwright;

namespace Annotate.BrowserTests.Infrastructure;

/// <summary>
/// Every SignalR message a page's live connection received, in order (JSON protocol, one message per record).
/// A test that must show something did NOT arrive waits for a later message the server is known to send on the same
/// connection after it (a sentinel: one connection's messages arrive in the order they were sent) and then looks at
/// what came before, instead of waiting for a fixed time.
/// </summary>
public sealed class LiveFrames
{
    private const char RecordSeparator = '\u001e';
    private readonly List<string> messages = [];

    private LiveFrames(IPage page) => page.WebSocket += (_, socket) =>
    {
        if (socket.Url.Contains("/hubs/", StringComparison.Ordinal))
        {
            socket.FrameReceived += (_, frame) => Add(frame.Text);
        }
    };

    /// <summary>Starts recording; call before the page opens its live connection (before it navigates to a document).</summary>
    public static LiveFrames Record(IPage page) => new(page);

    private void Add(string? text)
    {
        lock (messages)
        {
            messages.AddRange((text ?? "").Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>The messages received before the first that contains every one of <paramref name="sentinel"/>, once it has arrived.</summary>
    public async Task<IReadOnlyList<string>> BeforeAsync(params string[] sentinel)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (messages)
            {
                var at = messages.FindIndex(m => sentinel.All(part => m.Contains(part, StringComparison.Ordinal)));
                if (at >= 0)
                {
                    return messages[..at];
                }
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No live message with {string.Join(" and ", sentinel)} arrived within 10 s.");
            }

            await Task.Delay(20);
        }
    }
}
