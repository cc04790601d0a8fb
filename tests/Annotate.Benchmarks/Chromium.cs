using System.Net;
using Microsoft.Playwright;

namespace Annotate.Benchmarks;

/// <summary>
/// Debian's headless Chromium through Playwright (CHROMIUM_PATH overrides /usr/bin/chromium), with browser contexts
/// signed in as the app's API clients are: their session cookies copied in. Shared by the browser benchmarks.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    /// <summary>The annotation view has loaded and drawn its annotations.</summary>
    public const string AnnotationsDrawn = "() => performance.getEntriesByName('annotate:annotations-drawn').length > 0";

    private static readonly string[] LaunchArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = LaunchArgs });
        return new Chromium(playwright, browser);
    }

    /// <summary>A new context (1440×900) on the app, signed in as whoever owns <paramref name="cookies"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, CookieContainer cookies)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        await context.AddCookiesAsync(cookies.GetCookies(baseAddress).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Url = baseAddress.ToString(), HttpOnly = c.HttpOnly, SameSite = SameSiteAttribute.Strict,
        }));
        return context;
    }

    public static string DocumentPath(string documentId) => $"/documents/{Uri.EscapeDataString(documentId)}";

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
