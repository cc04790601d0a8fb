using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Sessions;

/// <summary>A change of one's own password.</summary>
public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>Signing in with a user name and password, and changing one's password.</summary>
internal static class AccountSignIn
{
    public static async Task<Results<Ok<SessionUser>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, UserStore users, SignInThrottle throttle, CancellationToken ct)
    {
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [userName.Length == 0 ? "userName" : "password"] = [userName.Length == 0 ? "Enter your user name." : "Enter your password."],
            }, title: "Invalid sign-in");
        }

        var address = context.Connection.RemoteIpAddress;
        if (throttle.Wait(userName, address) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many failed sign-ins",
                detail: $"Too many failed sign-ins for this account from your address; try again in {seconds} seconds.", statusCode: 429);
        }

        // The same answer, after the same work, whether the name or the password was wrong: names cannot be probed.
        var account = await users.FindAccountAsync(userName, ct);
        if (!Passwords.Verify(account?.PasswordHash, request.Password) || account is null)
        {
            throttle.Failed(userName, address);
            return TypedResults.Problem(title: "Wrong user name or password", detail: "The user name or the password is not right.", statusCode: 401);
        }

        throttle.Succeeded(userName, address);
        var user = new SessionUser(account.Id, account.DisplayName);
        await SessionUsers.SignInAsync(context, user);
        return TypedResults.Ok(user);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChange? change, HttpContext context, UserStore users, SecurityStamps stamps, CancellationToken ct)
    {
        var caller = SessionUsers.From(context.User)!;
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
        // Every other session ends (whoever knew the old password is out); this browser gets a cookie with the new stamp.
        await stamps.RenewAsync(caller.UserId, ct);
        if (!SessionUsers.ByToken(context.User))
        {
            await SessionUsers.SignInAsync(context, caller);
        }

        return TypedResults.NoContent();
    }
}
