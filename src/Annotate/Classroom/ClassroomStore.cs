using System.Security.Cryptography;
using Annotate.Data;
using Dapper;

namespace Annotate.Classroom;

/// <summary>A project's class: its join code and whether new students may join.</summary>
public sealed record ClassInfo(string ProjectId, string Code, bool Open, string JoinPath);

/// <summary>One student's work so far; <paramref name="Assigned"/> is their number of documents when documents are spread out.</summary>
public sealed record StudentProgress(string UserId, string Name, string Role, string JoinedAt, int Annotations, int Documents, IReadOnlyList<StudentPresence> Present, int? Assigned);

/// <summary>Where a student is right now (the document and the block they are reading).</summary>
public sealed record StudentPresence(string DocumentId, int? Block);

/// <summary>Join codes and the teacher's view of a class. Codes are short, unambiguous and random.</summary>
internal sealed class ClassroomStore(Db db)
{
    // No 0/O, 1/I/L: a code read aloud or copied from a projector should not be mistyped.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 8;

    public static string NormalizeCode(string code) => new([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

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
    public async Task<IReadOnlyList<(string UserId, string Name, string Role, string JoinedAt, int Annotations, int Documents)>> ProgressAsync(string projectId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.UserId, u.DisplayName, m.Role, m.AddedAt,
                   (SELECT count(*) FROM Annotations a WHERE a.ProjectId = m.ProjectId AND a.AnnotatorId = m.UserId AND a.IsDeleted = 0) AS Annotations,
                   (SELECT count(DISTINCT a.DocumentId) FROM Annotations a WHERE a.ProjectId = m.ProjectId AND a.AnnotatorId = m.UserId AND a.IsDeleted = 0) AS Documents
            FROM ProjectMembers m JOIN Users u ON u.Id = m.UserId
            WHERE m.ProjectId = @ProjectId
            ORDER BY m.AddedAt, u.DisplayName;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, string, string, long, long)>(new CommandDefinition(sql, new { ProjectId = projectId }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Item1, r.Item2, r.Item3, r.Item4, (int)r.Item5, (int)r.Item6)).ToList();
    }

    private static ClassInfo Info(string projectId, string code, bool open) => new(projectId, code, open, $"/join?code={code}");
}
