using Annotate.Data;
using Dapper;

namespace Annotate.Projects;

/// <summary>Who sees whose annotations: blind (only one's own), open (everyone's), reveal (the teacher's switch after a blind round).</summary>
public static class Visibility
{
    public const string Blind = "blind";
    public const string Open = "open";
    public const string Reveal = "reveal";

    public static readonly string[] All = [Blind, Open, Reveal];

    public static bool SharesWork(string visibility) => visibility != Blind;
}

/// <param name="Assignment">'all' (every annotator gets every document) or 'spread' (k annotators per document).</param>
/// <param name="ShowCodebookExamples">Whether annotators and viewers see the codebook's examples (curators and owners always do).</param>
public sealed record ProjectSettings(string Id, string Visibility, string UpdatedAt, string Assignment = "all", bool ShowCodebookExamples = true);

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

    // SQLite integers become the record's bool here (Dapper will not convert them in a constructor).
    private sealed record Row(string Id, string Visibility, string UpdatedAt, string Assignment, long ShowCodebookExamples)
    {
        public ProjectSettings ToSettings() => new(Id, Visibility, UpdatedAt, Assignment, ShowCodebookExamples != 0);
    }
}
