using System.Security.Claims;
using Annotate.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Annotate.Sessions;

/// <summary>
/// The signed-in person as claims. Everything else reads the user through here, so a real account system only has
/// to issue the same two claims.
/// </summary>
internal static class SessionUsers
{
    public static SessionUser? From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new SessionUser(id, principal.FindFirstValue(ClaimTypes.Name) ?? "")
            : null;

    public static ClaimsPrincipal ToPrincipal(SessionUser user, string scheme = CookieAuthenticationDefaults.AuthenticationScheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, user.UserId), new Claim(ClaimTypes.Name, user.DisplayName)], scheme));

    /// <summary>
    /// Starts a persistent cookie session, and hands out the anti-forgery token of the new user (the one sent before
    /// was bound to the previous identity).
    /// </summary>
    public static async Task SignInAsync(HttpContext context, SessionUser user)
    {
        // The cookie carries the person's security stamp: renewing it ends this session (SecurityStamps).
        var stamp = await context.RequestServices.GetRequiredService<SecurityStamps>().CurrentAsync(user.UserId, context.RequestAborted);
        var principal = ToPrincipal(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SecurityStamps.ClaimType, stamp ?? ""));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = true });
        CrossSiteGuard.IssueToken(context, principal);
    }

    /// <summary>Whether the request came with an API token rather than the browser's session cookie.</summary>
    public static bool ByToken(ClaimsPrincipal principal) => principal.Identity?.AuthenticationType == TokenAuthentication.SchemeName;
}
