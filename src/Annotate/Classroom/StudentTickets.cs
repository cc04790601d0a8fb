using System.Security.Cryptography;
using System.Text;
using Annotate.Data;
using Annotate.Sessions;
using Dapper;

namespace Annotate.Classroom;

/// <summary>A student added from a list, with their personal join link (shown once).</summary>
public sealed record AddedStudent(string UserId, string Name, string Ticket, string JoinPath);

/// <summary>
/// Students added in bulk by a teacher: each becomes an annotator of the project at once and gets a personal
/// ticket (a random 12-character secret, kept only as a hash) whose link signs them in as themselves.
/// A new ticket for the same student replaces the old one.
/// </summary>
internal sealed class StudentTickets(Db db, TimeProvider time)
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public Task<AddedStudent> AddAsync(string projectId, string name, CancellationToken cancellationToken)
    {
        var user = new SessionUser(Guid.CreateVersion7().ToString(), name);
        var ticket = RandomNumberGenerator.GetString(Alphabet, 12);
        var now = time.GetUtcNow().ToString("O");
        return db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@UserId, @DisplayName, @Now);", new { user.UserId, user.DisplayName, Now = now }, t);
            await c.ExecuteAsync("INSERT INTO ProjectMembers (ProjectId, UserId, Role, AddedAt) VALUES (@ProjectId, @UserId, 'annotator', @Now);",
                new { ProjectId = projectId, user.UserId, Now = now }, t);
            await c.ExecuteAsync("INSERT INTO StudentTickets (Hash, ProjectId, UserId, CreatedAt) VALUES (@Hash, @ProjectId, @UserId, @Now);",
                new { Hash = HashOf(ticket), ProjectId = projectId, user.UserId, Now = now }, t);
            return new AddedStudent(user.UserId, name, ticket, $"/join?ticket={ticket}");
        }, cancellationToken);
    }

    /// <summary>A new ticket for an annotator of the project, replacing their old ones; null when they are not one.</summary>
    public Task<AddedStudent?> ReissueAsync(string projectId, string userId, CancellationToken cancellationToken)
    {
        var ticket = RandomNumberGenerator.GetString(Alphabet, 12);
        return db.WriteAsync(async (c, t) =>
        {
            var name = await c.ExecuteScalarAsync<string?>("""
                SELECT u.DisplayName FROM ProjectMembers m JOIN Users u ON u.Id = m.UserId
                WHERE m.ProjectId = @ProjectId AND m.UserId = @UserId AND m.Role = 'annotator';
                """, new { ProjectId = projectId, UserId = userId }, t);
            if (name is null)
            {
                return null;
            }

            await c.ExecuteAsync("DELETE FROM StudentTickets WHERE ProjectId = @ProjectId AND UserId = @UserId;", new { ProjectId = projectId, UserId = userId }, t);
            await c.ExecuteAsync("INSERT INTO StudentTickets (Hash, ProjectId, UserId, CreatedAt) VALUES (@Hash, @ProjectId, @UserId, @Now);",
                new { Hash = HashOf(ticket), ProjectId = projectId, UserId = userId, Now = time.GetUtcNow().ToString("O") }, t);
            return (AddedStudent?)new AddedStudent(userId, name, ticket, $"/join?ticket={ticket}");
        }, cancellationToken);
    }

    /// <summary>The student a ticket signs in (still a member of the project), or null.</summary>
    public async Task<(SessionUser User, string ProjectId)?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        var normalized = ClassroomStore.NormalizeCode(ticket);
        if (normalized.Length != 12)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string UserId, string DisplayName, string ProjectId)>(new CommandDefinition("""
            SELECT u.Id, u.DisplayName, s.ProjectId FROM StudentTickets s
            JOIN Users u ON u.Id = s.UserId
            JOIN ProjectMembers m ON m.ProjectId = s.ProjectId AND m.UserId = s.UserId
            WHERE s.Hash = @Hash;
            """, new { Hash = HashOf(normalized) }, cancellationToken: cancellationToken));
        return row.UserId is null ? null : (new SessionUser(row.UserId, row.DisplayName), row.ProjectId);
    }

    private static string HashOf(string ticket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
}
