using System.Collections.Concurrent;
using Annotate.Annotations;
using Annotate.Projects;

namespace Annotate.AgreementReports;

/// <summary>
/// Serves agreement reports incrementally. Each document's pieces are cached under its revision (text version and
/// last change, <see cref="ServerPieces"/>, within a budget), so after a save only that document is re-read and
/// recomputed before the pieces are summed; a
/// report is cached under the revisions it was made from, and concurrent requests for it share one computation,
/// so a class of viewers refreshing after each save costs one computation, not one each. Nothing here runs on the
/// path of a save.
/// </summary>
/// <remarks>
/// Heavy requests (a bootstrap, perspective groups) need per-token ratings the cached pieces do not keep: they
/// stream the project again on a lane of their own, so the plain report never waits behind them; a bootstrap
/// above <see cref="AgreementLimits.MaxBootstrapCost"/> is refused before anything starts, and each person may
/// have <see cref="AgreementLimits.MaxHeavyPerUser"/> of them computing at once.
/// </remarks>
internal sealed class AgreementService(AgreementStore store, ServerPieces serverPieces, TimeProvider time) : IDisposable
{
    private const int MaxCachedReports = 64;

    // Another process (a second instance, the CLI) may change the database without telling this one: the list of
    // annotated documents is re-read at least this often even when nothing changed here.
    private static readonly TimeSpan HeadsMaxAge = TimeSpan.FromSeconds(2);

    private readonly AgreementWorker heavyLane = new("Agreement (heavy)", ThreadPriority.Lowest);
    private readonly ConcurrentDictionary<string, long> changes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Project, string? Document), (long Change, DateTimeOffset At, IReadOnlyList<AnnotatedDocument> Heads)> heads = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<ProjectAgreementReport>>> reports = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> heavyByUser = new(StringComparer.Ordinal);
    private readonly Lock heavyStarts = new();
    private int heavyCallers;

    /// <summary>Marks the project's figures stale (an annotation, a text or an annotator's attributes changed here).</summary>
    public void Touch(string projectId) => changes.AddOrUpdate(projectId, 1, (_, r) => r + 1);

    /// <param name="only">The documents the caller may see, when not all of the project's (an annotator's assignments).</param>
    /// <param name="userId">Who asks: heavy requests are counted per person (none counted when null).</param>
    /// <exception cref="AgreementLimitException">A bootstrap above the limit.</exception>
    /// <exception cref="AgreementBusyException">The person already has the most heavy computations running.</exception>
    public async Task<ProjectAgreementReport> ReportAsync(ProjectSettings project, string? documentId, AgreementOptions options, CancellationToken cancellationToken,
        IReadOnlySet<string>? only = null, string? userId = null)
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
            // Finished reports only: one still computing has callers waiting for it.
            foreach (var (stale, _) in reports.Where(r => r.Value.IsValueCreated && r.Value.Value.IsCompleted).ToList())
                reports.TryRemove(stale, out _);
        }

        Task<ProjectAgreementReport> task;
        if (reports.TryGetValue(key, out var known))
        {
            // The same request is computing or computed: join it, whoever started it.
            task = known.Value;
        }
        else if (options.GroupBy is null && options.Bootstrap is null)
        {
            // The computation is not tied to one caller's cancellation: others may be waiting for it.
            task = reports.GetOrAdd(key, _ => new Lazy<Task<ProjectAgreementReport>>(() =>
                Task.Run(() => serverPieces.ReportAsync(project, documentId, documents, annotators, revision, options)))).Value;
        }
        else
        {
            task = await HeavyAsync(key, project, documentId, revision, documents, annotators, options, userId, cancellationToken);
        }

        if (task.IsFaulted)
        {
            reports.TryRemove(key, out _);
        }

        var heavy = options.GroupBy is not null || options.Bootstrap is not null;
        if (heavy)
            Interlocked.Increment(ref heavyCallers);
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        finally
        {
            if (heavy)
                Interlocked.Decrement(ref heavyCallers);
        }
    }

    /// <summary>Callers waiting for a heavy report, started or joined (for tests: who has got past the limits).</summary>
    internal int HeavyCallers => Volatile.Read(ref heavyCallers);

    // Starts (or joins) a bootstrap or group report on the heavy lane, after its limits.
    private async Task<Task<ProjectAgreementReport>> HeavyAsync(string key, ProjectSettings project, string? documentId, long revision,
        IReadOnlyList<AnnotatedDocument> documents, IReadOnlyList<Annotator> annotators, AgreementOptions options, string? userId, CancellationToken cancellationToken)
    {
        if (options.Bootstrap is { } samples)
        {
            // The cached pieces (the plain report's, computed once on its lane) say how many units a bootstrap redraws.
            var current = await serverPieces.AllAsync(project.Id, documents, cancellationToken);
            if (AgreementLimits.BootstrapRefusal(ProjectAgreement.BootstrapUnits(current), samples, AgreementLimits.MaxBootstrapCost,
                ", or run `annotate agreement --project` on a copy of the database, which allows more") is { } refusal)
            {
                throw new AgreementLimitException(refusal);
            }
        }

        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var mine = new Lazy<Task<ProjectAgreementReport>>(() => Task.Run(async () =>
        {
            try
            {
                // Not cached: these pieces keep per-token ratings, too large to hold for every document.
                var kept = ProjectAgreement.Kept(options);
                var fresh = new List<DocumentPieces>();
                var leftOut = 0;
                await foreach (var document in store.StreamAsync(project.Id, documentId, ids, CancellationToken.None))
                {
                    leftOut += document.LeftOut;
                    fresh.Add(await heavyLane.RunAsync(() => DocumentPieces.Compute(document.Document, document.Head.Revision, document.Live, document.LeftOut, kept, document.Relations)));
                }

                fresh.Sort((a, b) => string.CompareOrdinal(a.Document.Id, b.Document.Id));
                return await heavyLane.RunAsync(() => ProjectAgreement.Combine(project.Id, project.Visibility, documentId, revision, fresh, annotators, leftOut, options, parallel: false));
            }
            finally
            {
                Exit(userId);
            }
        }));
        // Joining and taking a place in one step: the same request started meanwhile (while this one was checking its
        // cost) is joined without a place, so identical requests at once are never refused for each other's places.
        lock (heavyStarts)
        {
            if (reports.TryGetValue(key, out var started))
                return started.Value;
            if (!Enter(userId))
            {
                throw new AgreementBusyException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"You already have {AgreementLimits.MaxHeavyPerUser} agreement computations with a bootstrap or perspective groups running; try again when one has finished (in about {AgreementLimits.RetryAfter.TotalSeconds:0} s)."));
            }

            reports[key] = mine;
            return mine.Value;
        }
    }

    private bool Enter(string? userId)
    {
        if (userId is null)
            return true;
        while (true)
        {
            var running = heavyByUser.GetOrAdd(userId, 0);
            if (running >= AgreementLimits.MaxHeavyPerUser)
                return false;
            if (heavyByUser.TryUpdate(userId, running + 1, running))
                return true;
        }
    }

    private void Exit(string? userId)
    {
        if (userId is not null)
            heavyByUser.AddOrUpdate(userId, 0, (_, running) => running - 1);
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

    /// <summary>
    /// Runs work on the heavy lane, behind or ahead of heavy reports: lets a test hold the lane busy for as long as it
    /// needs, to show that the plain report never waits for it (no timing involved).
    /// </summary>
    internal Task<T> OnHeavyLaneAsync<T>(Func<T> work) => heavyLane.RunAsync(work);

    public void Dispose() => heavyLane.Dispose();
}
