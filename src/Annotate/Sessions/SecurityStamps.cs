using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Annotate.Data;
using Dapper;

namespace Annotate.Sessions;

/// <summary>
/// Ends sessions on the server: each person has a security stamp, every session cookie carries the stamp it was
/// issued with, and a cookie whose stamp is no longer the person's is refused (HTTP and hub). Signing out, changing
/// one's password and a server owner's revoke all renew the stamp. Stamps are cached for a few seconds per
/// instance (renewed here, the cache forgets at once; another instance notices within <see cref="CacheFor"/>).
/// </summary>
internal sealed class SecurityStamps(Db db, TimeProvider time)
{
    public const string ClaimType = "annotate:stamp";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> cache = new(StringComparer.Ordinal);

    /// <summary>The person's current stamp, or null when there is no such person.</summary>
    public async Task<string?> CurrentAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(userId, out var cached) && now - cached.ReadAt < CacheFor)
        {
            return cached.Stamp;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var stamp = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT SecurityStamp FROM Users WHERE Id = @Id;", new { Id = userId }, cancellationToken: cancellationToken));
        cache[userId] = (stamp, now);
        return stamp;
    }

    /// <summary>
    /// Whether a principal may still act: its person exists and, for a session cookie, the cookie's stamp is current
    /// (cookies from before stamps existed carry none, which matches the initial empty stamp). API tokens are
    /// checked by their own handler.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SessionUsers.From(principal) is not { } user || await CurrentAsync(user.UserId, cancellationToken) is not { } stamp)
        {
            return false;
        }

        return SessionUsers.ByToken(principal) || string.Equals(stamp, principal.FindFirstValue(ClaimType) ?? "", StringComparison.Ordinal);
    }

    /// <summary>Ends every session of the person (a new stamp); false when there is no such person.</summary>
    public async Task<bool> RenewAsync(string userId, CancellationToken cancellationToken)
    {
        var stamp = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var changed = await db.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE Users SET SecurityStamp = @Stamp WHERE Id = @Id;", new { Id = userId, Stamp = stamp }, t) > 0, cancellationToken);
        cache.TryRemove(userId, out _);
        return changed;
    }
}
