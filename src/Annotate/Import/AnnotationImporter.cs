using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Sessions;

namespace Annotate.Import;

/// <summary>What an import did (or, in a dry run, would do).</summary>
internal sealed record ImportResult(int Spans, int Labels, int Unchanged, IReadOnlyList<ImportProblem> Problems, bool DryRun)
{
    public string Summary()
    {
        var verb = DryRun ? "Dry run: would import" : "Imported";
        var skipped = Problems.Count == 0 ? "skipped 0"
            : $"skipped {Problems.Count} ({string.Join(", ", Problems.GroupBy(p => p.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))})";
        return $"{verb} {Spans} span(s) and {Labels} document label(s); {Unchanged} already there unchanged; {skipped}.";
    }
}

/// <summary>
/// Writes imported annotations through <see cref="AnnotationWriter"/>, so they are validated, versioned and
/// sequenced exactly like live writes. Ids are kept when free (else a stable derived one, references remapped);
/// everything is checked before the first write, and a dry run stops there.
/// </summary>
internal sealed class AnnotationImporter(Db db, DocumentStore documents, VersionTexts texts, CodebookStore codebooks, AnnotationWriter writer, ImportPeople people)
{
    private sealed record Pending(ImportItem Item, string DocumentId, string Kind, AnnotationRequest Request);

    public async Task<ImportResult> ImportAsync(string projectId, ImportBatch batch, bool dryRun, CancellationToken cancellationToken)
    {
        var problems = batch.Problems.ToList();
        var targets = await ImportTargets.LoadAsync(db, projectId, cancellationToken);
        var pending = new List<Pending>();
        foreach (var group in batch.Items.GroupBy(targets.Find))
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
        foreach (var p in Ordered(pending, ids))
        {
            if (!ids.TryGet(p.Item, p.DocumentId, out var id, out var version))
            {
                problems.Add(new ImportProblem(p.Item.Source, p.DocumentId, ImportProblem.Refused, $"id {p.Item.Id} belongs to another annotation, and so does the id derived from it."));
                continue;
            }

            var request = p.Request with { Version = version, Attribution = ids.Remap(p.Request.Attribution, p.DocumentId) };
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

        return new ImportResult(spans, labels, unchanged, problems, dryRun);
    }

    /// <summary>An attribution to another span is written after that span, so the writer finds it.</summary>
    private static IEnumerable<Pending> Ordered(List<Pending> pending, ImportIdMap ids)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var left = pending;
        while (left.Count > 0)
        {
            var ready = left.Where(p => p.Request.Attribution?.Span is not { } target || written.Contains(ids.Remap(p.Request.Attribution, p.DocumentId)!.Span!)
                || !left.Any(o => o.DocumentId == p.DocumentId && o.Item.Id == target)).ToList();
            if (ready.Count == 0)
                ready = left; // a cycle: let the writer say what is wrong
            foreach (var p in ready)
            {
                written.Add(ids.FinalId(p.Item, p.DocumentId) ?? "");
                yield return p;
            }

            left = left.Except(ready).ToList();
        }
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
