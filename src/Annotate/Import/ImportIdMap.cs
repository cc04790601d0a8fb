using Annotate.Annotations;
using Annotate.Data;

namespace Annotate.Import;

/// <summary>
/// The id each imported annotation is written under: its own when free or already the same annotation (same
/// document, kind and annotator: a re-import), else one derived from it, stably. Relations' ends follow the map.
/// </summary>
internal sealed class ImportIdMap
{
    private readonly Dictionary<(string Document, string Id), (string Id, int? Version)?> map = [];

    public static async Task<ImportIdMap> BuildAsync(Db db, IEnumerable<(ImportItem Item, string DocumentId, string Kind)> items, CancellationToken cancellationToken)
    {
        var result = new ImportIdMap();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var (item, document, kind) in items)
        {
            var owner = $"{item.AnnotatorId}\u001f{document}\u001f{kind}";
            var derived = ImportIds.Derive("import", item.AnnotatorId, document, item.Id);
            (string, int?)? chosen = null;
            foreach (var candidate in Guid.TryParse(item.Id, out _) ? [item.Id, derived] : new[] { derived })
            {
                if (owners.TryGetValue(candidate, out var other) && other != owner)
                    continue;
                var existing = await AnnotationStore.GetAsync(connection, null, candidate);
                if (existing is null || (existing.DocumentId == document && existing.Kind == kind && existing.AnnotatorId == item.AnnotatorId))
                {
                    chosen = (candidate, existing is null ? null : (int)existing.Version);
                    owners[candidate] = owner;
                    break;
                }
            }

            result.map[(document, item.Id)] = chosen;
        }

        return result;
    }

    public bool TryGet(ImportItem item, string document, out string id, out int? version)
    {
        (id, version) = map.GetValueOrDefault((document, item.Id)) ?? ("", null);
        return id.Length > 0;
    }

    public string? FinalId(ImportItem item, string document) => map.GetValueOrDefault((document, item.Id))?.Id;

    /// <summary>The id a span of the file was written under (its own when it was not imported now).</summary>
    public string Resolve(string document, string id) => map.GetValueOrDefault((document, id))?.Id ?? id;
}
