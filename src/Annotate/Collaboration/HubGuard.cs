using System.Collections.Concurrent;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// Runs before every hub call. The user is checked against the database each time (a cookie that was valid at
/// connect may not be now), and each user has a token bucket, since ASP.NET's rate limiter does not see hub
/// messages: one person's flood is refused without slowing anyone else.
/// </summary>
internal sealed class HubGuard(UserStore users, SecurityStamps stamps, ApiTokens tokens, TimeProvider time) : IHubFilter
{
    private readonly ConcurrentDictionary<string, UserBucket> buckets = new(StringComparer.Ordinal);

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

        if (!buckets.GetOrAdd(user.UserId, _ => new UserBucket(time.GetUtcNow())).TryTake(time.GetUtcNow()))
        {
            throw new HubException("Too many calls: slow down and retry in a moment.");
        }

        return await next(invocation);
    }

    /// <summary>
    /// One person's token bucket: 20 calls a second on average, bursts of 100, far above a person's pace and far below
    /// a flood. Refilled by the app's clock, a whole second's tokens at a time, as calls come (no timer of its own),
    /// so the limit is the same on a loaded machine as on an idle one. (The runtime's TokenBucketRateLimiter refills
    /// by the machine's clock.)
    /// </summary>
    private sealed class UserBucket(DateTimeOffset start)
    {
        private const int Burst = 100;
        private const int PerPeriod = 20;
        private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
        private readonly Lock gate = new();
        private DateTimeOffset since = start;
        private long tokens = Burst;

        public bool TryTake(DateTimeOffset now)
        {
            lock (gate)
            {
                var periods = (now - since).Ticks / Period.Ticks;
                if (periods > 0)
                {
                    tokens = Math.Min(Burst, tokens + (periods * PerPeriod));
                    since += Period * periods;
                }

                if (tokens == 0)
                    return false;
                tokens--;
                return true;
            }
        }
    }
}
