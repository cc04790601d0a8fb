using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Relations;
using Annotate.Sessions;

namespace Annotate.Import;

/// <summary>What an import did (or, in a dry run, would do).</summary>
/// <param name="Relations">Relations imported, or null when the file held none (the summary then does not mention them).</param>
internal sealed record ImportResult(int Spans, int Labels, int Unchanged, IReadOnlyList<ImportProblem> Problems, bool DryRun, int? Relations = null)
{
    public string Summary()
    {
        var verb = DryRun ? "Dry run: would import" : "Imported";
        var skipped = Problems.Count == 0 ? "skipped 0"
            : $"skipped {Problems.Count} ({string.Join(", ", Problems.GroupBy(p => p.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))})";
        var relations = Relations is { } count ? $" Relations: {count} {(DryRun ? "would be " : "")}imported." : "";
        return $"{verb} {Spans} span(s) and {Labels} document label(s); {Unchanged} already there unchanged; {skipped}.{relations}";
    }
}

/// <summary>
/// Writes imported annotations through <see cref="AnnotationWriter"/>, so they are validated, versioned and
/// sequenced exactly like live writes. Ids are kept when free (else a stable derived one, references remapped);
/// everything is checked before the first write, and a dry run stops there.
/// </summary>
internal sealed class AnnotationImporter(Db db, DocumentStore documents, VersionTexts texts, CodebookStore codebooks, AnnotationWriter writer, ImportPeople people,
    RelationWriter relationWriter)
{
    private sealed record Pending(ImportItem Item, string DocumentId, string Kind, AnnotationRequest Request);

    public async Task<ImportResult> ImportAsync(string projectId, ImportBatch batch, bool dryRun, CancellationToken cancellationToken)
    {
        var problems = batch.Problems.ToList();
        var targets = await ImportTargets.LoadAsync(db, projectId, cancellationToken);
        var pending = new List<Pending>();
        foreach (var group in batch.Items.Where(i => i.Kind != Annotation.RelationKind).GroupBy(targets.Find))
        {
            if (group.Key is not { } documentId)
            {
                problems.AddRange(group.Select(i => new ImportProblem(i.Source, i.Document, ImportProblem.UnknownDocument, $"project '{projectId}' has no document '{i.Document}'.")));
                continue;
            }

            var context = await WriteContext.LoadAsync(documents, texts, codebooks, documentId, null, cancellationToken);
            foreach (var item in group)
            {
                var (request, kind, problem) = context.Failure is { } failure
                    ? (null, item.Kind, new ImportProblem(item.Source, documentId, ImportProblem.Invalid, Describe(failure)))
                    : ImportCheck.Check(item, documentId, context.Codebook!.Codebook, context.Version!.Text, context.Blocks);
                if (problem is not null)
                    problems.Add(problem);
                else
                    pending.Add(new Pending(item, documentId, kind, request!));
            }
        }

        // People next: an annotation whose annotator may not be imported is named and left out.
        var refusals = new Dictionary<string, (string Reason, string Detail)?>(StringComparer.Ordinal);
        foreach (var p in pending)
        {
            if (!refusals.ContainsKey(p.Item.AnnotatorId))
                refusals[p.Item.AnnotatorId] = await people.ProblemAsync(projectId, p.Item.AnnotatorId, p.Item.AnnotatorName, cancellationToken);
            if (refusals[p.Item.AnnotatorId] is { } refusal)
                problems.Add(new ImportProblem(p.Item.Source, p.DocumentId, refusal.Reason, refusal.Detail));
        }

        pending.RemoveAll(p => refusals[p.Item.AnnotatorId] is not null);
        var ids = await ImportIdMap.BuildAsync(db, pending.Select(p => (p.Item, p.DocumentId, p.Kind)), cancellationToken);
        var (spans, labels, unchanged) = (0, 0, 0);
        var users = new Dictionary<string, SessionUser>(StringComparer.Ordinal);
        foreach (var p in pending)
        {
            if (!ids.TryGet(p.Item, p.DocumentId, out var id, out var version))
            {
                problems.Add(new ImportProblem(p.Item.Source, p.DocumentId, ImportProblem.Refused, $"id {p.Item.Id} belongs to another annotation, and so does the id derived from it."));
                continue;
            }

            var request = p.Request with { Version = version };
            if (dryRun)
            {
                (spans, labels) = p.Kind == Annotation.SpanKind ? (spans + 1, labels) : (spans, labels + 1);
                continue;
            }

            if (!users.TryGetValue(p.Item.AnnotatorId, out var user))
                users[p.Item.AnnotatorId] = user = await people.EnsureAsync(projectId, p.Item.AnnotatorId, p.Item.AnnotatorName, dryRun, cancellationToken);
            var outcome = await writer.UpsertAsync(p.DocumentId, id, p.Kind, request, user, cancellationToken, p.Item.ProvenanceJson);
            switch (outcome)
            {
                case WriteOutcome.Saved:
                    (spans, labels) = p.Kind == Annotation.SpanKind ? (spans + 1, labels) : (spans, labels + 1);
                    break;
                case WriteOutcome.Unchanged:
                    unchanged++;
                    break;
                default:
                    problems.Add(new ImportProblem(p.Item.Source, p.DocumentId, outcome is WriteOutcome.Invalid ? ImportProblem.Invalid : ImportProblem.Refused, Describe(outcome)));
                    break;
            }
        }

        var relationItems = batch.Items.Where(i => i.Kind == Annotation.RelationKind).ToList();
        if (relationItems.Count == 0)
            return new ImportResult(spans, labels, unchanged, problems, dryRun);
        var (relations, unchangedRelations) = await ImportRelationsAsync(projectId, relationItems, targets, ids, users, refusals, problems, dryRun, cancellationToken);
        return new ImportResult(spans, labels, unchanged + unchangedRelations, problems, dryRun, relations);
    }

    /// <summary>
    /// Relations last, once the spans they join are written: each end is the id its span was written under, and
    /// the relation goes through <see cref="RelationWriter"/> with every rule of a live write.
    /// </summary>
    private async Task<(int Written, int Unchanged)> ImportRelationsAsync(string projectId, List<ImportItem> items, ImportTargets targets, ImportIdMap spanIds,
        Dictionary<string, SessionUser> users, Dictionary<string, (string Reason, string Detail)?> refusals, List<ImportProblem> problems, bool dryRun, CancellationToken cancellationToken)
    {
        var pending = new List<(ImportItem Item, string DocumentId)>();
        foreach (var item in items)
        {
            if (targets.Find(item) is not { } documentId)
            {
                problems.Add(new ImportProblem(item.Source, item.Document, ImportProblem.UnknownDocument, $"project '{projectId}' has no document '{item.Document}'."));
                continue;
            }

            if (!refusals.ContainsKey(item.AnnotatorId))
                refusals[item.AnnotatorId] = await people.ProblemAsync(projectId, item.AnnotatorId, item.AnnotatorName, cancellationToken);
            if (refusals[item.AnnotatorId] is { } refusal)
                problems.Add(new ImportProblem(item.Source, documentId, refusal.Reason, refusal.Detail));
            else
                pending.Add((item, documentId));
        }

        var ids = await ImportIdMap.BuildAsync(db, pending.Select(p => (p.Item, p.DocumentId, Annotation.RelationKind)), cancellationToken);
        var (written, unchanged) = (0, 0);
        var codebookOf = new Dictionary<string, CodebookDefinition?>(StringComparer.Ordinal);
        foreach (var (item, documentId) in pending)
        {
            if (!ids.TryGet(item, documentId, out var id, out var version))
            {
                problems.Add(new ImportProblem(item.Source, documentId, ImportProblem.Refused, $"id {item.Id} belongs to another annotation, and so does the id derived from it."));
                continue;
            }

            if (dryRun)
            {
                written++;
                continue;
            }

            if (!users.TryGetValue(item.AnnotatorId, out var user))
                users[item.AnnotatorId] = user = await people.EnsureAsync(projectId, item.AnnotatorId, item.AnnotatorName, dryRun, cancellationToken);
            if (!codebookOf.TryGetValue(documentId, out var codebook))
                codebookOf[documentId] = codebook = (await WriteContext.LoadAsync(documents, texts, codebooks, documentId, null, cancellationToken)).Codebook?.Codebook;
            // brat values are text: typed as the relation type's attributes want them.
            var attributes = ImportCheck.Coerce(codebook?.Relations.FirstOrDefault(r => r.Id == item.Label)?.Attributes ?? [], item.Attributes);
            var request = new RelationRequest(item.Label, spanIds.Resolve(documentId, item.RelationSource!), spanIds.Resolve(documentId, item.RelationTarget!),
                attributes, item.Note, version);
            switch (await relationWriter.UpsertAsync(documentId, id, request, user, cancellationToken))
            {
                case WriteOutcome.Saved:
                    written++;
                    break;
                case WriteOutcome.Unchanged:
                    unchanged++;
                    break;
                case var outcome:
                    problems.Add(new ImportProblem(item.Source, documentId, outcome is WriteOutcome.Invalid ? ImportProblem.Invalid : ImportProblem.Refused, $"relation {item.Id}: {Describe(outcome)}"));
                    break;
            }
        }

        return (written, unchanged);
    }

    private static string Describe(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Invalid invalid => string.Join(" ", invalid.Errors.SelectMany(e => e.Value)),
        WriteOutcome.Conflict conflict => conflict.Detail,
        WriteOutcome.Forbidden forbidden => forbidden.Detail,
        WriteOutcome.NotFound notFound => notFound.Detail,
        WriteOutcome.Frozen frozen => frozen.Detail,
        _ => outcome.ToString(),
    };
}
