using System.Collections.Concurrent;

namespace Annotate.AgreementReports;

/// <summary>How much of a project's per-document agreement the server keeps between reports (section "Annotate:Agreement").</summary>
internal sealed class AgreementCacheOptions
{
    /// <summary>
    /// The most annotations whose documents' pieces are kept (about 400 bytes each): a class or a research project
    /// fits whole, so a save recomputes one document; a larger project keeps this many and streams the rest.
    /// </summary>
    public int CachedAnnotations { get; set; } = 250_000;
}

internal static class AgreementCacheSetup
{
    public static IServiceCollection AddAgreementCacheOptions(this IServiceCollection services)
    {
        services.AddOptions<AgreementCacheOptions>().BindConfiguration("Annotate:Agreement")
            .Validate(o => o.CachedAnnotations >= 0, "Annotate:Agreement:CachedAnnotations must be 0 or more (0 keeps nothing between reports).").ValidateOnStart();
        return services;
    }
}

/// <summary>
/// The server's per-document pieces under a budget of annotations. Within it a report after a save recomputes only
/// the saved document; a project beyond it keeps what fits and recomputes the rest on each new revision, so the
/// server's memory stays bounded at any project size (issue 15, point 4).
/// </summary>
internal sealed class PiecesCache(int budget)
{
    private readonly ConcurrentDictionary<(string Project, string Document), DocumentPieces> pieces = new();
    private readonly Lock gate = new();
    private long held;

    /// <summary>The annotations whose pieces are kept now (never above the budget).</summary>
    public long HeldAnnotations => Interlocked.Read(ref held);

    /// <summary>The document's pieces, if kept and computed from its current revision.</summary>
    public DocumentPieces? Fresh(string projectId, AnnotatedDocument head) =>
        pieces.TryGetValue((projectId, head.Id), out var kept) && kept.Revision == head.Revision ? kept : null;

    /// <summary>Keeps a document's new pieces if they fit (its older pieces make room first); else drops the older ones.</summary>
    public void Offer(string projectId, DocumentPieces piece)
    {
        var key = (projectId, piece.Document.Id);
        lock (gate)
        {
            var old = pieces.TryGetValue(key, out var previous) ? previous.AnnotationCount : 0;
            if (held - old + piece.AnnotationCount <= budget)
            {
                pieces[key] = piece;
                held += piece.AnnotationCount - old;
            }
            else if (previous is not null && pieces.TryRemove(key, out _))
            {
                held -= old;
            }
        }
    }
}
