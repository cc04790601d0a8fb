using Annotate.Data;
using Dapper;

namespace Annotate.Sessions;

public sealed partial record SessionUser(string UserId, string DisplayName);

/// <summary>An account: a person who signs in with a user name and password.</summary>
/// <param name="ServerOwner">1 for a server owner (an integer, as SQLite stores it).</param>
internal sealed record Account(string Id, string DisplayName, string UserName, string PasswordHash, long ServerOwner)
{
    public bool IsServerOwner => ServerOwner != 0;
}

/// <summary>People known to this server. Display-name sign-in creates one; the accounts feature will add credentials.</summary>
internal sealed class UserStore(Db db, TimeProvider time)
{
    /// <summary>A password-less person; <paramref name="classProjectId"/> names the project whose class they joined, if any.</summary>
    public Task<SessionUser> CreateAsync(string displayName, CancellationToken cancellationToken, string? classProjectId = null)
    {
        var user = new SessionUser(Guid.CreateVersion7().ToString(), displayName);
        return db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt, ClassProjectId) VALUES (@UserId, @DisplayName, @CreatedAt, @ClassProjectId);",
                new { user.UserId, user.DisplayName, CreatedAt = time.GetUtcNow().ToString("O"), ClassProjectId = classProjectId }, t);
            return user;
        }, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM Users WHERE Id = @Id;", new { Id = userId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Creates an account; null when the user name is taken (compared without case).</summary>
    public Task<SessionUser?> CreateAccountAsync(string userName, string displayName, string passwordHash, bool serverOwner, CancellationToken cancellationToken)
    {
        var user = new SessionUser(Guid.CreateVersion7().ToString(), displayName);
        return db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM Users WHERE lower(UserName) = lower(@UserName);", new { UserName = userName }, t) > 0)
            {
                return null;
            }

            await c.ExecuteAsync("""
                INSERT INTO Users (Id, DisplayName, CreatedAt, UserName, PasswordHash, IsServerOwner)
                VALUES (@UserId, @DisplayName, @CreatedAt, @UserName, @PasswordHash, @ServerOwner);
                """, new { user.UserId, user.DisplayName, CreatedAt = time.GetUtcNow().ToString("O"), UserName = userName, PasswordHash = passwordHash, ServerOwner = serverOwner ? 1 : 0 }, t);
            return (SessionUser?)user;
        }, cancellationToken);
    }

    public async Task<Account?> FindAccountAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            "SELECT Id, DisplayName, UserName, PasswordHash, IsServerOwner AS ServerOwner FROM Users WHERE lower(UserName) = lower(@UserName) AND PasswordHash IS NOT NULL;",
            new { UserName = userName }, cancellationToken: cancellationToken));
    }

    public async Task<Account?> AccountAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            "SELECT Id, DisplayName, UserName, PasswordHash, IsServerOwner AS ServerOwner FROM Users WHERE Id = @Id AND PasswordHash IS NOT NULL;",
            new { Id = userId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> IsServerOwnerAsync(string userId, CancellationToken cancellationToken) =>
        await AccountAsync(userId, cancellationToken) is { IsServerOwner: true };

    public Task SetPasswordAsync(string userId, string passwordHash, CancellationToken cancellationToken) =>
        db.WriteAsync((c, t) => c.ExecuteAsync("UPDATE Users SET PasswordHash = @PasswordHash WHERE Id = @Id;", new { Id = userId, PasswordHash = passwordHash }, t), cancellationToken);
}
