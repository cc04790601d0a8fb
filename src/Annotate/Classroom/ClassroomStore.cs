using System.Security.Cryptography;
using Annotate.Data;
using Annotate.Projects;
using Annotate.Sessions;
using Dapper;

namespace Annotate.Classroom;

/// <summary>A project's class: its join code and whether new students may join.</summary>
public sealed record ClassInfo(string ProjectId, string Code, bool Open, string JoinPath);

/// <summary>One student's work so far; <paramref name="Assigned"/> is their number of documents when documents are spread out.</summary>
/// <param name="ArrivedAt">When they first came (joined with the code, or followed their personal link); null while a name on the teacher's list has not.</param>
/// <param name="PersonalLink">Whether the teacher can issue them a (new) personal link: a student of this class, not an account.</param>
/// <param name="Work">An annotator's documents with their progress on each (done, in progress, stance); null for the teacher's side.</param>
public sealed record StudentProgress(string UserId, string Name, string Role, string JoinedAt, int Annotations, int Documents, IReadOnlyList<StudentPresence> Present, int? Assigned,
    string? ArrivedAt = null, bool PersonalLink = false, IReadOnlyList<DocumentWork>? Work = null);

/// <summary>Where a student is right now (the document and the block they are reading).</summary>
public sealed record StudentPresence(string DocumentId, int? Block);

/// <summary>Join codes and the teacher's view of a class. Codes are short, unambiguous and random.</summary>
internal sealed class ClassroomStore(Db db, TimeProvider time)
{
    // No 0/O, 1/I/L: a code read aloud or copied from a projector should not be mistyped.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 8;

    public static string NormalizeCode(string code) => new([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

    /// <summary>
    /// A student who joined with the code: a new user of this class and an annotator of its project, in one write,
    /// under a name nobody else in the project has (a second "Ana" becomes "Ana (2)"; see ClassNames).
    /// </summary>
    public Task<SessionUser> JoinAsync(string projectId, string name, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            var user = new SessionUser(Guid.CreateVersion7().ToString(), await ClassNames.DistinctAsync(c, t, db.IsSqlite, projectId, name));
            var now = time.GetUtcNow().ToString("O");
            await c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt, ClassProjectId) VALUES (@UserId, @DisplayName, @Now, @ProjectId);",
                new { user.UserId, user.DisplayName, Now = now, ProjectId = projectId }, t);
            await c.ExecuteAsync("INSERT INTO ProjectMembers (ProjectId, UserId, Role, AddedAt, ArrivedAt) VALUES (@ProjectId, @UserId, @Role, @Now, @Now);",
                new { ProjectId = projectId, user.UserId, Role = ProjectRoles.Annotator, Now = now }, t);
            return user;
        }, cancellationToken);

    /// <summary>Gives the project a new join code (replacing any old one) and opens joining.</summary>
    public Task<ClassInfo> StartAsync(string projectId, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        return db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("UPDATE Projects SET JoinCode = @Code, JoinOpen = 1 WHERE Id = @Id;", new { Id = projectId, Code = code }, t);
            return Info(projectId, code, true);
        }, cancellationToken);
    }

    public Task<ClassInfo?> SetOpenAsync(string projectId, bool open, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("UPDATE Projects SET JoinOpen = @Open WHERE Id = @Id AND JoinCode IS NOT NULL;", new { Id = projectId, Open = open ? 1 : 0 }, t);
            var row = await c.QuerySingleOrDefaultAsync<(string? Code, long Open)>("SELECT JoinCode, JoinOpen FROM Projects WHERE Id = @Id;", new { Id = projectId }, t);
            return row.Code is null ? null : Info(projectId, row.Code, row.Open != 0);
        }, cancellationToken);

    public async Task<ClassInfo?> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Code, long Open)>(new CommandDefinition(
            "SELECT JoinCode, JoinOpen FROM Projects WHERE Id = @Id;", new { Id = projectId }, cancellationToken: cancellationToken));
        return row.Code is null ? null : Info(projectId, row.Code, row.Open != 0);
    }

    /// <summary>The project an open class code lets one join, or null (unknown and closed codes look the same).</summary>
    public async Task<string?> ProjectOfOpenCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT Id FROM Projects WHERE JoinCode = @Code AND JoinOpen = 1;", new { Code = NormalizeCode(code) }, cancellationToken: cancellationToken));
    }

    /// <summary>Members of the project with what they have annotated there.</summary>
    public async Task<IReadOnlyList<StudentRow>> ProgressAsync(string projectId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.UserId, u.DisplayName AS Name, m.Role, m.AddedAt AS JoinedAt, m.ArrivedAt,
                   CASE WHEN u.PasswordHash IS NULL AND u.ClassProjectId = m.ProjectId
                        AND NOT EXISTS (SELECT 1 FROM ProjectMembers o WHERE o.UserId = u.Id AND o.ProjectId <> m.ProjectId) THEN 1 ELSE 0 END AS PersonalLink,
                   (SELECT count(*) FROM Annotations a WHERE a.ProjectId = m.ProjectId AND a.AnnotatorId = m.UserId AND a.IsDeleted = 0) AS Annotations,
                   (SELECT count(DISTINCT a.DocumentId) FROM Annotations a WHERE a.ProjectId = m.ProjectId AND a.AnnotatorId = m.UserId AND a.IsDeleted = 0) AS Documents
            FROM ProjectMembers m JOIN Users u ON u.Id = m.UserId
            WHERE m.ProjectId = @ProjectId
            ORDER BY m.AddedAt, u.DisplayName;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<StudentRow>(new CommandDefinition(sql, new { ProjectId = projectId }, cancellationToken: cancellationToken))];
    }

    /// <summary>Marks a member as arrived, the first time only (a personal link followed).</summary>
    public Task MarkArrivedAsync(string projectId, string userId, CancellationToken cancellationToken) =>
        db.WriteAsync((c, t) => c.ExecuteAsync("UPDATE ProjectMembers SET ArrivedAt = @Now WHERE ProjectId = @ProjectId AND UserId = @UserId AND ArrivedAt IS NULL;",
            new { ProjectId = projectId, UserId = userId, Now = time.GetUtcNow().ToString("O") }, t), cancellationToken);

    /// <summary>One member's row of the dashboard, as read (properties: computed columns have no SQLite type when no row comes back).</summary>
    internal sealed class StudentRow
    {
        public string UserId { get; set; } = "";

        public string Name { get; set; } = "";

        public string Role { get; set; } = "";

        public string JoinedAt { get; set; } = "";

        public string? ArrivedAt { get; set; }

        public long PersonalLink { get; set; }

        public long Annotations { get; set; }

        public long Documents { get; set; }
    }

    private static ClassInfo Info(string projectId, string code, bool open) => new(projectId, code, open, $"/join?code={code}");
}
