using System.Collections.Concurrent;
using Annotate.Annotations;
using Annotate.Projects;
using Microsoft.Extensions.Options;

namespace Annotate.AgreementReports;

/// <summary>
/// The server's way to a project's pieces: those in the <see cref="PiecesCache"/> as they are, the others computed
/// on the agreement thread and offered to the cache. A report after a save recomputes the saved documents and sums
/// the cached rest; a project beyond the cache's budget is folded in document order as its documents stream past
/// (as the command line does), so memory holds the budget and one fold, not every document's pieces.
/// </summary>
internal sealed class ServerPieces(AgreementStore store, AgreementWorker worker, IOptions<AgreementCacheOptions> options)
{
    // Up to this many stale documents are read one by one by index (saves); more stream in one ordered query.
    private const int FewStale = 20;

    // Documents read (and queued on the agreement thread) ahead of the one the caller folds next.
    private const int ReadAhead = 8;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> refreshing = new(StringComparer.Ordinal);

    public PiecesCache Cache { get; } = new(options.Value.CachedAnnotations);

    /// <summary>The plain report (no groups, no bootstrap) of these documents.</summary>
    public async Task<ProjectAgreementReport> ReportAsync(ProjectSettings project, string? documentId, IReadOnlyList<AnnotatedDocument> documents,
        IReadOnlyList<Annotator> annotators, long revision, AgreementOptions options)
    {
        // One computation per project at a time: concurrent ones would compute the same stale documents once each.
        var gate = refreshing.GetOrAdd(project.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var (ordered, stale) = Split(project.Id, documents);
            if (stale.Count <= FewStale)
            {
                var pieces = await ToListAsync(InOrderAsync(project.Id, ordered, stale, CancellationToken.None));
                return await worker.RunAsync(() => ProjectAgreement.Combine(project.Id, project.Visibility, documentId, revision, pieces, annotators,
                    pieces.Sum(p => p.LeftOut), options, parallel: false));
            }

            var sums = new ProjectSums(await store.SpanLabelsAsync(project.Id, documentId, CancellationToken.None));
            var leftOut = 0;
            await foreach (var piece in InOrderAsync(project.Id, ordered, stale, CancellationToken.None))
            {
                sums.Add(piece);
                leftOut += piece.LeftOut;
            }

            return await worker.RunAsync(() => ProjectAgreement.Report(sums, project.Id, project.Visibility, documentId, revision, annotators, leftOut, options,
                parallel: false, pieces: null));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every document's pieces at once, in document order (what a bootstrap's cost is counted from).</summary>
    public async Task<List<DocumentPieces>> AllAsync(string projectId, IReadOnlyList<AnnotatedDocument> documents, CancellationToken cancellationToken)
    {
        var gate = refreshing.GetOrAdd(projectId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (ordered, stale) = Split(projectId, documents);
            return await ToListAsync(InOrderAsync(projectId, ordered, stale, cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    private (List<AnnotatedDocument> Ordered, List<AnnotatedDocument> Stale) Split(string projectId, IReadOnlyList<AnnotatedDocument> documents)
    {
        var ordered = documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return (ordered, ordered.Where(d => Cache.Fresh(projectId, d) is null).ToList());
    }

    private async IAsyncEnumerable<DocumentPieces> InOrderAsync(string projectId, List<AnnotatedDocument> ordered, List<AnnotatedDocument> stale,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stale.Count <= FewStale)
        {
            var fresh = await RecomputeAsync(projectId, stale, cancellationToken);
            foreach (var head in ordered)
            {
                if ((Cache.Fresh(projectId, head) ?? fresh.GetValueOrDefault(head.Id)) is { } piece)
                    yield return piece;
            }

            yield break;
        }

        // Many (a cold start, or a project beyond the cache): one ordered query streams the stale ones, a document's
        // text and rows at a time, merged with the cached ones in document order. Reading runs ahead of computing: while
        // the agreement thread computes one document, the next few are read (and the caller folds the finished ones),
        // as the command line overlaps them; the computing itself stays on the one agreement thread.
        var pending = new Dictionary<string, DocumentRows>(StringComparer.Ordinal);
        var ahead = new Queue<Task<DocumentPieces>>();
        await using var streamed = store.StreamAsync(projectId, null, stale.Select(d => d.Id).ToHashSet(StringComparer.Ordinal), cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var more = await streamed.MoveNextAsync();
        foreach (var head in ordered)
        {
            if (Cache.Fresh(projectId, head) is { } kept)
            {
                ahead.Enqueue(Task.FromResult(kept));
            }
            else
            {
                while (more && !pending.ContainsKey(head.Id))
                {
                    var current = streamed.Current;
                    pending[current.Head.Id] = current;
                    more = await streamed.MoveNextAsync();
                    if (string.CompareOrdinal(current.Head.Id, head.Id) > 0)
                        break; // past it: the document left the stream (gone from disk meanwhile)
                }

                if (!pending.Remove(head.Id, out var document))
                    continue;
                // The revision the caller saw, so a change made meanwhile is read again next time.
                ahead.Enqueue(worker.RunAsync(() =>
                {
                    var piece = DocumentPieces.Compute(document.Document, head.Revision, document.Live, document.LeftOut, relations: document.Relations);
                    Cache.Offer(projectId, piece);
                    return piece;
                }));
            }

            if (ahead.Count > ReadAhead)
                yield return await ahead.Dequeue();
        }

        while (ahead.Count > 0)
            yield return await ahead.Dequeue();
    }

    // A few (saves): one by one by index.
    private async Task<Dictionary<string, DocumentPieces>> RecomputeAsync(string projectId, List<AnnotatedDocument> stale, CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<string, DocumentPieces>(StringComparer.Ordinal);
        if (stale.Count == 0)
            return fresh;
        var rows = await store.AnnotationsAsync(projectId, stale.Select(d => d.Id).ToList(), cancellationToken);
        var relations = await store.RelationsAsync(projectId, stale, cancellationToken);
        foreach (var head in stale)
        {
            if (await store.DocumentAsync(head, cancellationToken) is not { } text)
                continue;
            var piece = await worker.RunAsync(() =>
            {
                var (live, _) = AgreementStore.OnCurrentText([text], rows);
                return DocumentPieces.Compute(text, head.Revision, live, (rows.GetValueOrDefault(text.Id)?.Count ?? 0) - live.Count,
                    relations: relations.GetValueOrDefault(text.Id));
            });
            Cache.Offer(projectId, piece);
            fresh[head.Id] = piece;
        }

        return fresh;
    }

    private static async Task<List<DocumentPieces>> ToListAsync(IAsyncEnumerable<DocumentPieces> pieces)
    {
        var list = new List<DocumentPieces>();
        await foreach (var piece in pieces)
            list.Add(piece);
        return list;
    }
}
