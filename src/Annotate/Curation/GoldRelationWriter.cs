using System.Data;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Data;
using Annotate.Relations;
using Annotate.Sessions;

namespace Annotate.Curation;

/// <summary>
/// Writes the gold layer's relations and rejections of relations for a curator, through <see cref="RelationWriter"/>
/// as the reserved gold annotator (same versions, idempotency, 409s and live push as anyone's), with provenance built
/// here from the database. A relation accepted from an annotator joins the gold copies of that annotator's spans;
/// when one has none yet the write is refused (409 naming the end): the curator accepts that span first, so every
/// gold span keeps a decision of its own, as in INCEpTION, where a relation merges only onto spans already merged.
/// </summary>
internal sealed class GoldRelationWriter(Db db, RelationWriter writer)
{
    public async Task<WriteOutcome> UpsertAsync(string documentId, string id, GoldRelationRequest request, SessionUser curator, CancellationToken ct)
    {
        var action = request.Action ?? CurationActions.Created;
        if (!CurationActions.ForGold.Contains(action))
        {
            return WriteOutcome.Error("action", $"'{request.Action}' is not a curation action; use one of {string.Join(", ", CurationActions.ForGold)}.");
        }

        var (sources, failure) = await SourcesAsync(documentId, id, request.Sources, action, null, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (request.Action is not null)
        {
            // Ends named by an annotator's span move to that span's gold copy.
            await using var connection = await db.OpenAsync(ct);
            foreach (var (field, spanId) in new[] { ("source", request.Source), ("target", request.Target) })
            {
                if (spanId is null || await AnnotationStore.GetAsync(connection, null, spanId) is not { } span
                    || span.DocumentId != documentId || span.Kind != Annotation.SpanKind || span.IsDeleted != 0 || GoldLayer.Is(span.AnnotatorId))
                {
                    continue; // a gold span, or not a span at all: the relation writer says what is wrong
                }

                if (await GoldCopyAsync(connection, documentId, span) is not { } copy)
                {
                    var quote = span.Quote is { Length: > 60 } q ? q[..57] + "…" : span.Quote;
                    return new WriteOutcome.MissingGoldEnd(field, spanId,
                        $"The {field} span '{spanId}' ({span.Layer}/{span.Label} “{quote}”, {span.StartOffset}–{span.EndOffset}) is not in the gold layer yet; accept it first.");
                }

                request = field == "source" ? request with { Source = copy } : request with { Target = copy };
            }
        }

        return await writer.UpsertAsync(documentId, id, request.ToRelationRequest(), GoldWriter.Gold, ct, Annotation.RelationKind, Serialize(action, curator, sources));
    }

    public async Task<WriteOutcome> RejectAsync(string documentId, string id, RelationRejectionRequest request, SessionUser curator, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Type))
        {
            return WriteOutcome.Error("type", "Say which relation type is rejected.");
        }

        if (request.Sources is null or { Count: 0 })
        {
            return WriteOutcome.Error("sources", "Say which annotators' relations are rejected (their ids).");
        }

        var (sources, failure) = await SourcesAsync(documentId, id, request.Sources, CurationActions.Rejected, request.Type, ct);
        if (failure is not null)
        {
            return failure;
        }

        // The ends checked are the first source's; a rejection stores none (it stands for its sources).
        var first = await FirstEndsAsync(sources[0].Id, ct);
        var relation = new RelationRequest(request.Type, first.Source, first.Target, null, request.Note, request.Version);
        return await writer.UpsertAsync(documentId, id, relation, GoldWriter.Gold, ct, Annotation.RejectedRelationKind, Serialize(CurationActions.Rejected, curator, sources));
    }

    public Task<WriteOutcome> DeleteAsync(string documentId, string id, int? version, string kind, CancellationToken ct) =>
        writer.DeleteAsync(documentId, id, version, GoldWriter.Gold, ct, kind);

    /// <summary>The annotators' relations named as sources (or, when none are named, those the gold relation already had).</summary>
    private async Task<(List<ProvenanceSource> Sources, WriteOutcome? Failure)> SourcesAsync(string documentId, string id, List<string>? requested,
        string action, string? type, CancellationToken ct)
    {
        if (requested is { Count: > GoldWriter.MaxSources })
        {
            return ([], WriteOutcome.Error("sources", $"At most {GoldWriter.MaxSources} sources."));
        }

        await using var connection = await db.OpenAsync(ct);
        var ids = requested?.Distinct(StringComparer.Ordinal).ToList();
        if (ids is null)
        {
            var existing = await AnnotationStore.GetAsync(connection, null, id);
            ids = existing?.ProvenanceJson is { } json ? JsonSerializer.Deserialize<Provenance>(json, JsonSerializerOptions.Web)!.Sources.Select(s => s.Id).ToList() : [];
        }

        if (ids.Count == 0 && action is not CurationActions.Created)
        {
            return ([], WriteOutcome.Error("sources", $"Say which relations the gold one was {action} from (their ids), or use the action '{CurationActions.Created}'."));
        }

        var sources = new List<ProvenanceSource>();
        foreach (var sourceId in ids)
        {
            var row = await AnnotationStore.GetAsync(connection, null, sourceId);
            if (row is null || row.IsDeleted != 0 || row.DocumentId != documentId || row.Kind != Annotation.RelationKind || GoldLayer.Is(row.AnnotatorId))
            {
                return ([], WriteOutcome.Error("sources", $"'{sourceId}' is not an annotator's relation of this document."));
            }

            if (type is not null && row.Label != type)
            {
                return ([], WriteOutcome.Error("sources", $"'{sourceId}' is a '{row.Label}' relation, not '{type}'."));
            }

            sources.Add(new ProvenanceSource(row.Id, row.AnnotatorId, row.AnnotatorName, row.Label, null, null));
        }

        return (sources.OrderBy(s => s.AnnotatorId, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList(), null);
    }

    private async Task<(string? Source, string? Target)> FirstEndsAsync(string relationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await AnnotationStore.GetAsync(connection, null, relationId);
        return (row?.SourceId, row?.TargetId);
    }

    private static async Task<string?> GoldCopyAsync(IDbConnection connection, string documentId, AnnotationRow span)
    {
        var gold = (await AnnotationStore.LiveOfDocumentAsync(connection, null, documentId))
            .Where(a => GoldLayer.Is(a.AnnotatorId) && a.Kind == Annotation.SpanKind && a.IsOrphan == 0)
            .Select(a => a.ToAnnotation((_, _) => true));
        return GoldCopies.Of(span.ToAnnotation((_, _) => true), gold)?.Id;
    }

    private static string Serialize(string action, SessionUser curator, List<ProvenanceSource> sources) =>
        JsonSerializer.Serialize(new Provenance(action, curator.UserId, curator.DisplayName, sources), JsonSerializerOptions.Web);
}
