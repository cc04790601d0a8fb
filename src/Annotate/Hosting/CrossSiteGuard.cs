using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace Annotate.Hosting;

/// <summary>
/// Cross-site request forgery protection for the JSON API, the cookie-to-header pattern: a GET under /api sets the
/// readable cookie XSRF-TOKEN when the caller has no valid one (sign-in and sign-out always do: a token is bound to
/// the user), and a write made with the session cookie must send its value back in the X-XSRF-TOKEN header. A page on another site
/// can neither read the cookie nor set the header without a CORS preflight we never grant; together with SameSite=Strict
/// cookies this closes cross-site request forgery. API tokens skip the check: a browser never attaches one by itself.
/// </summary>
internal static class CrossSiteGuard
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string CookieName = "XSRF-TOKEN";
    public const string MissingTokenTitle = "Missing anti-forgery token";

    public static IServiceCollection AddAnnotateAntiforgery(this IServiceCollection services) => services.AddAntiforgery(options =>
    {
        options.HeaderName = HeaderName;
        options.Cookie.Name = "annotate.antiforgery";
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // SecurityHeaders already forbids framing (X-Frame-Options: DENY, frame-ancestors 'none').
        options.SuppressXFrameOptionsHeader = true;
    });

    /// <summary>
    /// Makes sure every GET under /api leaves a token valid for the identity it was made with. A cookie that is
    /// still valid is left alone, so an answer that was under way while the person signed in or out cannot
    /// overwrite the newer token those responses set.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/api") && !await HasValidTokenAsync(context))
        {
            IssueToken(context);
        }

        await next(context);
    });

    // The XSRF-TOKEN cookie checked as if it had been sent as the header of a write.
    private static async Task<bool> HasValidTokenAsync(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } token)
        {
            return false;
        }

        var headers = context.Request.Headers;
        var sent = headers[HeaderName];
        headers[HeaderName] = token;
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
        finally
        {
            headers[HeaderName] = sent;
        }
    }

    /// <summary>
    /// Sets the XSRF-TOKEN cookie for a signed-in (or signed-out) principal; sign-in and sign-out call this after
    /// changing the session, since a token is only valid for the user it was issued to.
    /// </summary>
    public static void IssueToken(HttpContext context, ClaimsPrincipal principal)
    {
        context.User = principal;
        IssueToken(context);
    }

    private static void IssueToken(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        context.Response.Cookies.Append(CookieName, tokens.RequestToken!, new CookieOptions
        {
            // Readable on purpose: the page's script copies it into the header.
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    public static RouteGroupBuilder RequireSameSiteWrites(this RouteGroupBuilder api)
    {
        api.MapGet("/antiforgery", () => TypedResults.NoContent()).AllowAnonymous()
            .WithSummary("Sets the XSRF-TOKEN cookie (every GET under /api does), for a client whose first call is a write.");

        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var method = http.Request.Method;
            var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
            // A token is sent deliberately by a script; only cookies ride along on a forged cross-site request.
            if (safe || Annotate.Sessions.SessionUsers.ByToken(http.User))
            {
                return await next(context);
            }

            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(
                    title: MissingTokenTitle,
                    detail: $"Requests that change data must send the value of the '{CookieName}' cookie in the '{HeaderName}' header " +
                        "(cross-site request protection). GET /api/antiforgery sets the cookie; it changes when you sign in or out.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
        return api;
    }
}
