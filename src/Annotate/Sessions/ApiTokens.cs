using System.Security.Cryptography;
using System.Text;
using Annotate.Data;
using Dapper;

namespace Annotate.Sessions;

/// <summary>A personal API token as listed (never the token itself).</summary>
public sealed record ApiTokenInfo(string Id, string Name, string CreatedAt, string? LastUsedAt, string? RevokedAt);

/// <summary>A token just created: the only time its secret is shown.</summary>
public sealed record NewApiToken(string Id, string Name, string Token, string CreatedAt);

/// <summary>
/// Personal API tokens: random 256-bit secrets shown once, stored as SHA-256 hashes (a secret this long needs no
/// slow hash), with exactly the rights of their user, revocable. Checked against the database on every request.
/// </summary>
internal sealed class ApiTokens(Db db, TimeProvider time)
{
    public const string Prefix = "ann_";
    public const int MaxNameLength = 100;

    /// <summary>The claim naming the token a caller authenticated with (absent for a cookie session).</summary>
    public const string TokenIdClaim = "annotate:token";

    /// <summary>Live (not revoked) tokens a person may hold: enough for every script, few enough to keep track of.</summary>
    public const int MaxLiveTokens = 50;

    /// <summary>Why a person cannot have another token, in the words both the API and the CLI give.</summary>
    public static string TooManyDetail => $"A person may hold at most {MaxLiveTokens} live API tokens; revoke one you no longer use first.";

    /// <summary>A new token; null when the person already holds <see cref="MaxLiveTokens"/> live ones.</summary>
    public Task<NewApiToken?> CreateAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new NewApiToken(Guid.CreateVersion7().ToString(), name, secret, time.GetUtcNow().ToString("O"));
        return db.WriteAsync(async (c, t) =>
        {
            // Counted inside the write, so parallel requests cannot slip past the cap together.
            if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM ApiTokens WHERE UserId = @UserId AND RevokedAt IS NULL;", new { UserId = userId }, t) >= MaxLiveTokens)
            {
                return null;
            }

            await c.ExecuteAsync("INSERT INTO ApiTokens (Id, UserId, Name, Hash, CreatedAt) VALUES (@Id, @UserId, @Name, @Hash, @CreatedAt);",
                new { token.Id, UserId = userId, Name = name, Hash = HashOf(secret), token.CreatedAt }, t);
            return (NewApiToken?)token;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ApiTokenInfo>(new CommandDefinition(
            "SELECT Id, Name, CreatedAt, LastUsedAt, RevokedAt FROM ApiTokens WHERE UserId = @UserId ORDER BY CreatedAt;",
            new { UserId = userId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Revokes one of the user's tokens; false when they have no such token.</summary>
    public Task<bool> RevokeAsync(string userId, string tokenId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE ApiTokens SET RevokedAt = coalesce(RevokedAt, @Now) WHERE Id = @Id AND UserId = @UserId;",
            new { Id = tokenId, UserId = userId, Now = time.GetUtcNow().ToString("O") }, t) > 0, cancellationToken);

    /// <summary>The user a live (not revoked) token belongs to, with the token's id, or null.</summary>
    public async Task<(SessionUser User, string TokenId)?> UserOfAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition("""
            SELECT u.Id AS UserId, u.DisplayName, t.Id AS TokenId FROM ApiTokens t JOIN Users u ON u.Id = t.UserId
            WHERE t.Hash = @Hash AND t.RevokedAt IS NULL;
            """, new { Hash = HashOf(secret) }, cancellationToken: cancellationToken));
        return row is null ? null : (new SessionUser(row.UserId, row.DisplayName), row.TokenId);
    }

    private sealed record TokenRow(string UserId, string DisplayName, string TokenId);

    /// <summary>
    /// Whether a caller may go on: true for a session without a token; for one authenticated by a token (a hub
    /// connection lives on after its negotiation), whether that token is still not revoked.
    /// </summary>
    public async Task<bool> StillValidAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindFirst(TokenIdClaim)?.Value is not { } tokenId)
        {
            return true;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM ApiTokens WHERE Id = @Id AND RevokedAt IS NULL;", new { Id = tokenId }, cancellationToken: cancellationToken)) > 0;
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
