using Annotate.Curation;
using Annotate.Data;
using Annotate.Projects;
using Annotate.Sessions;
using Dapper;

namespace Annotate.Import;

/// <summary>
/// The annotators of an import, kept by id: a missing Users row is created with the imported name, and each becomes
/// an annotator of the project (a higher role they hold is kept). The gold layer's reserved user exists already.
/// </summary>
internal sealed class ImportPeople(Db db, TimeProvider time)
{
    public async Task<SessionUser> EnsureAsync(string projectId, string id, string name, bool dryRun, CancellationToken cancellationToken)
    {
        if (GoldLayer.Is(id))
            return new SessionUser(GoldLayer.AnnotatorId, GoldLayer.Name);
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            // A person who exists keeps their name: annotations carry the name the app knows them by.
            if (await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT DisplayName FROM Users WHERE Id = @Id;", new { Id = id }, cancellationToken: cancellationToken)) is { } known)
                name = known;
            else if (!dryRun)
                await db.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@Id, @Name, @Now) ON CONFLICT (Id) DO NOTHING;",
                    new { Id = id, Name = name, Now = time.GetUtcNow().ToString("O") }, t), cancellationToken);
        }

        if (!dryRun)
            await new ProjectMembers(db, time).EnsureAsync(projectId, id, ProjectRoles.Annotator, cancellationToken);
        return new SessionUser(id, name);
    }
}
