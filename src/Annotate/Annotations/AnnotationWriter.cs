using System.Data;
using Annotate.Changes;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Relations;
using Annotate.Rounds;
using Annotate.Sessions;
using Dapper;

namespace Annotate.Annotations;

/// <summary>
/// Every annotation write: validated against the text and the codebook, then applied in one writer transaction as an
/// idempotent upsert by client id with optimistic versions. A retried write changes nothing; a stale one gets the
/// current state back.
/// </summary>
internal sealed class AnnotationWriter(Db db, DocumentStore documents, VersionTexts texts, CodebookStore codebooks, ICommittedChanges changes, TimeProvider time)
{
    /// <param name="provenanceJson">For the gold layer only: where the annotation came from.</param>
    public async Task<WriteOutcome> UpsertAsync(string documentId, string id, string kind, AnnotationRequest request, SessionUser user, CancellationToken cancellationToken, string? provenanceJson = null)
    {
        if (!Guid.TryParse(id, out _))
        {
            return WriteOutcome.Error("id", $"'{id}' is not a UUID; annotation ids are UUIDs chosen by the client.");
        }

        var context = await WriteContext.LoadAsync(documents, texts, codebooks, documentId, request.DocumentVersion, cancellationToken);
        if (context.Failure is { } failure)
        {
            return failure;
        }

        // A rejection is shaped like a span: the same layer, label and offsets are checked.
        var shape = kind == Annotation.RejectedKind ? Annotation.SpanKind : kind;
        var validator = new AnnotationValidator(shape, context.Codebook!.Codebook, context.Version!.Text, context.Blocks);
        var layer = validator.Validate(request);
        if (!validator.IsValid)
        {
            return new WriteOutcome.Invalid(validator.Errors);
        }

        var candidate = context.NewRow(id, kind, request, user, time.GetUtcNow(), provenanceJson);
        var outcome = await db.WriteAsync((c, t) => ApplyAsync(c, t, candidate, layer!, request.Version, user, context), cancellationToken);
        if (outcome is WriteOutcome.Saved saved)
        {
            // Only after the commit: a change is announced once it can no longer be lost, and a retry announces nothing.
            await changes.PublishAsync(new AnnotationCommitted(new AnnotationChange(saved.Seq, documentId, AnnotationChange.Upsert, saved.Annotation)));
        }

        await PublishRelationsAsync(outcome, context);
        return outcome;
    }

    /// <summary>The relations a span's deletion or return changed, announced like any relation write.</summary>
    private async Task PublishRelationsAsync(WriteOutcome outcome, WriteContext context)
    {
        foreach (var row in outcome.Relations)
        {
            await changes.PublishAsync(new RelationCommitted(RelationChange.Of(row.Seq, context.ToAnnotation(row))));
        }
    }

    private static async Task<WriteOutcome> ApplyAsync(IDbConnection c, IDbTransaction t, AnnotationRow candidate, LayerDefinition layer,
        int? basedOn, SessionUser user, WriteContext context)
    {
        // Read in the write's own transaction: a freeze committed before it is never missed.
        if (await EditingFreeze.FrozenByAsync(c, t, candidate.DocumentId, user.UserId) is { } round)
        {
            return new WriteOutcome.Frozen(round, EditingFreeze.Detail(round));
        }

        // Before reading: the version check and the write must see no other instance's write in between.
        await Db.LockAsync(c, t, candidate.DocumentId);
        var existing = await AnnotationStore.GetAsync(c, t, candidate.Id);
        if (existing is not null && (existing.DocumentId != candidate.DocumentId || existing.Kind != candidate.Kind))
        {
            return WriteOutcome.Error("id", "This id belongs to another annotation (of another document or kind); choose a new UUID.");
        }

        if (existing is not null && existing.AnnotatorId != user.UserId)
        {
            return Forbidden(candidate.Id, "change");
        }

        if (await CheckReferencesAsync(c, t, candidate, layer, context) is { } problem)
        {
            return problem;
        }

        if (existing is not null && SameContent(existing, candidate))
        {
            return new WriteOutcome.Unchanged(context.ToAnnotation(existing));
        }

        if (existing is null && basedOn > 0)
        {
            return new WriteOutcome.NotFound($"There is no annotation {candidate.Id} to update; omit 'version' to create it.");
        }

        if (existing is not null && basedOn != existing.Version)
        {
            return new WriteOutcome.Conflict(context.ToAnnotation(existing), basedOn is null
                ? $"Annotation {candidate.Id} exists (version {existing.Version}); send the version your edit is based on."
                : $"Annotation {candidate.Id} is at version {existing.Version}, not {basedOn}: someone changed it first.");
        }

        var saved = existing is null ? candidate : candidate with { Version = existing.Version + 1, CreatedAt = existing.CreatedAt };
        await AnnotationStore.SaveAsync(c, t, saved);
        var stored = await AnnotationStore.GetAsync(c, t, saved.Id);
        // A span brought back from its tombstone (a deletion undone) brings back the relations its deletion removed.
        var restored = existing is { IsDeleted: not 0, Kind: Annotation.SpanKind }
            ? await RelationCascade.RestoreAsync(c, t, saved.Id, saved.UpdatedAt)
            : [];
        return new WriteOutcome.Saved(context.ToAnnotation(stored!), Created: existing is null, stored!.Seq) { Relations = restored };
    }

