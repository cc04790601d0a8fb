using Annotate.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Annotate.Sessions;

/// <summary>Who the caller is: a session cookie (an account or a display name) or an API token, checked against the database.</summary>
internal static class SessionsSetup
{
    public static IServiceCollection AddAnnotateSessions(this IServiceCollection services)
    {
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SecurityStamps>();
        services.AddAuthentication(TokenAuthentication.Selector)
            .AddPolicyScheme(TokenAuthentication.Selector, "Session cookie or API token", options => options.ForwardDefaultSelector = TokenAuthentication.Select)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null)
            .AddCookie(options =>
        {
            options.Cookie.Name = "annotate.session";
            options.Cookie.HttpOnly = true;
            // Strict: the browser never sends the session on a request started by another site.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromDays(30);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // An API answers 401/403 with ProblemDetails; it never redirects to a login page.
                OnRedirectToLogin = context => context.HttpContext.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Not signed in",
                    "Sign in with a display name first (POST /api/session)."),
                OnRedirectToAccessDenied = context => context.HttpContext.WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
                    "You may not do this."),
                // The cookie is checked against the person's security stamp on every request (cached for seconds): a
                // removed user, a signed-out cookie or one from before a password change or revoke is refused.
                OnValidatePrincipal = async context =>
                {
                    var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
                    if (!await stamps.IsCurrentAsync(context.Principal!, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                    }
                },
            };
        });
        services.AddAuthorization();
        services.AddSignInRateLimit();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateSessions(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("").WithTags("Sessions");
        sessions.MapSessions();
        sessions.MapAccount();
        return api;
    }
}
