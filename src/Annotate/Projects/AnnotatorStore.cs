using System.Text.RegularExpressions;
using Annotate.Data;
using Dapper;

namespace Annotate.Projects;

/// <summary>A person who annotates in a project, with the attributes used to compare perspectives.</summary>
public sealed record Annotator(string Id, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// Annotators of a project (everyone with an annotation or an attribute there) and their attributes: a class group,
/// a self-declared background, an assigned reading role. Names are short identifiers; an empty value removes one.
/// </summary>
internal sealed partial class AnnotatorStore(Db db, TimeProvider time)
{
    public const int MaxAttributes = 20;
    public const int MaxValueLength = 100;

    [GeneratedRegex("^[a-z0-9_-]{1,40}$")]
    public static partial Regex AttributeName();

    public async Task<IReadOnlyList<Annotator>> ListAsync(string projectId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT u.Id, u.DisplayName FROM HumanUsers u
            WHERE EXISTS (SELECT 1 FROM Annotations a WHERE a.ProjectId = @ProjectId AND a.AnnotatorId = u.Id AND a.IsDeleted = 0)
               OR EXISTS (SELECT 1 FROM AnnotatorAttributes x WHERE x.ProjectId = @ProjectId AND x.UserId = u.Id)
            ORDER BY u.DisplayName, u.Id;
            SELECT UserId, Name, Value FROM AnnotatorAttributes WHERE ProjectId = @ProjectId ORDER BY UserId, Name;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { ProjectId = projectId }, cancellationToken: cancellationToken));
        var people = (await results.ReadAsync<(string Id, string Name)>()).AsList();
        var attributes = (await results.ReadAsync<(string UserId, string Name, string Value)>())
            .GroupBy(a => a.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var none = new Dictionary<string, string>(StringComparer.Ordinal);
        return people.Select(p => new Annotator(p.Id, p.Name, attributes.GetValueOrDefault(p.Id, none))).ToList();
    }

    /// <summary>Sets (or with an empty value removes) attributes of one person; returns them as they now are.</summary>
    public Task<Annotator> SetAsync(string projectId, string userId, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            var now = time.GetUtcNow().ToString("O");
            foreach (var (name, value) in changes)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    await c.ExecuteAsync("DELETE FROM AnnotatorAttributes WHERE ProjectId = @ProjectId AND UserId = @UserId AND Name = @Name;",
                        new { ProjectId = projectId, UserId = userId, Name = name }, t);
                }
                else
                {
                    // "north", "North " and "NORTH" are one perspective group: a value someone else in the project
                    // already gave, compared as people read it, is stored in that spelling.
                    var key = Sessions.NameRules.Comparable(value);
                    var existing = (await c.QueryAsync<string>(
                            "SELECT DISTINCT Value FROM AnnotatorAttributes WHERE ProjectId = @ProjectId AND Name = @Name AND UserId <> @UserId ORDER BY Value;",
                            new { ProjectId = projectId, UserId = userId, Name = name }, t))
                        .FirstOrDefault(v => Sessions.NameRules.Comparable(v) == key);
                    await c.ExecuteAsync("""
                        INSERT INTO AnnotatorAttributes (ProjectId, UserId, Name, Value, UpdatedAt) VALUES (@ProjectId, @UserId, @Name, @Value, @Now)
                        ON CONFLICT (ProjectId, UserId, Name) DO UPDATE SET Value = excluded.Value, UpdatedAt = excluded.UpdatedAt;
                        """, new { ProjectId = projectId, UserId = userId, Name = name, Value = existing ?? value.Trim(), Now = now }, t);
                }
            }

            var displayName = await c.ExecuteScalarAsync<string>("SELECT DisplayName FROM Users WHERE Id = @Id;", new { Id = userId }, t) ?? "";
            var attributes = (await c.QueryAsync<(string Name, string Value)>(
                    "SELECT Name, Value FROM AnnotatorAttributes WHERE ProjectId = @ProjectId AND UserId = @UserId ORDER BY Name;",
                    new { ProjectId = projectId, UserId = userId }, t))
                .ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
            return new Annotator(userId, displayName, attributes);
        }, cancellationToken);
}