    /// <summary>No twin of a span by the same person; a single-choice layer holds one label.</summary>
    private static async Task<WriteOutcome?> CheckReferencesAsync(IDbConnection c, IDbTransaction t, AnnotationRow candidate, LayerDefinition layer, WriteContext context)
    {
        if (candidate.Kind == Annotation.SpanKind && candidate.IsDeleted == 0)
        {
            // The same person marking the same stretch with the same label twice would count it twice in agreement.
            const string sql = """
                SELECT Id FROM Annotations WHERE DocumentId = @DocumentId AND Kind = 'span' AND Layer = @Layer AND Label = @Label
                  AND AnnotatorId = @AnnotatorId AND StartOffset = @StartOffset AND EndOffset = @EndOffset AND IsDeleted = 0 AND Id <> @Id LIMIT 1;
                """;
            if (await c.ExecuteScalarAsync<string?>(sql, candidate, t) is { } twinId)
            {
                return WriteOutcome.Error("start", $"You already marked this stretch ({candidate.StartOffset}–{candidate.EndOffset}) as '{candidate.Label}' in layer '{candidate.Layer}' (annotation {twinId}); a duplicate would count twice in agreement.");
            }
        }

        if (candidate.Kind == Annotation.DocumentKind && !layer.Multiple)
        {
            const string sql = """
                SELECT Id FROM Annotations WHERE DocumentId = @DocumentId AND Kind = 'document' AND Layer = @Layer
                  AND AnnotatorId = @AnnotatorId AND IsDeleted = 0 AND Id <> @Id LIMIT 1;
                """;
            if (await c.ExecuteScalarAsync<string?>(sql, candidate, t) is { } otherId)
            {
                var other = await AnnotationStore.GetAsync(c, t, otherId);
                return new WriteOutcome.Conflict(context.ToAnnotation(other!), $"Layer '{layer.Id}' takes one label per annotator, and you have already chosen one: update it instead.");
            }
        }

        return null;
    }

    // Never the author's name: in blind mode it would tell who else annotates (and the id says nothing of them).
    private static WriteOutcome.Forbidden Forbidden(string id, string verb) => new($"Annotation {id} belongs to another annotator; only its author can {verb} it.");

    private static bool SameContent(AnnotationRow a, AnnotationRow b) =>
        a.IsDeleted == b.IsDeleted && a.Layer == b.Layer && a.Label == b.Label && a.StartOffset == b.StartOffset
        && a.EndOffset == b.EndOffset && a.DocumentVersion == b.DocumentVersion && a.AttributesJson == b.AttributesJson
        && AttributionText.Canonical(a.AttributionJson) == AttributionText.Canonical(b.AttributionJson) && a.Note == b.Note && a.ProvenanceJson == b.ProvenanceJson;

    public async Task<WriteOutcome> DeleteAsync(string documentId, string id, string kind, int? basedOn, SessionUser user, CancellationToken cancellationToken)
    {
        var context = await WriteContext.LoadAsync(documents, texts, codebooks, documentId, null, cancellationToken);
        if (context.Failure is { } failure)
        {
            return failure;
        }

        var outcome = await db.WriteAsync<WriteOutcome>(async (c, t) =>
        {
            if (await EditingFreeze.FrozenByAsync(c, t, documentId, user.UserId) is { } round)
            {
                return new WriteOutcome.Frozen(round, EditingFreeze.Detail(round));
            }

            await Db.LockAsync(c, t, documentId);
            var existing = await AnnotationStore.GetAsync(c, t, id);
            if (existing is null || existing.DocumentId != documentId || existing.Kind != kind)
            {
                return new WriteOutcome.NotFound($"Document '{documentId}' has no {kind} annotation {id}.");
            }

            if (existing.AnnotatorId != user.UserId)
            {
                return Forbidden(id, "delete");
            }

            if (existing.IsDeleted != 0)
            {
                return new WriteOutcome.Removed();
            }

            if (basedOn is not null && basedOn != existing.Version)
            {
                return new WriteOutcome.Conflict(context.ToAnnotation(existing), $"Annotation {id} is at version {existing.Version}, not {basedOn}: someone changed it first.");
            }

            // A tombstone, not a DELETE: a replayed or retried write can never bring it back unnoticed.
            var now = time.GetUtcNow();
            await AnnotationStore.SaveAsync(c, t, existing with { IsDeleted = 1, Version = existing.Version + 1, UpdatedAt = now.ToString("O") });
            var tombstone = (await AnnotationStore.GetAsync(c, t, id))!;
            // A relation lives only while both its spans do.
            var cascaded = kind == Annotation.SpanKind ? await RelationCascade.TombstoneAsync(c, t, id, now) : [];
            return new WriteOutcome.Removed(context.ToAnnotation(tombstone), tombstone.Seq) { Relations = cascaded };
        }, cancellationToken);
        if (outcome is WriteOutcome.Removed { Tombstone: { } deleted } removed)
        {
            await changes.PublishAsync(new AnnotationCommitted(new AnnotationChange(removed.Seq, documentId, AnnotationChange.Delete, deleted)));
        }

        await PublishRelationsAsync(outcome, context);
        return outcome;
    }
}
