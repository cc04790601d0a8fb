using System.Text.Json;
using Annotate.Annotations;
using Annotate.Data;
using Annotate.Sessions;

namespace Annotate.Curation;

/// <summary>
/// Writes the gold layer for a curator: the annotation goes through <see cref="AnnotationWriter"/> as the reserved
/// gold annotator (same validation, versions, sequence numbers and live push as anyone's), with its provenance built
/// here from the database, never taken from the client.
/// </summary>
internal sealed class GoldWriter(Db db, AnnotationWriter writer)
{
    public const int MaxSources = 100;

    public static readonly SessionUser Gold = new(GoldLayer.AnnotatorId, GoldLayer.Name);

    public async Task<WriteOutcome> UpsertAsync(string documentId, string id, string kind, GoldRequest request, SessionUser curator, CancellationToken cancellationToken)
    {
        var action = kind == Annotation.RejectedKind ? CurationActions.Rejected : request.Action;
        if (action is null || (kind != Annotation.RejectedKind && !CurationActions.ForGold.Contains(action)))
        {
            return WriteOutcome.Error("action", $"'{request.Action}' is not a curation action; use one of {string.Join(", ", CurationActions.ForGold)}.");
        }

        if (request.Sources is { Count: > MaxSources })
        {
            return WriteOutcome.Error("sources", $"At most {MaxSources} sources.");
        }

        var sources = new List<ProvenanceSource>();
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            var sourceIds = request.Sources?.Distinct(StringComparer.Ordinal).ToList();
            if (sourceIds is null)
            {
                // An edit without sources keeps those the gold annotation already had.
                var existing = await AnnotationStore.GetAsync(connection, null, id);
                sourceIds = existing?.ProvenanceJson is { } json ? JsonSerializer.Deserialize<Provenance>(json, JsonSerializerOptions.Web)!.Sources.Select(s => s.Id).ToList() : [];
            }

            if (sourceIds.Count == 0 && action is not CurationActions.Created)
            {
                return WriteOutcome.Error("sources", $"Say which annotations the gold one was {action} from (their ids), or use the action '{CurationActions.Created}'.");
            }

            var sourceKind = kind == Annotation.DocumentKind ? Annotation.DocumentKind : Annotation.SpanKind;
            foreach (var sourceId in sourceIds)
            {
                var row = await AnnotationStore.GetAsync(connection, null, sourceId);
                if (row is null || row.IsDeleted != 0 || row.DocumentId != documentId || row.Kind != sourceKind || GoldLayer.Is(row.AnnotatorId))
                {
                    return WriteOutcome.Error("sources", $"'{sourceId}' is not an annotator's {sourceKind} annotation of this document.");
                }

                sources.Add(new ProvenanceSource(row.Id, row.AnnotatorId, row.AnnotatorName, row.Label, (int?)row.StartOffset, (int?)row.EndOffset));
            }
        }

        var provenance = new Provenance(action, curator.UserId, curator.DisplayName, sources.OrderBy(s => s.AnnotatorId, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());
        return await writer.UpsertAsync(documentId, id, kind, request.ToAnnotationRequest(), Gold, cancellationToken,
            JsonSerializer.Serialize(provenance, JsonSerializerOptions.Web));
    }

    public Task<WriteOutcome> DeleteAsync(string documentId, string id, string kind, int? version, CancellationToken cancellationToken) =>
        writer.DeleteAsync(documentId, id, kind, version, Gold, cancellationToken);
}
