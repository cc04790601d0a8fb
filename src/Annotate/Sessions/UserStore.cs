using Annotate.Data;
using Dapper;

namespace Annotate.Sessions;

public sealed record SessionUser(string UserId, string DisplayName);

/// <summary>People known to this server. Display-name sign-in creates one; the accounts feature will add credentials.</summary>
internal sealed class UserStore(Db db, TimeProvider time)
{
    public Task<SessionUser> CreateAsync(string displayName, CancellationToken cancellationToken)
    {
        var user = new SessionUser(Guid.CreateVersion7().ToString(), displayName);
        return db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@UserId, @DisplayName, @CreatedAt);",
                new { user.UserId, user.DisplayName, CreatedAt = time.GetUtcNow().ToString("O") }, t);
            return user;
        }, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM Users WHERE Id = @Id;", new { Id = userId }, cancellationToken: cancellationToken)) > 0;
    }
}
