using System.Collections.Concurrent;
using System.Net;

namespace Annotate.Sessions;

/// <summary>
/// Failed sign-ins per account and client address: after <see cref="FreeFailures"/> the next attempt from that
/// address for that account must wait, 30 s at first and twice as long after each further failure (at most an
/// hour). It slows a guesser without locking anyone out: the same account from another address is not affected,
/// so failures sent on purpose cannot keep its owner from signing in. Failures are forgotten a day after the last.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<(string Name, string Address), (int Failures, DateTimeOffset Last)> failures = new();

    /// <summary>How long this address must wait before trying this account again, or null when it may try now.</summary>
    public TimeSpan? Wait(string userName, IPAddress? address)
    {
        if (!failures.TryGetValue(Key(userName, address), out var f) || f.Failures < FreeFailures)
        {
            return null;
        }

        var doublings = Math.Min(f.Failures - FreeFailures, 10);
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << doublings, MaxDelay.Ticks));
        var left = f.Last + delay - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string userName, IPAddress? address)
    {
        var now = time.GetUtcNow();
        if (failures.Count >= MaxEntries)
        {
            // Names sprayed from many addresses must not grow memory without bound: old entries go first, then those
            // that impose no wait yet.
            foreach (var old in failures.Where(e => now - e.Value.Last >= Forget || e.Value.Failures < FreeFailures).Select(e => e.Key).ToList())
                failures.TryRemove(old, out _);
        }

        failures.AddOrUpdate(Key(userName, address), _ => (1, now), (_, f) => now - f.Last >= Forget ? (1, now) : (f.Failures + 1, now));
    }

    public void Succeeded(string userName, IPAddress? address) => failures.TryRemove(Key(userName, address), out _);

    private static (string, string) Key(string userName, IPAddress? address) => (userName.ToLowerInvariant(), address?.ToString() ?? "unknown");
}
