using Microsoft.Playwright;

namespace Annotate.BrowserTests.Infrastructure;

/// <summary>One headless Chromium for the whole test collection; each test opens its own context (own cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        // Expect(…) waits as long as a locator action does (the context's 10 s, below) instead of Playwright's 5 s: two
        // groups of browser tests run side by side, and a page that draws late on a busy machine is not a failure.
        // A test that asserts a time limit gives its own timeout.
        Assertions.SetDefaultExpectTimeout(10_000);
        var executable = ChromiumLocator.ExecutablePath;
        _playwright = await Playwright.CreateAsync();
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = LaunchArgs };
        if (executable is not null)
        {
            options.ExecutablePath = executable;
        }

        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(options);
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException(
                $"Chromium ({executable ?? "Playwright's own build"}) did not start: {ex.Message} {ChromiumLocator.Remedies}", ex);
        }
    }

    /// <summary>A fresh browser context on the app, with console errors recorded for the test to check.</summary>
    public Task<BrowserSession> OpenAsync(Uri baseAddress) => OpenAsync(baseAddress, new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    /// <summary>A fresh context with a screen of the given size (a projector's 1280×720, say).</summary>
    public Task<BrowserSession> OpenAsync(Uri baseAddress, int width, int height) => OpenAsync(baseAddress, new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = width, Height = height },
    });

    /// <summary>A fresh context as a phone shows the app: 390×844, touch, a mobile viewport (students use phones).</summary>
    public Task<BrowserSession> OpenPhoneAsync(Uri baseAddress) => OpenAsync(baseAddress, new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        HasTouch = true,
        IsMobile = true,
        DeviceScaleFactor = 3,
    });

    private async Task<BrowserSession> OpenAsync(Uri baseAddress, BrowserNewContextOptions options)
    {
        options.BaseURL = baseAddress.ToString();
        options.Locale = "en-GB";
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        // A page load waits for every script and style: at load average 50 a /join page took over 10 s to load.
        // Waits for what a page draws keep the 10 s above.
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
