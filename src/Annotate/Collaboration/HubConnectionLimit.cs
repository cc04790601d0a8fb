using System.Collections.Concurrent;
using Annotate.Hosting;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Annotate.Collaboration;

/// <summary>
/// At most <see cref="AnnotateOptions.MaxHubConnectionsPerUser"/> live hub connections per person on this instance:
/// each holds memory, groups and a place in every sweep, so one script or a stolen token cannot open thousands.
/// A browser needs one per tab. Counted per instance (each has its own memory to protect).
/// </summary>
internal sealed class HubConnectionLimit(IOptions<AnnotateOptions> options)
{
    private readonly ConcurrentDictionary<string, int> perUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> counted = new(StringComparer.Ordinal);

    /// <summary>Counts a new connection, or refuses it with a message the client sees when it closes.</summary>
    public void Enter(HubCallerContext context)
    {
        var userId = SessionUsers.From(context.User!)?.UserId ?? "";
        var limit = options.Value.MaxHubConnectionsPerUser;
        while (true)
        {
            var current = perUser.GetOrAdd(userId, 0);
            if (current >= limit)
            {
                throw new HubException($"Too many live connections: at most {limit} per person at once. Close other tabs or scripts and try again.");
            }

            if (perUser.TryUpdate(userId, current + 1, current))
            {
                counted[context.ConnectionId] = userId;
                return;
            }
        }
    }

    /// <summary>Uncounts a connection that was counted (a refused one never was).</summary>
    public void Leave(HubCallerContext context)
    {
        if (counted.TryRemove(context.ConnectionId, out var userId))
        {
            var left = perUser.AddOrUpdate(userId, 0, (_, n) => Math.Max(0, n - 1));
            if (left == 0)
            {
                perUser.TryRemove(KeyValuePair.Create(userId, 0));
            }
        }
    }
}
