using Microsoft.Playwright;

namespace Annotate.BrowserTests.Infrastructure;

/// <summary>One person's browser: a context and its page, plus every console error the page printed.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpected(message))
            {
                lock (_errors)
                {
                    _errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"Uncaught: {error}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    // The browser logs every non-2xx fetch. GET /api/session answering 401 is how the app learns nobody is
    // signed in (the API contract), so that one line is expected; any other failed request is not.
    private static bool IsExpected(IConsoleMessage message) =>
        message.Text.Contains("status of 401", StringComparison.Ordinal) &&
        message.Location.Contains("/api/session", StringComparison.Ordinal);

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
