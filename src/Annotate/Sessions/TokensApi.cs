using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Sessions;

/// <summary>A request for a new personal API token.</summary>
public sealed record TokenRequest(string? Name);

/// <summary>The caller: an account (a user name and a password to change) or a display-name person (neither).</summary>
public sealed record AccountInfo(string UserId, string DisplayName, string? UserName, bool HasPassword);

/// <summary>The caller's personal API tokens (a script's way in), and their password.</summary>
internal static class TokensApi
{
    public static RouteGroupBuilder MapAccount(this RouteGroupBuilder api)
    {
        api.MapGet("/account", async (SessionUser me, UserStore users, CancellationToken ct) =>
            {
                var account = await users.AccountAsync(me.UserId, ct);
                return TypedResults.Ok(new AccountInfo(me.UserId, me.DisplayName, account?.UserName, account is not null));
            })
            .WithSummary("The caller: { userId, displayName, userName, hasPassword } (a display-name person has no user name and no password).");

        api.MapPost("/account/password", AccountSignIn.ChangePasswordAsync)
            .WithSummary("Changes the caller's password (accounts only): { currentPassword, newPassword }.");

        api.MapGet("/tokens", async (SessionUser me, ApiTokens tokens, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListAsync(me.UserId, ct)))
            .WithSummary("The caller's API tokens (names and dates; the secrets are never shown again).");

        api.MapPost("/tokens", CreateAsync)
            .WithSummary("Creates an API token with the caller's rights; the answer is the only time the token is shown. Send it as 'Authorization: Bearer TOKEN'. At most 50 live tokens per person (409 beyond).");

        api.MapDelete("/tokens/{id}", RevokeAsync)
            .WithSummary("Revokes one of the caller's API tokens; it stops working at once, and live hub connections made with it close.");
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, SessionUser me, ApiTokens tokens,
        Collaboration.MembershipSweep sweep, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(me.UserId, id, ct))
        {
            return TypedResults.Problem(title: "Token not found", detail: $"You have no API token with id '{id}'.", statusCode: 404);
        }

        sweep.CheckNow(); // hub connections made with it close now, not at the next round
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<NewApiToken>, ValidationProblem, ProblemHttpResult>> CreateAsync(TokenRequest? request, ClaimsPrincipal principal, ApiTokens tokens, CancellationToken ct)
    {
        var name = request?.Name?.Trim() ?? "";
        if (name.Length is 0 or > ApiTokens.MaxNameLength || name.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"Name the token (1–{ApiTokens.MaxNameLength} characters, e.g. \"export script\")."],
            }, title: "Invalid API token");
        }

        // A token may not mint further tokens: a leaked script token cannot make itself permanent.
        if (SessionUsers.ByToken(principal))
        {
            return TypedResults.Problem(title: "Not with a token", detail: "Create API tokens while signed in, not with another token.", statusCode: 403);
        }

        return await tokens.CreateAsync(SessionUsers.From(principal)!.UserId, name, ct) is { } token
            ? TypedResults.Created($"/api/tokens/{token.Id}", token)
            : TypedResults.Problem(title: "Too many API tokens", detail: ApiTokens.TooManyDetail, statusCode: StatusCodes.Status409Conflict);
    }
}
