using System.Data;
using Annotate.Annotations;
using Dapper;

namespace Annotate.Relations;

/// <summary>
/// A relation lives only while both its spans do. Deleting a span tombstones its relations (marked with the span,
/// DeletedWith), and bringing the span back (a PUT on its tombstone, which is how a delete is undone on the server)
/// brings them back, each when its other span is live too. Both run in the span write's transaction; the caller
/// announces the changed relations after the commit.
/// </summary>
internal static class RelationCascade
{
    public static async Task<IReadOnlyList<AnnotationRow>> TombstoneAsync(IDbConnection c, IDbTransaction t, string spanId, DateTimeOffset now)
    {
        const string sql = """
            SELECT e.Id FROM RelationEnds e JOIN Annotations r ON r.Id = e.Id
            WHERE r.IsDeleted = 0 AND (e.SourceId = @Span OR e.TargetId = @Span) ORDER BY e.Id;
            """;
        var changed = new List<AnnotationRow>();
        foreach (var id in await c.QueryAsync<string>(sql, new { Span = spanId }, t))
        {
            var row = (await AnnotationStore.GetAsync(c, t, id))!;
            await AnnotationStore.SaveAsync(c, t, row with { IsDeleted = 1, DeletedWith = spanId, Version = row.Version + 1, UpdatedAt = now.ToString("O") });
            changed.Add((await AnnotationStore.GetAsync(c, t, id))!);
        }

        return changed;
    }

    public static async Task<IReadOnlyList<AnnotationRow>> RestoreAsync(IDbConnection c, IDbTransaction t, string spanId, string updatedAt)
    {
        // Tombstoned by a span's deletion (never by its author's own delete), and both ends live again.
        const string sql = """
            SELECT e.Id FROM RelationEnds e JOIN Annotations r ON r.Id = e.Id
            JOIN Annotations s ON s.Id = e.SourceId AND s.IsDeleted = 0
            JOIN Annotations g ON g.Id = e.TargetId AND g.IsDeleted = 0
            WHERE r.IsDeleted = 1 AND e.DeletedWith IS NOT NULL AND (e.SourceId = @Span OR e.TargetId = @Span)
            ORDER BY e.Id;
            """;
        var changed = new List<AnnotationRow>();
        foreach (var id in await c.QueryAsync<string>(sql, new { Span = spanId }, t))
        {
            var row = (await AnnotationStore.GetAsync(c, t, id))!;
            await AnnotationStore.SaveAsync(c, t, row with { IsDeleted = 0, DeletedWith = null, Version = row.Version + 1, UpdatedAt = updatedAt });
            changed.Add((await AnnotationStore.GetAsync(c, t, id))!);
        }

        return changed;
    }
}
