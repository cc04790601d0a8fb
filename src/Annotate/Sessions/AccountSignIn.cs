using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Sessions;

/// <summary>A change of one's own password.</summary>
public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Failed sign-ins per account: after <see cref="MaxFailures"/> within <see cref="Window"/> the account refuses
/// further attempts until the window passes (the per-address limit alone would let a botnet guess one password).
/// </summary>
internal sealed class AccountLockout(TimeProvider time)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> failures = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string userName) =>
        failures.TryGetValue(userName, out var f) && f.Failures >= MaxFailures && time.GetUtcNow() - f.Since < Window;

    public void Failed(string userName) => failures.AddOrUpdate(userName, _ => (1, time.GetUtcNow()),
        (_, f) => time.GetUtcNow() - f.Since >= Window ? (1, time.GetUtcNow()) : (f.Failures + 1, f.Since));

    public void Succeeded(string userName) => failures.TryRemove(userName, out _);
}

/// <summary>Signing in with a user name and password, and changing one's password.</summary>
internal static class AccountSignIn
{
    public static async Task<Results<Ok<SessionUser>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, UserStore users, AccountLockout lockout, CancellationToken ct)
    {
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [userName.Length == 0 ? "userName" : "password"] = [userName.Length == 0 ? "Enter your user name." : "Enter your password."],
            }, title: "Invalid sign-in");
        }

        if (lockout.IsLocked(userName))
        {
            return TypedResults.Problem(title: "Too many failed sign-ins",
                detail: $"This account had {AccountLockout.MaxFailures} failed sign-ins; try again in {AccountLockout.Window.TotalMinutes:0} minutes.", statusCode: 429);
        }

        // The same answer whether the name or the password was wrong: names cannot be probed.
        if (await users.FindAccountAsync(userName, ct) is not { } account || !Passwords.Verify(account.PasswordHash, request.Password))
        {
            lockout.Failed(userName);
            return TypedResults.Problem(title: "Wrong user name or password", detail: "The user name or the password is not right.", statusCode: 401);
        }

        lockout.Succeeded(userName);
        var user = new SessionUser(account.Id, account.DisplayName);
        await SessionUsers.SignInAsync(context, user);
        return TypedResults.Ok(user);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChange? change, ClaimsPrincipal principal, UserStore users, CancellationToken ct)
    {
        var caller = SessionUsers.From(principal)!;
        if (await users.AccountAsync(caller.UserId, ct) is not { } account)
        {
            return TypedResults.Problem(title: "No password", detail: "You signed in with a display name; only accounts have passwords.", statusCode: 400);
        }

        if (string.IsNullOrEmpty(change?.CurrentPassword) || !Passwords.Verify(account.PasswordHash, change.CurrentPassword))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["Your current password is not right."] }, title: "Invalid password change");
        }

        if (Passwords.Problem(change.NewPassword) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [problem] }, title: "Invalid password change");
        }

        await users.SetPasswordAsync(caller.UserId, Passwords.Hash(change.NewPassword!), ct);
        return TypedResults.NoContent();
    }
}
