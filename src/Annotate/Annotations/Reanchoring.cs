using System.Data;
using Annotate.Data;
using Dapper;

namespace Annotate.Annotations;

/// <summary>
/// Keeps annotations on the current text. When a document gets a new version its spans are found again by quote
/// and context; a span that cannot be placed is kept as an orphan on its old version (listed for review), never
/// dropped. When a codebook declares renames, existing labels are migrated.
/// </summary>
internal static class Reanchoring
{
    /// <summary>Moves a document's annotations onto its new version; returns the ids changed and how many became orphans.</summary>
    public static async Task<(List<string> Changed, int Orphans)> MoveToVersionAsync(IDbConnection connection, IDbTransaction transaction, string documentId, long version, string text, DateTimeOffset now)
    {
        var (changed, orphans) = (new List<string>(), 0);
        foreach (var row in await AnnotationStore.LiveOfDocumentAsync(connection, transaction, documentId))
        {
            if (row.DocumentVersion >= version)
            {
                continue;
            }

            var anchor = row.Kind == Annotation.SpanKind ? TextAnchors.Reanchor(text, row.Quote ?? "", row.Prefix ?? "", row.Suffix ?? "", (int)(row.StartOffset ?? 0)) : null;
            var moved = row.Kind != Annotation.SpanKind ? row with { DocumentVersion = version }
                : anchor is null ? row with { IsOrphan = 1 }
                : row with { DocumentVersion = version, StartOffset = anchor.Start, EndOffset = anchor.End, Prefix = anchor.Prefix, Suffix = anchor.Suffix, IsOrphan = 0 };
            orphans += moved.IsOrphan != 0 ? 1 : 0;
            if (moved != row)
            {
                await AnnotationStore.SaveAsync(connection, transaction, moved with { Version = row.Version + 1, UpdatedAt = now.ToString("O") });
                changed.Add(row.Id);
            }
        }

        return (changed, orphans);
    }

    /// <summary>Applies a codebook's declared renames to the annotations made under that collection's codebook; returns their ids.</summary>
    public static async Task<List<string>> ApplyRenamesAsync(IDbConnection connection, IDbTransaction transaction, string collection, long codebookVersion,
        IEnumerable<(string Layer, string From, string To)> renames, DateTimeOffset now)
    {
        const string sql = """
            SELECT Id FROM Annotations
            WHERE CodebookCollection = @Collection AND Layer = @Layer AND Label = @From AND IsDeleted = 0;
            """;
        var renamed = new List<string>();
        foreach (var (layer, from, to) in renames)
        {
            foreach (var id in await connection.QueryAsync<string>(sql, new { Collection = collection, Layer = layer, From = from }, transaction))
            {
                var row = (await AnnotationStore.GetAsync(connection, transaction, id))!;
                await AnnotationStore.SaveAsync(connection, transaction, row with
                {
                    Label = to,
                    CodebookVersion = codebookVersion,
                    Version = row.Version + 1,
                    UpdatedAt = now.ToString("O"),
                });
                renamed.Add(id);
            }
        }

        return renamed;
    }
}
