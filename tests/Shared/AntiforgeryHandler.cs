using System.Net;

namespace Annotate.TestSupport;

/// <summary>
/// Does what the page's script does: copies the XSRF-TOKEN cookie into the X-XSRF-TOKEN header of every write,
/// fetching the cookie first (GET /api/antiforgery) when the client has none yet. One source file, linked into
/// every test and benchmark project (see their .csproj), so the clients cannot drift apart.
/// </summary>
internal sealed class AntiforgeryHandler(CookieContainer cookies) : DelegatingHandler
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string CookieName = "XSRF-TOKEN";

    /// <summary>A client with its own cookies that sends the token the way the browser app does.</summary>
    public static HttpClient Client(Uri baseAddress, CookieContainer cookies) =>
        new(new AntiforgeryHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } }) { BaseAddress = baseAddress };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method;
        if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options && !request.Headers.Contains(HeaderName))
        {
            var uri = request.RequestUri!;
            if (TokenFor(uri) is not { } token)
            {
                using var fetch = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, "/api/antiforgery"));
                using var response = await base.SendAsync(fetch, cancellationToken);
                token = TokenFor(uri);
            }

            if (token is not null)
            {
                request.Headers.Add(HeaderName, token);
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private string? TokenFor(Uri uri) => cookies.GetCookies(uri)[CookieName]?.Value is { Length: > 0 } value ? Uri.UnescapeDataString(value) : null;
}
