using System.Collections.Concurrent;
using Annotate.Annotations;
using Annotate.Projects;

namespace Annotate.AgreementReports;

/// <summary>
/// Serves agreement reports incrementally. Each document's pieces are cached under its revision (text version and
/// last change), so after a save only that document is re-read and recomputed before the pieces are summed; a
/// report is cached under the revisions it was made from, and concurrent requests for it share one computation,
/// so a class of viewers refreshing after each save costs one computation, not one each. Nothing here runs on the
/// path of a save.
/// </summary>
internal sealed class AgreementService(AgreementStore store, AgreementWorker worker, TimeProvider time)
{
    private const int MaxCachedReports = 64;

    // Another process (a second instance, the CLI) may change the database without telling this one: the list of
    // annotated documents is re-read at least this often even when nothing changed here.
    private static readonly TimeSpan HeadsMaxAge = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, long> changes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Project, string Document), DocumentPieces> pieces = new();
    private readonly ConcurrentDictionary<(string Project, string? Document), (long Change, DateTimeOffset At, IReadOnlyList<AnnotatedDocument> Heads)> heads = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<ProjectAgreementReport>>> reports = new(StringComparer.Ordinal);

    /// <summary>Marks the project's figures stale (an annotation, a text or an annotator's attributes changed here).</summary>
    public void Touch(string projectId) => changes.AddOrUpdate(projectId, 1, (_, r) => r + 1);

    /// <param name="only">The documents the caller may see, when not all of the project's (an annotator's assignments).</param>
    public async Task<ProjectAgreementReport> ReportAsync(ProjectSettings project, string? documentId, AgreementOptions options, CancellationToken cancellationToken,
        IReadOnlySet<string>? only = null)
    {
        var documents = await HeadsAsync(project.Id, documentId, cancellationToken);
        if (only is not null)
        {
            documents = documents.Where(d => only.Contains(d.Id)).ToList();
        }

        var annotators = await store.AnnotatorsAsync(project.Id, cancellationToken);
        // The revision clients see: it grows with every change to any document's annotations.
        var revision = documents.Sum(d => d.LastSeq);
        var key = string.Join('\u0001', project.Id, project.Visibility, documentId, options.GroupBy, options.Bootstrap, revision,
            // Ids too: two annotators' assigned documents may have the same revisions.
            string.Join('\u0002', documents.Select(d => d.Id + "@" + d.Revision)),
            string.Join('\u0002', annotators.Select(a => a.Id + ":" + string.Join(',', a.Attributes.Select(x => x.Key + "=" + x.Value)))));
        if (reports.Count > MaxCachedReports)
        {
            reports.Clear();
        }

        // The computation is not tied to one caller's cancellation: others may be waiting for it.
        var lazy = reports.GetOrAdd(key, _ => new Lazy<Task<ProjectAgreementReport>>(() => Task.Run(async () =>
        {
            var (current, leftOut) = await PiecesAsync(project.Id, documents, CancellationToken.None);
            return await worker.RunAsync(() => ProjectAgreement.Combine(project.Id, project.Visibility, documentId, revision, current, annotators, leftOut, options, parallel: false));
        })));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            reports.TryRemove(key, out _);
        }

        return await task.WaitAsync(cancellationToken);
    }

    public async Task<TextAgreementReport> TextAsync(ProjectSettings project, string documentId, long currentVersion, string? layer, CancellationToken cancellationToken)
    {
        var snapshot = await store.LoadAsync(project, documentId, cancellationToken);
        var document = snapshot.Documents.SingleOrDefault();
        var annotations = snapshot.Annotations.Where(a => a.Kind == Annotation.SpanKind && (layer is null || a.Layer == layer)).ToList();
        if (annotations.Select(a => a.Layer).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            // Labels of different layers may share an id: name the layer.
            annotations = annotations.Select(a => a with { Label = $"{a.Layer}: {a.Label}" }).ToList();
        }

        // Everyone who annotated the document counts, in any layer: marking nothing here is a reading too.
        var annotators = snapshot.Annotations.Select(a => a.AnnotatorId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var names = snapshot.Annotators.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        return new TextAgreementReport(documentId, document?.Version ?? currentVersion,
            annotators.Select(a => new AnnotatorName(a, names.GetValueOrDefault(a, a))).ToList(),
            TextAgreement.Segments(annotations, annotators));
    }

    private async Task<IReadOnlyList<AnnotatedDocument>> HeadsAsync(string projectId, string? documentId, CancellationToken cancellationToken)
    {
        var change = changes.GetValueOrDefault(projectId);
        if (heads.TryGetValue((projectId, documentId), out var known) && known.Change == change && time.GetUtcNow() - known.At < HeadsMaxAge)
        {
            return known.Heads;
        }

        var current = await store.AnnotatedDocumentsAsync(projectId, documentId, cancellationToken);
        heads[(projectId, documentId)] = (change, time.GetUtcNow(), current);
        return current;
    }

    // The documents' pieces, recomputing those whose revision moved (all of them on a first request).
    private async Task<(List<DocumentPieces> Pieces, int LeftOut)> PiecesAsync(string projectId, IReadOnlyList<AnnotatedDocument> documents, CancellationToken cancellationToken)
    {
        var stale = documents.Where(d => !pieces.TryGetValue((projectId, d.Id), out var cached) || cached.Revision != d.Revision).ToList();
        if (stale.Count > 0)
        {
            // Many stale documents (a cold start) are read in one query; a few (a save) one by one by index.
            var rows = await store.AnnotationsAsync(projectId, stale.Count > 20 ? null : stale.Select(d => d.Id).ToList(), cancellationToken);
            var texts = new List<AgreementDocument>();
            foreach (var head in stale)
            {
                if (await store.DocumentAsync(head, cancellationToken) is { } text)
                    texts.Add(text);
            }

            var computed = await worker.RunAsync(() => texts.Select(document =>
            {
                var (live, _) = AgreementStore.OnCurrentText([document], rows);
                var head = stale.First(h => h.Id == document.Id);
                return DocumentPieces.Compute(document, head.Revision, live, (rows.GetValueOrDefault(document.Id)?.Count ?? 0) - live.Count);
            }).ToList());
            foreach (var piece in computed)
                pieces[(projectId, piece.Document.Id)] = piece;
        }

        var result = documents.Select(d => pieces.GetValueOrDefault((projectId, d.Id))).OfType<DocumentPieces>().OrderBy(p => p.Document.Id, StringComparer.Ordinal).ToList();
        return (result, result.Sum(p => p.LeftOut));
    }
}
