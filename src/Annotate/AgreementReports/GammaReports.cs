using System.Collections.Concurrent;
using Annotate.Agreement.Spans;
using Annotate.Agreement.Spans.Gamma;
using Annotate.Annotations;

namespace Annotate.AgreementReports;

/// <summary>Gamma of one span layer (Mathet et al. 2015, pygamma-agreement's defaults); a figure that does not apply is null and the notes say why.</summary>
public sealed record GammaLayer(string Layer, string Name, double? Gamma, double? ObservedDisorder, double? ExpectedDisorder, double? Precision, int Samples, IReadOnlyList<string> Notes);

/// <summary>Gamma per span layer: <see cref="Status"/> is "computing" (no layers yet) or "ready".</summary>
/// <param name="Status">"computing" while the background computation runs, then "ready".</param>
/// <param name="Revision">The revision of the annotations the figures are (being) computed from.</param>
/// <param name="Layers">Each span layer with annotations, in the codebook's order.</param>
public sealed record GammaReport(string Status, long Revision, IReadOnlyList<GammaLayer> Layers);

/// <summary>
/// Gamma of every span layer, computed once per revision of the project's annotations on the agreement thread (one
/// work item per search step, so the plain report's items are not kept waiting behind a whole project), never on a
/// request thread: a request starts the computation or finds it running (202) or done (200).
/// </summary>
internal sealed class GammaReports(AgreementStore store, AgreementWorker worker)
{
    private const int MaxCachedReports = 32;

    // pygamma-agreement's defaults.
    private static readonly GammaOptions Options = new();
    // Tighter than the library's defaults (2 million candidates, a few hundred MB and seconds per search): a shared server
    // computes this for every revision of a class's work, and 19 or more students on the same words pass this bound.
    private static readonly GammaLimits Limits = new(MaxCandidates: 250_000, MaxStates: 1_000_000);

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<GammaLayer>>>> reports = new(StringComparer.Ordinal);

    /// <param name="only">The documents the caller may see, when not all of the project's (an annotator's assignments).</param>
    public async Task<GammaReport> GetAsync(string projectId, string? documentId, IReadOnlySet<string>? only, CancellationToken cancellationToken)
    {
        var heads = (await store.AnnotatedDocumentsAsync(projectId, documentId, cancellationToken)).Where(d => only is null || only.Contains(d.Id)).ToList();
        var revision = heads.Sum(d => d.LastSeq);
        var key = string.Join('\u0001', projectId, documentId, string.Join('\u0002', heads.Select(d => d.Id + "@" + d.Revision)));
        if (reports.Count > MaxCachedReports)
        {
            reports.Clear();
        }

        var task = reports.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<GammaLayer>>>(() => Task.Run(() => ComputeAsync(projectId, heads)))).Value;
        if (task.IsFaulted)
        {
            reports.TryRemove(key, out _);
            await task; // the failure is the caller's answer; the next request starts again
        }

        return task.IsCompletedSuccessfully ? new GammaReport("ready", revision, task.Result) : new GammaReport("computing", revision, []);
    }

    private async Task<IReadOnlyList<GammaLayer>> ComputeAsync(string projectId, List<AnnotatedDocument> heads)
    {
        var rows = await store.AnnotationsAsync(projectId, heads.Count > 20 ? null : heads.Select(d => d.Id).ToList(), CancellationToken.None);
        // One document per collection gives that collection's codebook, for the layers' names and order.
        var codebooks = new List<Codebook.CodebookDefinition>();
        foreach (var head in heads.GroupBy(h => h.Collection, StringComparer.Ordinal).Select(g => g.First()))
        {
            if ((await store.DocumentAsync(head, CancellationToken.None))?.Codebook is { } codebook)
                codebooks.Add(codebook);
        }

        // Annotations still on an older text (their move is pending) wait for the next computation, as in the report.
        var live = heads.SelectMany(h => (rows.GetValueOrDefault(h.Id) ?? []).Where(a => a.DocumentVersion == h.CurrentVersion)).ToList();
        var coders = live.GroupBy(a => a.DocumentId, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => (IReadOnlyCollection<string>)g.Select(a => a.AnnotatorId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var continua = coders.Keys.Select(d => new Continuum(d, 0, int.MaxValue)).ToList();
        var spans = live.Where(a => a is { Kind: Annotation.SpanKind, StartOffset: not null, EndOffset: not null }).ToList();
        var order = codebooks.SelectMany(c => c.Layers).Select(l => l.Id).Distinct(StringComparer.Ordinal).ToList();
        var layers = spans.Select(a => a.Layer).Distinct(StringComparer.Ordinal)
            .OrderBy(l => order.IndexOf(l) is var i && i >= 0 ? i : int.MaxValue).ThenBy(l => l, StringComparer.Ordinal).ToList();
        var result = new List<GammaLayer>();
        foreach (var layer in layers)
        {
            var layerSpans = spans.Where(a => a.Layer == layer)
                .Select(a => new LabelledSpan(a.DocumentId, a.AnnotatorId, (int)a.StartOffset!.Value, (int)a.EndOffset!.Value, a.Label)).ToList();
            var name = codebooks.SelectMany(c => c.Layers).FirstOrDefault(l => l.Id == layer)?.Name ?? layer;
            // One work item per search step (the observed alignment, then each sample), so a report or a heat map asked
            // for meanwhile waits for one step at most, not for a whole layer of a big project.
            var computation = await worker.RunAsync(() =>
            {
                var prepared = GammaAgreement.Prepare(layerSpans, continua, Options, coders, Limits);
                prepared.Observe();
                return prepared;
            });
            for (var sample = 0; sample < computation.Samples; sample++)
            {
                var index = sample;
                await worker.RunAsync(() =>
                {
                    computation.Sample(index);
                    return index;
                });
            }

            var gamma = SpanGamma.Of(computation.Result());
            result.Add(new GammaLayer(layer, name, gamma.Gamma, gamma.ObservedDisorder, gamma.ExpectedDisorder, gamma.Precision, gamma.Samples, gamma.Notes));
        }

        return result;
    }
}
