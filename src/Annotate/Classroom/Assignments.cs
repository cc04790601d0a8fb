using Annotate.Data;
using Dapper;

namespace Annotate.Classroom;

/// <summary>How a project shares its documents out: everyone everything, or k annotators per document.</summary>
public sealed record AssignmentSettings(string Mode, int? AnnotatorsPerDocument)
{
    public const string All = "all";
    public const string Spread = "spread";
}

/// <summary>
/// Assignment of documents to annotators. In 'spread' mode documents are dealt out round-robin over the annotators
/// in join order so that each document gets k of them (and each annotator about D·k/n documents); someone who joins
/// later is given the documents that have the fewest annotators. Curators and owners always see every document.
/// </summary>
internal sealed class Assignments(Db db)
{
    public async Task<AssignmentSettings> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Mode, long? K)>(new CommandDefinition(
            "SELECT Assignment, AnnotatorsPerDocument FROM Projects WHERE Id = @Id;", new { Id = projectId }, cancellationToken: cancellationToken));
        return new AssignmentSettings(row.Mode ?? AssignmentSettings.All, (int?)row.K);
    }

    /// <summary>Sets the mode and deals the documents out again over the current annotators.</summary>
    public Task SetAsync(string projectId, AssignmentSettings settings, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("UPDATE Projects SET Assignment = @Mode, AnnotatorsPerDocument = @K WHERE Id = @Id;",
                new { Id = projectId, settings.Mode, K = settings.AnnotatorsPerDocument }, t);
            await c.ExecuteAsync("DELETE FROM Assignments WHERE ProjectId = @Id;", new { Id = projectId }, t);
            if (settings.Mode != AssignmentSettings.Spread)
            {
                return;
            }

            var documents = (await c.QueryAsync<string>("SELECT Id FROM Documents WHERE ProjectId = @Id AND IsMissing = 0 ORDER BY Id;", new { Id = projectId }, t)).AsList();
            var annotators = (await c.QueryAsync<string>("SELECT UserId FROM ProjectMembers WHERE ProjectId = @Id AND Role = 'annotator' ORDER BY AddedAt, UserId;", new { Id = projectId }, t)).AsList();
            if (annotators.Count == 0)
            {
                return; // newcomers get their share as they join
            }

            var k = Math.Min(settings.AnnotatorsPerDocument ?? 1, annotators.Count);
            var next = 0;
            foreach (var document in documents)
            {
                for (var j = 0; j < k; j++)
                {
                    await c.ExecuteAsync("INSERT INTO Assignments (ProjectId, DocumentId, UserId) VALUES (@Id, @Document, @User) ON CONFLICT DO NOTHING;",
                        new { Id = projectId, Document = document, User = annotators[next++ % annotators.Count] }, t);
                }
            }
        }, cancellationToken);

    /// <summary>A newcomer in 'spread' mode gets the documents with the fewest annotators (their fair share).</summary>
    public Task AssignNewcomerAsync(string projectId, string userId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            var settings = await c.QuerySingleAsync<(string Mode, long? K)>("SELECT Assignment, AnnotatorsPerDocument FROM Projects WHERE Id = @Id;", new { Id = projectId }, t);
            if (settings.Mode != AssignmentSettings.Spread)
            {
                return;
            }

            var documents = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM Documents WHERE ProjectId = @Id AND IsMissing = 0;", new { Id = projectId }, t);
            var annotators = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM ProjectMembers WHERE ProjectId = @Id AND Role = 'annotator';", new { Id = projectId }, t);
            var share = (int)Math.Max(1, Math.Ceiling((double)documents * (settings.K ?? 1) / Math.Max(1, annotators)));
            await c.ExecuteAsync("""
                INSERT INTO Assignments (ProjectId, DocumentId, UserId)
                SELECT @Id, d.Id, @User FROM Documents d
                WHERE d.ProjectId = @Id AND d.IsMissing = 0
                ORDER BY (SELECT count(*) FROM Assignments a WHERE a.ProjectId = @Id AND a.DocumentId = d.Id), d.Id
                LIMIT @Share
                ON CONFLICT DO NOTHING;
                """, new { Id = projectId, User = userId, Share = share }, t);
        }, cancellationToken);

    /// <summary>How many documents each person is assigned (empty in 'all' mode).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, long Count)>(new CommandDefinition(
            "SELECT UserId, count(*) FROM Assignments WHERE ProjectId = @Id GROUP BY UserId;", new { Id = projectId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.UserId, r => (int)r.Count, StringComparer.Ordinal);
    }
}
