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
public sealed record ProjectSettings(string Id, string Visibility, string UpdatedAt, string Assignment = "all");

internal sealed class ProjectStore(Db db, TimeProvider time)
{
    public const string DefaultProject = "default";

    public async Task<ProjectSettings?> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ProjectSettings>(new CommandDefinition(
            "SELECT Id, Visibility, UpdatedAt, Assignment FROM Projects WHERE Id = @Id;", new { Id = projectId }, cancellationToken: cancellationToken));
    }

    public Task<ProjectSettings?> SetVisibilityAsync(string projectId, string visibility, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            var updated = await c.ExecuteAsync("UPDATE Projects SET Visibility = @Visibility, UpdatedAt = @UpdatedAt WHERE Id = @Id;",
                new { Id = projectId, Visibility = visibility, UpdatedAt = time.GetUtcNow().ToString("O") }, t);
            return updated == 0 ? null : await c.QuerySingleAsync<ProjectSettings>("SELECT Id, Visibility, UpdatedAt, Assignment FROM Projects WHERE Id = @Id;", new { Id = projectId }, t);
        }, cancellationToken);
}
