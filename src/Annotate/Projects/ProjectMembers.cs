using Annotate.Data;
using Dapper;

namespace Annotate.Projects;

/// <summary>A member of a project with their role.</summary>
public sealed record ProjectMember(string UserId, string DisplayName, string? UserName, string Role, string AddedAt);

/// <summary>Project membership, read from the database on every check (a removal takes effect at once).</summary>
internal sealed class ProjectMembers(Db db, TimeProvider time)
{
    /// <summary>The caller's role in the project, or null when they are not a member.</summary>
    public async Task<string?> RoleAsync(string projectId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT Role FROM ProjectMembers WHERE ProjectId = @ProjectId AND UserId = @UserId;",
            new { ProjectId = projectId, UserId = userId }, cancellationToken: cancellationToken));
    }

    /// <summary>The projects the person belongs to, with their role in each.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ProjectsOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ProjectId, string Role)>(new CommandDefinition(
            "SELECT ProjectId, Role FROM ProjectMembers WHERE UserId = @UserId;", new { UserId = userId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.ProjectId, r => r.Role, StringComparer.Ordinal);
    }

    /// <summary>The person's role in each of their projects, with how that project shares its documents out.</summary>
    public async Task<IReadOnlyList<(string ProjectId, string Role, string Assignment)>> StandingsOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string ProjectId, string Role, string Assignment)>(new CommandDefinition(
            "SELECT m.ProjectId, m.Role, p.Assignment FROM ProjectMembers m JOIN Projects p ON p.Id = m.ProjectId WHERE m.UserId = @UserId;",
            new { UserId = userId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<ProjectMember>> ListAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ProjectMember>(new CommandDefinition("""
            SELECT m.UserId, u.DisplayName, u.UserName, m.Role, m.AddedAt FROM ProjectMembers m JOIN Users u ON u.Id = m.UserId
            WHERE m.ProjectId = @ProjectId ORDER BY u.DisplayName, m.UserId;
            """, new { ProjectId = projectId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Adds a member or changes their role.</summary>
    public Task SetAsync(string projectId, string userId, string role, CancellationToken cancellationToken) =>
        db.WriteAsync((c, t) => c.ExecuteAsync("""
            INSERT INTO ProjectMembers (ProjectId, UserId, Role, AddedAt, ArrivedAt) VALUES (@ProjectId, @UserId, @Role, @Now, @Now)
            ON CONFLICT (ProjectId, UserId) DO UPDATE SET Role = excluded.Role;
            """, new { ProjectId = projectId, UserId = userId, Role = role, Now = time.GetUtcNow().ToString("O") }, t), cancellationToken);

    /// <summary>Adds a member unless they already are one (keeps a higher role).</summary>
    public Task EnsureAsync(string projectId, string userId, string role, CancellationToken cancellationToken) =>
        db.WriteAsync((c, t) => c.ExecuteAsync("""
            INSERT INTO ProjectMembers (ProjectId, UserId, Role, AddedAt, ArrivedAt) VALUES (@ProjectId, @UserId, @Role, @Now, @Now)
            ON CONFLICT (ProjectId, UserId) DO NOTHING;
            """, new { ProjectId = projectId, UserId = userId, Role = role, Now = time.GetUtcNow().ToString("O") }, t), cancellationToken);

    /// <summary>Removes a member; true when they were one.</summary>
    public Task<bool> RemoveAsync(string projectId, string userId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "DELETE FROM ProjectMembers WHERE ProjectId = @ProjectId AND UserId = @UserId;", new { ProjectId = projectId, UserId = userId }, t) > 0, cancellationToken);

    /// <summary>Whether the document is assigned to the person (in a project that spreads documents out).</summary>
    public async Task<bool> IsAssignedAsync(string projectId, string documentId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM Assignments WHERE ProjectId = @ProjectId AND DocumentId = @DocumentId AND UserId = @UserId;",
            new { ProjectId = projectId, DocumentId = documentId, UserId = userId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The documents assigned to the person in the project (in a project that spreads documents out).</summary>
    public async Task<IReadOnlySet<string>> AssignedAsync(string projectId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DocumentId FROM Assignments WHERE ProjectId = @ProjectId AND UserId = @UserId;",
            new { ProjectId = projectId, UserId = userId }, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every annotator of the project with the documents assigned to them (none where documents are not spread out).</summary>
    public async Task<IReadOnlyDictionary<string, HashSet<string>>> AssignmentsOfAnnotatorsAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, string? DocumentId)>(new CommandDefinition("""
            SELECT m.UserId, a.DocumentId FROM ProjectMembers m
            LEFT JOIN Assignments a ON a.ProjectId = m.ProjectId AND a.UserId = m.UserId
            WHERE m.ProjectId = @ProjectId AND m.Role = 'annotator';
            """, new { ProjectId = projectId }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.Where(r => r.DocumentId is not null).Select(r => r.DocumentId!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The project a document belongs to, or null for an unknown document.</summary>
    public async Task<string?> ProjectOfDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT ProjectId FROM Documents WHERE Id = @Id;", new { Id = documentId }, cancellationToken: cancellationToken));
    }
}
