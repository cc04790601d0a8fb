using System.Data;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Changes;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Curation;
using Annotate.Data;
using Annotate.Rounds;
using Annotate.Sessions;
using Dapper;

namespace Annotate.Relations;

/// <summary>
/// Every relation write, by the rules of a span write (<see cref="AnnotationWriter"/>): an idempotent upsert by the
/// client's UUID with optimistic versions, tombstones, the document's sequence numbers, the editing freeze, and an
/// announcement after the commit. <paramref name="author"/> is the caller, or the gold layer for a curator's write;
/// a relation joins two live spans of that same author.
/// </summary>
internal sealed class RelationWriter(Db db, DocumentStore documents, VersionTexts texts, CodebookStore codebooks, ICommittedChanges changes, TimeProvider time)
{
    /// <param name="kind">A relation, or (gold layer only) a rejection of annotators' relations, which has no ends.</param>
    /// <param name="provenanceJson">For the gold layer only: where the relation (or rejection) came from.</param>
    public async Task<WriteOutcome> UpsertAsync(string documentId, string id, RelationRequest request, SessionUser author, CancellationToken cancellationToken,
        string kind = Annotation.RelationKind, string? provenanceJson = null)
    {
        if (!Guid.TryParse(id, out _))
        {
            return WriteOutcome.Error("id", $"'{id}' is not a UUID; relation ids are UUIDs chosen by the client.");
        }

        var context = await WriteContext.LoadAsync(documents, texts, codebooks, documentId, null, cancellationToken);
        if (context.Failure is { } failure)
        {
            return failure;
        }

        var (type, errors) = RelationValidator.Validate(request, context.Codebook!.Codebook);
        if (errors.Count > 0)
        {
            return new WriteOutcome.Invalid(errors);
        }

        var now = time.GetUtcNow().ToString("O");
        var attributes = (request.Attributes ?? []).Where(a => a.Value.ValueKind != JsonValueKind.Null)
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value);
        var candidate = new AnnotationRow(id, documentId, context.Current!.Version, context.Codebook.Collection, context.Codebook.Version,
            author.UserId, author.DisplayName, kind, Annotation.RelationLayer, type!.Id, null, null, null, null, null,
            JsonSerializer.Serialize(attributes), null, string.IsNullOrEmpty(request.Note) ? null : request.Note, 1, 0, 0, 0, now, now, provenanceJson,
            request.Source, request.Target);
        var outcome = await db.WriteAsync((c, t) => ApplyAsync(c, t, candidate, type, request.Version, context), cancellationToken);
        if (outcome is WriteOutcome.Saved saved)
        {
            await PublishAsync(saved.Seq, saved.Annotation);
        }

