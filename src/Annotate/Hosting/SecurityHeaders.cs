namespace Annotate.Hosting;

/// <summary>
/// Response headers every page and answer carries (HSTS on HTTPS ones, no-store on the API's), and the hub's check of
/// where a connection comes from.
/// The Content-Security-Policy is enforced (not report-only) and allows no inline script or style: even if a
/// sanitiser let something through, the browser would not run it.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A year, renewed by every HTTPS answer.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseAnnotateSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // API answers hold people's work and the hub's negotiation a connection token: no cache may keep them.
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            headers.CacheControl = "no-store";
        }

        // Over HTTPS (directly, or X-Forwarded-Proto from the proxy on this machine) browsers must never fall back to
        // plain HTTP for this site. Not for loopback names: that would pin every local app to HTTPS.
        if (context.Request.IsHttps && !Annotate.Projects.AccessMode.IsLoopbackName(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        // A page on another site must not open a WebSocket (or negotiate) with the visitor's cookie: browsers send
        // cookies on WebSockets whatever SameSite says about the page, so the Origin is checked here.
        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && !SameOrigin(origin, context.Request))
        {
            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Foreign origin",
                $"Connections from '{origin}' are refused: the hub serves this site's own pages and scripts with a token.");
            return;
        }

        await next(context);
    });

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
