using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Annotate.Data;
using Annotate.Hosting;
using Annotate.Sessions;
using Dapper;
using Microsoft.Extensions.Options;

namespace Annotate.Classroom;

/// <summary>A student added from a list, with their personal join link (shown once).</summary>
public sealed record AddedStudent(string UserId, string Name, string Ticket, string JoinPath);

/// <summary>
/// Students added in bulk by a teacher: each becomes an annotator of the project at once and gets a personal
/// ticket (a random 12-character secret, kept only as a hash) whose link signs them in as themselves.
/// A new ticket for the same student replaces the old one; a ticket expires after Annotate:TicketLifetimeDays.
/// A ticket only ever stands for a password-less student this project's class created (Users.ClassProjectId) and
/// who belongs to no other project: checked when it is issued and again when it is redeemed, so an owner can
/// never turn a ticket into someone else's account.
/// </summary>
internal sealed class StudentTickets(Db db, TimeProvider time, IOptions<AnnotateOptions> options)
{
    // The student rule, for a user u and a project @ProjectId.
    private const string IsClassStudent = """
        u.PasswordHash IS NULL AND u.ClassProjectId = @ProjectId
        AND NOT EXISTS (SELECT 1 FROM ProjectMembers o WHERE o.UserId = u.Id AND o.ProjectId <> @ProjectId)
        """;

    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public Task<AddedStudent> AddAsync(string projectId, string name, CancellationToken cancellationToken)
    {
        var ticket = RandomNumberGenerator.GetString(Alphabet, 12);
        var now = time.GetUtcNow().ToString("O");
        return db.WriteAsync(async (c, t) =>
        {
            // Names on the teacher's list stay distinct too, among themselves and from those already in the class.
            var user = new SessionUser(Guid.CreateVersion7().ToString(), await ClassNames.DistinctAsync(c, t, db.IsSqlite, projectId, name));
            await c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt, ClassProjectId) VALUES (@UserId, @DisplayName, @Now, @ProjectId);",
                new { user.UserId, user.DisplayName, Now = now, ProjectId = projectId }, t);
            await c.ExecuteAsync("INSERT INTO ProjectMembers (ProjectId, UserId, Role, AddedAt) VALUES (@ProjectId, @UserId, 'annotator', @Now);",
                new { ProjectId = projectId, user.UserId, Now = now }, t);
            await c.ExecuteAsync("INSERT INTO StudentTickets (Hash, ProjectId, UserId, CreatedAt) VALUES (@Hash, @ProjectId, @UserId, @Now);",
                new { Hash = HashOf(ticket), ProjectId = projectId, user.UserId, Now = now }, t);
            return new AddedStudent(user.UserId, user.DisplayName, ticket, $"/join?ticket={ticket}");
        }, cancellationToken);
    }

    /// <summary>A new ticket for a student of the project's class, replacing their old ones; null when they are not one.</summary>
    public Task<AddedStudent?> ReissueAsync(string projectId, string userId, CancellationToken cancellationToken)
    {
        var ticket = RandomNumberGenerator.GetString(Alphabet, 12);
        return db.WriteAsync(async (c, t) =>
        {
            var name = await c.ExecuteScalarAsync<string?>($"""
                SELECT u.DisplayName FROM ProjectMembers m JOIN Users u ON u.Id = m.UserId
                WHERE m.ProjectId = @ProjectId AND m.UserId = @UserId AND m.Role = 'annotator' AND {IsClassStudent};
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

    /// <summary>The student a live ticket signs in (still a student of the project's class and nothing else), or null.</summary>
    public async Task<(SessionUser User, string ProjectId)?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        var normalized = ClassroomStore.NormalizeCode(ticket);
        if (normalized.Length != 12)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        // The ticket's own project stands in for @ProjectId, so the rule reads the same at both ends.
        var row = await connection.QuerySingleOrDefaultAsync<(string UserId, string DisplayName, string ProjectId, string CreatedAt)>(new CommandDefinition($"""
            SELECT u.Id, u.DisplayName, s.ProjectId, s.CreatedAt FROM StudentTickets s
            JOIN Users u ON u.Id = s.UserId
            JOIN ProjectMembers m ON m.ProjectId = s.ProjectId AND m.UserId = s.UserId
            WHERE s.Hash = @Hash AND {IsClassStudent.Replace("@ProjectId", "s.ProjectId", StringComparison.Ordinal)};
            """, new { Hash = HashOf(normalized) }, cancellationToken: cancellationToken));
        // An expired ticket gets the same answer as an unknown one; the teacher issues a new one.
        return row.UserId is null || DateTimeOffset.Parse(row.CreatedAt, CultureInfo.InvariantCulture) + options.Value.TicketLifetime <= time.GetUtcNow()
            ? null
            : (new SessionUser(row.UserId, row.DisplayName), row.ProjectId);
    }

    private static string HashOf(string ticket) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));
}
