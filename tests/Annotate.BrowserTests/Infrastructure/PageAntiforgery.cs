using Microsoft.Playwright;

namespace Annotate.BrowserTests.Infrastructure;

/// <summary>Writes through a page's own request context send its XSRF-TOKEN cookie as the header, as the script does.</summary>
internal static class PageAntiforgery
{
    public static async Task<Dictionary<string, string>> HeadersAsync(IPage page)
    {
        var cookie = (await page.Context.CookiesAsync()).FirstOrDefault(c => c.Name == AntiforgeryHandler.CookieName)
            ?? throw new InvalidOperationException("The page has no XSRF-TOKEN cookie: it has made no GET under /api yet.");
        return new Dictionary<string, string> { [AntiforgeryHandler.HeaderName] = Uri.UnescapeDataString(cookie.Value) };
    }
}
