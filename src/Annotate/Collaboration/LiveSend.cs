using StackExchange.Redis;

namespace Annotate.Collaboration;

/// <summary>
/// Sends a live message after a commit without letting a backplane outage fail the write behind it: the change is
/// already stored, and clients catch it up by sequence number. Only transport failures are swallowed (and logged).
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
