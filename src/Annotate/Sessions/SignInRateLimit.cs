using System.Threading.RateLimiting;
using Annotate.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Annotate.Sessions;

/// <summary>
/// Each sign-in creates a user, so sign-ins are limited per client address. Generous, because a whole class may sit
/// behind one school address: 120 a minute, with up to 200 more waiting their turn instead of being refused.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1), QueueLimit = 200 }));
        // A class of 200 behind one school address joins within a minute; guessing an 8-character code
        // (31^8 ≈ 8.5 × 10^11) at this pace would take millennia.
        options.AddPolicy(Classroom.ClassroomApi.JoinPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 300, Window = TimeSpan.FromMinutes(1), QueueLimit = 100 }));
        options.OnRejected = (context, cancellationToken) => new ValueTask(context.HttpContext.WriteProblemAsync(StatusCodes.Status429TooManyRequests,
            "Too many sign-ins", "Too many sign-ins from this address; try again in a minute."));
    });
}
