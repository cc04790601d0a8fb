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

    /// <summary>A PUT through the page's session, as the script would send it; asserts it succeeded.</summary>
    public static async Task PutAsync(IPage page, string url, object body)
    {
        var put = await page.Context.APIRequest.PutAsync(url, new() { DataObject = body, Headers = await HeadersAsync(page) });
        Assert.True(put.Ok, $"PUT {url} answered {put.Status}: {await put.TextAsync()}");
    }
}
