using Annotate.Data;
using Dapper;

namespace Annotate.Classroom;

/// <summary>One of a person's documents and how far they are with it.</summary>
/// <param name="Annotations">Their live annotations on it, document labels included.</param>
/// <param name="Stance">Whether they gave it a document-level label (the stance).</param>
/// <param name="DoneAt">When they marked it done; null while it is not.</param>
public sealed record DocumentWork(string DocumentId, string Title, int Annotations, bool Stance, bool Done, string? DoneAt);

/// <summary>
/// A person's documents in a project (in 'spread' mode an annotator's assigned ones, else all of them), with their
/// progress on each, and the "Done" marks they set and remove. Everything here is about one person's own work.
/// </summary>
internal sealed class StudentWork(Db db, TimeProvider time)
{
    // Per member and document: their live annotations, whether one is a document label, and their Done mark.
    // Annotators of a spreading project get only their assigned documents; everyone else every document.
    private const string Select = """
        SELECT m.UserId, d.Id AS DocumentId, d.Title,
               count(a.Id) AS Annotations,
               count(CASE WHEN a.Kind = 'document' THEN 1 END) AS Stances,
               f.DoneAt
        FROM ProjectMembers m
        JOIN Projects p ON p.Id = m.ProjectId
        JOIN Documents d ON d.ProjectId = m.ProjectId AND d.IsMissing = 0
        LEFT JOIN Annotations a ON a.DocumentId = d.Id AND a.AnnotatorId = m.UserId AND a.IsDeleted = 0
        LEFT JOIN DocumentsDone f ON f.ProjectId = m.ProjectId AND f.DocumentId = d.Id AND f.UserId = m.UserId
        WHERE m.ProjectId = @ProjectId
          AND (p.Assignment <> 'spread' OR m.Role <> 'annotator'
               OR EXISTS (SELECT 1 FROM Assignments s WHERE s.ProjectId = m.ProjectId AND s.DocumentId = d.Id AND s.UserId = m.UserId))
        """;

    private const string Group = " GROUP BY m.UserId, d.Id, d.Title, d.Collection, d.Date, f.DoneAt ORDER BY m.UserId, d.Collection, d.Date IS NULL, d.Date, lower(d.Title), d.Id;";

    /// <summary>The caller's own documents and progress.</summary>
    public async Task<IReadOnlyList<DocumentWork>> OfAsync(string projectId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + " AND m.UserId = @UserId" + Group,
            new { ProjectId = projectId, UserId = userId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToWork())];
    }

    /// <summary>Every annotator's documents and progress, for the teacher's dashboard.</summary>
    public async Task<IReadOnlyDictionary<string, List<DocumentWork>>> OfClassAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + " AND m.Role = 'annotator'" + Group,
            new { ProjectId = projectId }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.ToWork()).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Whether the person came to the project through its class (joined with the code, or added from the teacher's list).</summary>
    public async Task<bool> IsClassStudentAsync(string projectId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM Users WHERE Id = @UserId AND ClassProjectId = @ProjectId;",
            new { ProjectId = projectId, UserId = userId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Marks the document done for the person (the first time counts: marking again keeps the time), or reopens it.</summary>
    public Task<string?> SetDoneAsync(string projectId, string documentId, string userId, bool done, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            var key = new { ProjectId = projectId, DocumentId = documentId, UserId = userId, Now = time.GetUtcNow().ToString("O") };
            await c.ExecuteAsync(done
                ? "INSERT INTO DocumentsDone (ProjectId, DocumentId, UserId, DoneAt) VALUES (@ProjectId, @DocumentId, @UserId, @Now) ON CONFLICT DO NOTHING;"
                : "DELETE FROM DocumentsDone WHERE ProjectId = @ProjectId AND DocumentId = @DocumentId AND UserId = @UserId;", key, t);
            return await c.ExecuteScalarAsync<string?>("SELECT DoneAt FROM DocumentsDone WHERE ProjectId = @ProjectId AND DocumentId = @DocumentId AND UserId = @UserId;", key, t);
        }, cancellationToken);

    /// <summary>One row as read (properties: computed columns have no SQLite type when no row comes back).</summary>
    private sealed class Row
    {
        public string UserId { get; set; } = "";

        public string DocumentId { get; set; } = "";

        public string Title { get; set; } = "";

        public long Annotations { get; set; }

        public long Stances { get; set; }

        public string? DoneAt { get; set; }

        public DocumentWork ToWork() => new(DocumentId, Title, (int)Annotations, Stances > 0, DoneAt is not null, DoneAt);
    }
}
