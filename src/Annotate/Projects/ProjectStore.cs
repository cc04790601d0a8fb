using Annotate.Data;
using Dapper;

namespace Annotate.Projects;

/// <param name="Assignment">'all' (every annotator gets every document) or 'spread' (k annotators per document).</param>
/// <param name="ShowCodebookExamples">Whether annotators and viewers see the codebook's examples (curators and owners always do).</param>
public sealed record ProjectSettings(string Id, string Visibility, string UpdatedAt, string Assignment = "all", bool ShowCodebookExamples = true);

/// <summary>A project as its members see it in a list.</summary>
public sealed record ProjectSummary(string Id, string Name, string? Collection, string Role, string Visibility, long Documents)
{
    /// <summary>Whether the caller may switch the project between blind, open and reveal (see ProjectGrant.MayChangeVisibility).</summary>
    public bool MayChangeVisibility { get; init; }

    /// <summary>Whether the caller manages the project (its owners): runs its class, changes its settings.</summary>
    public bool MayManage { get; init; }
}

internal sealed class ProjectStore(Db db, TimeProvider time)
{
    public const string DefaultProject = "default";

    private const string Select = "SELECT Id, Visibility, UpdatedAt, Assignment, ShowCodebookExamples FROM Projects WHERE Id = @Id;";

    public async Task<ProjectSettings?> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { Id = projectId }, cancellationToken: cancellationToken));
        return row?.ToSettings();
    }

    public Task<ProjectSettings?> SetVisibilityAsync(string projectId, string visibility, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            var updated = await c.ExecuteAsync("UPDATE Projects SET Visibility = @Visibility, UpdatedAt = @UpdatedAt WHERE Id = @Id;",
                new { Id = projectId, Visibility = visibility, UpdatedAt = time.GetUtcNow().ToString("O") }, t);
            return updated == 0 ? null : (await c.QuerySingleAsync<Row>(Select, new { Id = projectId }, t)).ToSettings();
        }, cancellationToken);

    public Task<ProjectSettings?> SetShowExamplesAsync(string projectId, bool show, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            var updated = await c.ExecuteAsync("UPDATE Projects SET ShowCodebookExamples = @Show, UpdatedAt = @UpdatedAt WHERE Id = @Id;",
                new { Id = projectId, Show = show ? 1 : 0, UpdatedAt = time.GetUtcNow().ToString("O") }, t);
            return updated == 0 ? null : (await c.QuerySingleAsync<Row>(Select, new { Id = projectId }, t)).ToSettings();
        }, cancellationToken);

    /// <summary>A project the caller belongs to, for choosing one.</summary>
    public async Task<IReadOnlyList<ProjectSummary>> OfUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition("""
            SELECT p.Id, coalesce(p.Name, p.Id) AS Name, p.Collection, m.Role, p.Visibility,
                   (SELECT count(*) FROM Documents d WHERE d.ProjectId = p.Id AND d.IsMissing = 0
                      AND (p.Assignment <> 'spread' OR m.Role <> 'annotator'
                           OR EXISTS (SELECT 1 FROM Assignments a WHERE a.ProjectId = p.Id AND a.DocumentId = d.Id AND a.UserId = @UserId))) AS Documents
            FROM Projects p JOIN ProjectMembers m ON m.ProjectId = p.Id AND m.UserId = @UserId
            ORDER BY p.Id = 'default' DESC, Name;
            """, new { UserId = userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new ProjectSummary(r.Id, r.Name, r.Collection, r.Role, r.Visibility, r.Documents)).ToList();
    }

    // Properties, not a constructor: computed columns have no SQLite type when no row comes back.
    private sealed class SummaryRow
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Collection { get; set; }

        public string Role { get; set; } = "";

        public string Visibility { get; set; } = "";

        public long Documents { get; set; }
    }

    /// <summary>
    /// Creates a project owning a collection (and its sub-folders); its documents, with their annotations, move to
    /// it from the project that held them. Null when the id is taken; the number of documents moved otherwise.
    /// </summary>
    public Task<int?> CreateAsync(string projectId, string name, string collection, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM Projects WHERE Id = @Id OR Collection = @Collection;", new { Id = projectId, Collection = collection }, t) > 0)
            {
                return (int?)null;
            }

            await c.ExecuteAsync("INSERT INTO Projects (Id, Visibility, UpdatedAt, Name, Collection) VALUES (@Id, 'blind', @Now, @Name, @Collection);",
                new { Id = projectId, Name = name, Collection = collection, Now = time.GetUtcNow().ToString("O") }, t);
            const string inCollection = "(Collection = @Collection OR substr(Collection, 1, length(@Collection) + 1) = @Collection || '/')";
            await c.ExecuteAsync($"UPDATE Annotations SET ProjectId = @Id WHERE DocumentId IN (SELECT Id FROM Documents WHERE {inCollection});", new { Id = projectId, Collection = collection }, t);
            return await c.ExecuteAsync($"UPDATE Documents SET ProjectId = @Id WHERE {inCollection};", new { Id = projectId, Collection = collection }, t);
        }, cancellationToken);

    /// <summary>Every project that owns a collection, with that collection (the rest of the corpus is 'default's).</summary>
    public async Task<IReadOnlyList<(string Id, string Collection)>> OwnedCollectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Id, string Collection)>(new CommandDefinition(
            "SELECT Id, Collection FROM Projects WHERE Collection IS NOT NULL;", cancellationToken: cancellationToken))).AsList();
    }

    // SQLite integers become the record's bool here (Dapper will not convert them in a constructor).
    private sealed record Row(string Id, string Visibility, string UpdatedAt, string Assignment, long ShowCodebookExamples)
    {
        public ProjectSettings ToSettings() => new(Id, Visibility, UpdatedAt, Assignment, ShowCodebookExamples != 0);
    }
}
