using StackExchange.Redis;

namespace Annotate.Collaboration;

/// <summary>
/// The one path of every hub send (live pushes, agreement notices, presence, mode changes): a backplane outage
/// never fails the write or hub call behind it, since the change is already stored and clients catch it up by
/// sequence number. Only transport failures are swallowed (and logged) here; anything else a push throws after a
/// commit is caught and logged by the change feed.
/// </summary>
internal static partial class LiveSend
{
    public static async Task TryAsync(Func<Task> send, ILogger logger, string what)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            NotSent(logger, what, ex.Message);
        }
    }

    public static bool IsTransportFailure(Exception ex) => ex is RedisException or RedisTimeoutException or TimeoutException or IOException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live message not sent ({What}): {Reason}. Clients catch up by sequence number.")]
    private static partial void NotSent(ILogger logger, string what, string reason);
}
