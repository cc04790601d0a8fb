using System.Security.Claims;
using Annotate.Hosting;
using Annotate.Projects;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Sessions;

/// <summary>
/// How a person signs in: a user name and password (an account), or a display name (local mode), optionally as the
/// owner of the served corpus's project (the person at the machine: curate, export, settings).
/// </summary>
public sealed record SignInRequest(string? DisplayName, string? UserName = null, string? Password = null, bool? Owner = null);

/// <summary>What sign-in works for this request: a display name only on this machine (local mode); accounts always.</summary>
public sealed record SignInOptions(bool DisplayName);

internal static class SessionApi
{
    public const int MaxDisplayNameLength = 64;

    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder api)
    {
        // 204 rather than 401 when nobody is signed in: asking is not an error (and browsers log every 401).
        api.MapGet("/session", Results<Ok<SessionUser>, NoContent> (ClaimsPrincipal user) =>
            SessionUsers.From(user) is { } current ? TypedResults.Ok(current) : TypedResults.NoContent())
            .AllowAnonymous()
            .WithSummary("Who is signed in, or 204 No Content when nobody is.");

        api.MapGet("/session/options", (HttpContext context) => TypedResults.Ok(new SignInOptions(context.IsLocal())))
            .AllowAnonymous()
            .WithSummary("Which sign-in works for this request: { displayName } is true in local mode (a request from this machine), when display names are accepted; accounts always are.");

        api.MapPost("/session", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Signs in with an account { userName, password } or, on a local-mode server, a display name (a cookie session). After 5 failures for one account from one address, that address waits (429 with Retry-After, doubling).");

        api.MapDelete("/session", async (HttpContext context, SecurityStamps stamps, CancellationToken ct) =>
        {
            // Ended on the server too: a copy of the cookie (another tab, another device, a thief) stops working.
            if (SessionUsers.From(context.User) is { } user && !SessionUsers.ByToken(context.User))
            {
                await stamps.RenewAsync(user.UserId, ct);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            // The token of the signed-in user is no good to an anonymous caller: hand out an anonymous one.
            Annotate.Hosting.CrossSiteGuard.IssueToken(context, new ClaimsPrincipal(new ClaimsIdentity()));
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Signs out, ending every session of the caller on the server (other browsers and copies of the cookie included).");

        api.MapDelete("/users/{userId}/sessions", EndSessionsAsync)
            .WithSummary("Ends every session of a person (server owners only): their cookies stop working within seconds, live connections included. API tokens are revoked separately.");
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndSessionsAsync(string userId, SessionUser me, UserStore users, SecurityStamps stamps, CancellationToken ct)
    {
        if (!await users.IsServerOwnerAsync(me.UserId, ct))
        {
            return TypedResults.Problem(title: "Server owners only", detail: "Only a server owner may end another person's sessions.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await stamps.RenewAsync(userId, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such person", detail: $"There is no user with id '{userId}'.", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>Why a display name is not acceptable, or null.</summary>
    public static string? DisplayNameProblem(string name) => NameRules.Problem(name, "display name", MaxDisplayNameLength);

    private static async Task<Results<Ok<SessionUser>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest? request, HttpContext context, UserStore users, ProjectMembers members, SignInThrottle throttle, Classroom.Assignments assignments, CancellationToken ct)
    {
        if (request?.UserName is not null || request?.Password is not null)
        {
            return await AccountSignIn.SignInAsync(request, context, users, throttle, ct);
        }

        if (!context.IsLocal())
        {
            return TypedResults.Problem(title: "An account is needed",
                detail: "Display names are for a server used on its own machine; this request came over the network or through a proxy: " +
                    "sign in with your user name and password, or join a class with its code.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var name = request?.DisplayName?.Trim() ?? "";
        var error = request is null ? "Send a JSON body such as {\"displayName\": \"Ana\"}." : DisplayNameProblem(name);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["displayName"] = [error] }, title: "Invalid display name");
        }

        // On a server for this machine only, a display name makes one an annotator of the served corpus, or its owner
        // when asked: the person at the machine is trusted with everything there (curate, export, settings).
        var user = await users.CreateAsync(name, ct);
        var owner = request!.Owner == true;
        await members.EnsureAsync(ProjectStore.DefaultProject, user.UserId, owner ? ProjectRoles.Owner : ProjectRoles.Annotator, ct);
        if (!owner)
        {
            await assignments.AssignNewcomerAsync(ProjectStore.DefaultProject, user.UserId, ct);
        }

        await SessionUsers.SignInAsync(context, user);
        return TypedResults.Ok(user);
    }
}
