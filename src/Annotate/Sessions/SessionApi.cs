using Annotate.Hosting;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Sessions;

/// <summary>How a person signs in: a user name and password (an account), or a display name (local mode).</summary>
public sealed record SignInRequest(string? DisplayName, string? UserName = null, string? Password = null);

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

        api.MapPost("/session", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Signs in with a display name (a cookie session).");

        api.MapDelete("/session", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            // The token of the signed-in user is no good to an anonymous caller: hand out an anonymous one.
            Annotate.Hosting.CrossSiteGuard.IssueToken(context, new ClaimsPrincipal(new ClaimsIdentity()));
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Signs out.");
        return api;
    }

    /// <summary>Why a display name is not acceptable, or null.</summary>
    public static string? DisplayNameProblem(string name) => name switch
    {
        "" => "Enter a display name.",
        { Length: > MaxDisplayNameLength } => $"A display name has at most {MaxDisplayNameLength} characters; this one has {name.Length}.",
        _ when name.Any(char.IsControl) => "A display name cannot contain control characters.",
        // Direction overrides and invisible characters let one name pass for another (the emoji joiner is fine).
        _ when name.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c != '\u200D') =>
            "A display name cannot contain invisible formatting characters (such as direction marks or zero-width spaces).",
        _ => null,
    };

    private static async Task<Results<Ok<SessionUser>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest? request, HttpContext context, UserStore users, ProjectMembers members, AccountLockout lockout, Classroom.Assignments assignments, CancellationToken ct)
    {
        if (request?.UserName is not null || request?.Password is not null)
        {
            return await AccountSignIn.SignInAsync(request, context, users, lockout, ct);
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

        // On a server for this machine only, a display name makes one an annotator of the served corpus.
        var user = await users.CreateAsync(name, ct);
        await members.EnsureAsync(ProjectStore.DefaultProject, user.UserId, ProjectRoles.Annotator, ct);
        await assignments.AssignNewcomerAsync(ProjectStore.DefaultProject, user.UserId, ct);
        await SessionUsers.SignInAsync(context, user);
        return TypedResults.Ok(user);
    }
}
