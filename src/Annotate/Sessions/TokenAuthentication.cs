using System.Text.Encodings.Web;
using Annotate.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Annotate.Sessions;

/// <summary>
/// `Authorization: Bearer TOKEN` on any endpoint, or `?access_token=TOKEN` on the hub (browsers' WebSockets cannot
/// send headers): the caller becomes the token's user, with exactly that user's rights. The selector sends
/// requests with a token here and all others to the session cookie.
/// </summary>
internal sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string Selector = "Annotate";

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query ? query : null;
    }

    /// <summary>Token requests to the token handler, everything else to the cookie.</summary>
    public static string Select(HttpContext context) => TokenOf(context.Request) is null ? CookieAuthenticationDefaults.AuthenticationScheme : SchemeName;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        // Looked up on every request: a revoked token stops working at once.
        // The token's id goes with the identity: a hub connection outlives this check and is checked again by it.
        if (await tokens.UserOfAsync(token, Context.RequestAborted) is not ({ } user, { } tokenId))
        {
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }

        var principal = SessionUsers.ToPrincipal(user, SchemeName);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(ApiTokens.TokenIdClaim, tokenId));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Invalid API token", "The API token is unknown or has been revoked; create a new one.");
}
