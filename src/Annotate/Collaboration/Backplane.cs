using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace Annotate.Collaboration;

/// <summary>
/// Several app instances behind a load balancer share live messages through Redis (the SignalR Redis backplane).
/// Each client must stay on the instance it connected to (sticky sessions; see docs/deployment.md). A message lost
/// while Redis is away costs nothing: clients catch up by sequence number when they next see a change or reconnect.
/// </summary>
internal static class Backplane
{
    /// <summary>The prefix of every channel, so several Annotate deployments can share one Redis.</summary>
    public const string ChannelPrefix = "annotate";

    public static ISignalRServerBuilder AddAnnotateBackplane(this ISignalRServerBuilder signalR, string? redis)
    {
        if (string.IsNullOrWhiteSpace(redis))
        {
            return signalR;
        }

        return signalR.AddStackExchangeRedis(options => Configure(options, redis));
    }

    private static void Configure(RedisOptions options, string redis)
    {
        options.Configuration = ConfigurationOptions.Parse(redis);
        options.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
        // Start even when Redis is down, and keep trying: live messages resume when it returns.
        options.Configuration.AbortOnConnectFail = false;
        // While Redis is away a send fails at once instead of queueing: a save must not wait for the backplane.
        options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
    }
}
