using Annotate.Curation;
using Annotate.Data;
using Annotate.Projects;
using Annotate.Sessions;
using Dapper;

namespace Annotate.Import;

/// <summary>
/// The annotators of an import, kept by id: a missing Users row is created with the imported name, and each becomes
/// an annotator of the project (a higher role they hold is kept). The gold layer's reserved user exists already.
/// Ids and names follow the API's rules for names. Someone who exists on this server but is not a member of the
/// project (an account, or a person of another project) is never made a member silently: their annotations are
/// refused and named, unless <paramref name="addExisting"/> (--add-members), and then each is reported.
/// </summary>
internal sealed class ImportPeople(Db db, TimeProvider time, bool addExisting = false)
{
    public const int MaxIdLength = 64;
    private readonly List<string> added = [];

    /// <summary>Existing people of the server this import made members of the project (with --add-members).</summary>
    public IReadOnlyList<string> AddedExisting => added;

    /// <summary>Why this person's annotations cannot be imported, as (reason, detail), or null when they can.</summary>
    public async Task<(string Reason, string Detail)?> ProblemAsync(string projectId, string id, string name, CancellationToken cancellationToken)
    {
        if (GoldLayer.Is(id))
            return null;
        if ((NameRules.Problem(id, "person id", MaxIdLength) ?? SessionApi.DisplayNameProblem(name)) is { } invalid)
            return (ImportProblem.Invalid, $"annotator '{id}': {invalid}");
        await using var connection = await db.OpenAsync(cancellationToken);
        var known = await connection.QuerySingleOrDefaultAsync<Known>(new CommandDefinition("""
            SELECT u.DisplayName, (SELECT count(*) FROM ProjectMembers m WHERE m.UserId = u.Id AND m.ProjectId = @ProjectId) AS Member
            FROM Users u WHERE u.Id = @Id;
            """, new { Id = id, ProjectId = projectId }, cancellationToken: cancellationToken));
        if (known is { Member: 0 } outsider && !addExisting)
            return (ImportProblem.Refused, $"annotator '{id}' is {outsider.DisplayName}, who already exists on this server but is not a member of project '{projectId}'; "
                + "add them to the project first (annotate project add-member) or import with --add-members.");
        return null;
    }

    private sealed record Known(string DisplayName, long Member);

    public async Task<SessionUser> EnsureAsync(string projectId, string id, string name, bool dryRun, CancellationToken cancellationToken)
    {
        if (GoldLayer.Is(id))
            return new SessionUser(GoldLayer.AnnotatorId, GoldLayer.Name);
        var members = new ProjectMembers(db, time);
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            // A person who exists keeps their name: annotations carry the name the app knows them by.
            if (await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT DisplayName FROM Users WHERE Id = @Id;", new { Id = id }, cancellationToken: cancellationToken)) is { } known)
            {
                if (await members.RoleAsync(projectId, id, cancellationToken) is null)
                    added.Add($"{known} ({id})");
                name = known;
            }
            else if (!dryRun)
                await db.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@Id, @Name, @Now) ON CONFLICT (Id) DO NOTHING;",
                    new { Id = id, Name = name, Now = time.GetUtcNow().ToString("O") }, t), cancellationToken);
        }

        if (!dryRun)
            await members.EnsureAsync(projectId, id, ProjectRoles.Annotator, cancellationToken);
        return new SessionUser(id, name);
    }
}
