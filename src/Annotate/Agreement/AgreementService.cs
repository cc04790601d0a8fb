using System.Collections.Concurrent;
using Annotate.Annotations;
using Annotate.Projects;

namespace Annotate.Agreement;

/// <summary>
/// Serves agreement reports, computed off the request that saved anything: each report is cached under the
/// project's revision (bumped by every committed change), and concurrent requests for the same report share one
/// computation, so a class of viewers refreshing after each save costs one computation per change, not one each.
/// </summary>
internal sealed class AgreementService(AgreementStore store)
{
    private const int MaxCached = 64;
    private readonly ConcurrentDictionary<string, long> revisions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Project, string Visibility, string? Document, string? GroupBy, int? Bootstrap, long Revision), Lazy<Task<ProjectAgreementReport>>> reports = new();

    /// <summary>The project's revision: it changes whenever anything agreement depends on changes.</summary>
    public long Revision(string projectId) => revisions.GetValueOrDefault(projectId);

    /// <summary>Marks the project's figures stale (an annotation, a text or an annotator's attributes changed).</summary>
    public long Touch(string projectId) => revisions.AddOrUpdate(projectId, 1, (_, r) => r + 1);

    public Task<ProjectAgreementReport> ReportAsync(ProjectSettings project, string? documentId, AgreementOptions options, CancellationToken cancellationToken)
    {
        var revision = Revision(project.Id);
        var key = (project.Id, project.Visibility, documentId, options.GroupBy, options.Bootstrap, revision);
        if (reports.Count > MaxCached)
        {
            foreach (var stale in reports.Keys.Where(k => k.Revision != Revision(k.Project)))
                reports.TryRemove(stale, out _);
        }

        // The computation is not tied to one caller's cancellation: others may be waiting for it.
        var lazy = reports.GetOrAdd(key, _ => new Lazy<Task<ProjectAgreementReport>>(() => Task.Run(async () =>
        {
            var snapshot = await store.LoadAsync(project, documentId, CancellationToken.None);
            return ProjectAgreement.Compute(snapshot, documentId, revision, options);
        })));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            reports.TryRemove(key, out _);
        }

        return task.WaitAsync(cancellationToken);
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
}
