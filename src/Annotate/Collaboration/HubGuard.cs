using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// Runs before every hub call. The user is checked against the database each time (a cookie that was valid at
/// connect may not be now), and each user has a token bucket, since ASP.NET's rate limiter does not see hub
/// messages: one person's flood is refused without slowing anyone else.
/// </summary>
internal sealed class HubGuard(UserStore users, SecurityStamps stamps, ApiTokens tokens) : IHubFilter
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> buckets = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var user = SessionUsers.From(invocation.Context.User!);
        if (user is null || !await users.ExistsAsync(user.UserId, invocation.Context.ConnectionAborted))
        {
            invocation.Context.Abort();
            throw new HubException("Your session has ended; sign in again.");
        }

        // A connection made with a session cookie that has since been ended (sign-out, password change, revoke).
        if (!await stamps.IsCurrentAsync(invocation.Context.User!, invocation.Context.ConnectionAborted))
        {
            invocation.Context.Abort();
            throw new HubException("Your session has ended; sign in again.");
        }

        // A connection made with an API token lives on after the token is revoked: it ends with it.
        if (!await tokens.StillValidAsync(invocation.Context.User!, invocation.Context.ConnectionAborted))
        {
            invocation.Context.Abort();
            throw new HubException("The API token of this connection has been revoked.");
        }

        using var lease = Bucket(user.UserId).AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new HubException("Too many calls: slow down and retry in a moment.");
        }

        return await next(invocation);
    }

    // 20 calls a second on average, bursts of 100: far above a person's pace, far below a flood.
    private TokenBucketRateLimiter Bucket(string userId) => buckets.GetOrAdd(userId, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 100,
        TokensPerPeriod = 20,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    }));
}
