using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Annotate.AgreementReports;

/// <summary>
/// A project's documents turned into their pieces, yielded in the store's document order, with the reading and the
/// computing overlapped (issue 15, point 4): one task streams documents from the database and starts each one's
/// pieces on the thread pool, a bounded channel holds the pieces still being computed, in order, and the caller
/// folds them one by one. Reading, computing and folding then run side by side on every core, a few documents
/// apart, where batches of documents had the cores wait for the reader, then the reader for the slowest document.
/// The order of the pieces, and so every sum, is the sequential one.
/// </summary>
internal static class PiecesAhead
{
    /// <summary>Documents read and computing ahead of the fold: enough to keep the cores busy, few enough to hold.</summary>
    public static int Ahead => 4 * Environment.ProcessorCount;

    /// <param name="parallel">False computes each document on the calling thread as it comes (the reference the
    /// tests compare the parallel path with).</param>
    public static async IAsyncEnumerable<DocumentPieces> StreamAsync(AgreementStore store, string projectId, string? documentId, KeptRatings kept, bool parallel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!parallel)
        {
            await foreach (var document in store.StreamAsync(projectId, documentId, null, cancellationToken))
                yield return Compute(document, kept);
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var computing = Channel.CreateBounded<Task<DocumentPieces>>(new BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(store, projectId, documentId, kept, computing.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var piece in computing.Reader.ReadAllAsync(cancellationToken))
                yield return await piece;
        }
        finally
        {
            // The caller stopped early or a document failed: the reader must not wait on a full channel for ever.
            await stop.CancelAsync();
            await reading;
            while (computing.Reader.TryRead(out var abandoned))
                _ = abandoned.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private static async Task ReadAsync(AgreementStore store, string projectId, string? documentId, KeptRatings kept, ChannelWriter<Task<DocumentPieces>> computing,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var document in store.StreamAsync(projectId, documentId, null, cancellationToken))
                await computing.WriteAsync(Task.Run(() => Compute(document, kept), cancellationToken), cancellationToken);
            computing.Complete();
        }
        catch (Exception e)
        {
            // Handed to the fold, which rethrows it where the caller awaits the report.
            computing.Complete(e);
        }
    }

    private static DocumentPieces Compute(DocumentRows document, KeptRatings kept) =>
        DocumentPieces.Compute(document.Document, document.Head.Revision, document.Live, document.LeftOut, kept, document.Relations);
}