        return outcome;
    }

    // A rejection of relations travels like a span rejection: as a gold annotation, which no annotator's page shows.
    private Task PublishAsync(long seq, Annotation annotation) => annotation.Kind == Annotation.RelationKind
        ? changes.PublishAsync(new RelationCommitted(RelationChange.Of(seq, annotation)))
        : changes.PublishAsync(new AnnotationCommitted(new AnnotationChange(seq, annotation.DocumentId, annotation.Deleted ? AnnotationChange.Delete : AnnotationChange.Upsert, annotation)));

    private static async Task<WriteOutcome> ApplyAsync(IDbConnection c, IDbTransaction t, AnnotationRow candidate, RelationDefinition type, int? basedOn, WriteContext context)
    {
        if (await EditingFreeze.FrozenByAsync(c, t, candidate.DocumentId, candidate.AnnotatorId) is { } round)
        {
            return new WriteOutcome.Frozen(round, EditingFreeze.Detail(round));
        }

        await Db.LockAsync(c, t, candidate.DocumentId);
        var existing = await AnnotationStore.GetAsync(c, t, candidate.Id);
        if (existing is not null && (existing.DocumentId != candidate.DocumentId || existing.Kind != candidate.Kind))
        {
            return WriteOutcome.Error("id", "This id belongs to another annotation (of another document or kind); choose a new UUID.");
        }

        if (existing is not null && existing.AnnotatorId != candidate.AnnotatorId)
        {
            return Forbidden(candidate.Id, "change");
        }

        if (candidate.Kind == Annotation.RelationKind && await CheckEndsAsync(c, t, candidate, type) is { } problem)
        {
            return problem;
        }

        if (existing is not null && existing.IsDeleted == 0 && SameContent(existing, candidate))
        {
            return new WriteOutcome.Unchanged(context.ToAnnotation(existing));
        }

        if (existing is null && basedOn > 0)
        {
            return new WriteOutcome.NotFound($"There is no relation {candidate.Id} to update; omit 'version' to create it.");
        }

        if (existing is not null && basedOn != existing.Version)
        {
            return new WriteOutcome.Conflict(context.ToAnnotation(existing), basedOn is null
                ? $"Relation {candidate.Id} exists (version {existing.Version}); send the version your edit is based on."
                : $"Relation {candidate.Id} is at version {existing.Version}, not {basedOn}: someone changed it first.");
        }

        var saved = existing is null ? candidate : candidate with { Version = existing.Version + 1, CreatedAt = existing.CreatedAt };
        await AnnotationStore.SaveAsync(c, t, saved);
        var stored = (await AnnotationStore.GetAsync(c, t, saved.Id))!;
        return new WriteOutcome.Saved(context.ToAnnotation(stored), Created: existing is null, stored.Seq);
    }

    /// <summary>Both ends are live spans of this document by the relation's author, of layers and labels its type allows, not joined by it already.</summary>
    private static async Task<WriteOutcome?> CheckEndsAsync(IDbConnection c, IDbTransaction t, AnnotationRow candidate, RelationDefinition type)
    {
        var ends = new Dictionary<string, AnnotationRow>(StringComparer.Ordinal);
        foreach (var (field, spanId) in new[] { ("source", candidate.SourceId!), ("target", candidate.TargetId!) })
        {
            var span = await AnnotationStore.GetAsync(c, t, spanId);
            if (span is null || span.IsDeleted != 0 || span.DocumentId != candidate.DocumentId || span.Kind != Annotation.SpanKind)
            {
                return WriteOutcome.Error(field, $"'{spanId}' is not a live span of this document.");
            }

            // Never whose span it is: in a blind project that would tell who else annotates.
            if (span.AnnotatorId != candidate.AnnotatorId)
            {
                return WriteOutcome.Error(field, GoldLayer.Is(candidate.AnnotatorId)
                    ? $"'{spanId}' is not a gold span; a gold relation joins two gold spans."
                    : $"'{spanId}' is not one of your spans; a relation joins two spans of its own author.");
            }

            ends[field] = span;
        }

        if (RelationValidator.CheckEnds(type, ends["source"], ends["target"]) is var (blamed, message))
        {
            return WriteOutcome.Error(blamed, message);
        }

        // The same link twice would count twice in agreement (either way round when the type has no direction).
        const string sql = """
            SELECT a.Id FROM Annotations a JOIN RelationEnds e ON e.Id = a.Id
            WHERE a.DocumentId = @DocumentId AND a.Kind = 'relation' AND a.Label = @Label AND a.AnnotatorId = @AnnotatorId
              AND a.IsDeleted = 0 AND a.Id <> @Id
              AND ((e.SourceId = @SourceId AND e.TargetId = @TargetId) OR (@Undirected = 1 AND e.SourceId = @TargetId AND e.TargetId = @SourceId))
            LIMIT 1;
            """;
        var twin = await c.ExecuteScalarAsync<string?>(sql, new
        {
            candidate.DocumentId, candidate.Label, candidate.AnnotatorId, candidate.Id, candidate.SourceId, candidate.TargetId,
            Undirected = type.Directed ? 0 : 1,
        }, t);
        return twin is null
            ? null
            : WriteOutcome.Error("target", $"These spans are already joined by a '{type.Id}' relation ({twin}); a duplicate would count twice.");
    }

    private static bool SameContent(AnnotationRow a, AnnotationRow b) =>
        a.Label == b.Label && a.SourceId == b.SourceId && a.TargetId == b.TargetId && a.AttributesJson == b.AttributesJson && a.Note == b.Note
        && a.ProvenanceJson == b.ProvenanceJson;

    // Never the author's name: in blind mode it would tell who else annotates.
    private static WriteOutcome.Forbidden Forbidden(string id, string verb) => new($"Relation {id} belongs to another annotator; only its author can {verb} it.");

    public async Task<WriteOutcome> DeleteAsync(string documentId, string id, int? basedOn, SessionUser author, CancellationToken cancellationToken,
        string kind = Annotation.RelationKind)
    {
        var context = await WriteContext.LoadAsync(documents, texts, codebooks, documentId, null, cancellationToken);
        if (context.Failure is { } failure)
        {
            return failure;
        }

        var outcome = await db.WriteAsync<WriteOutcome>(async (c, t) =>
        {
            if (await EditingFreeze.FrozenByAsync(c, t, documentId, author.UserId) is { } round)
            {
                return new WriteOutcome.Frozen(round, EditingFreeze.Detail(round));
            }

            await Db.LockAsync(c, t, documentId);
            var existing = await AnnotationStore.GetAsync(c, t, id);
            if (existing is null || existing.DocumentId != documentId || existing.Kind != kind)
            {
                return new WriteOutcome.NotFound(kind == Annotation.RelationKind
                    ? $"Document '{documentId}' has no relation {id}."
                    : $"Document '{documentId}' has no rejection of relations {id}.");
            }

            if (existing.AnnotatorId != author.UserId)
            {
                return Forbidden(id, "delete");
            }

            if (existing.IsDeleted != 0)
            {
                return new WriteOutcome.Removed();
            }

            if (basedOn is not null && basedOn != existing.Version)
            {
                return new WriteOutcome.Conflict(context.ToAnnotation(existing), $"Relation {id} is at version {existing.Version}, not {basedOn}: someone changed it first.");
            }

            // Deleted by its author: it does not come back with a span.
            await AnnotationStore.SaveAsync(c, t, existing with { IsDeleted = 1, DeletedWith = null, Version = existing.Version + 1, UpdatedAt = time.GetUtcNow().ToString("O") });
            var tombstone = (await AnnotationStore.GetAsync(c, t, id))!;
            return new WriteOutcome.Removed(context.ToAnnotation(tombstone), tombstone.Seq);
        }, cancellationToken);
        if (outcome is WriteOutcome.Removed { Tombstone: { } deleted } removed)
        {
            await PublishAsync(removed.Seq, deleted);
        }

        return outcome;
    }
}
