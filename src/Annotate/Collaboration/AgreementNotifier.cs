using Annotate.Changes;
using Annotate.Projects;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// Tells agreement viewers that figures changed. Changes are gathered for a short moment and sent as one message
/// (a burst of saves is one refresh, well within the second the views promise); the message carries only document
/// ids, so it reveals nothing — viewers fetch the figures over HTTP, where visibility is checked.
/// </summary>
internal sealed class AgreementNotifier(ProjectStore projects, ProjectMembers members, IHubContext<AnnotationHub, IAnnotationClient> hub,
    TimeProvider time, ILogger<AgreementNotifier> logger) : IChangeSubscriber, IDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<string>> pending = new(StringComparer.Ordinal);
    private ITimer? timer;

    /// <summary>The changes that move agreement figures (the agreement feature has marked them stale already).</summary>
    public Task OnCommittedAsync(CommittedChange change, ChangeScope scope)
    {
        switch (change)
        {
            case AnnotationCommitted annotation:
                Changed(scope.ProjectId, annotation.Change.DocumentId);
                break;
            case RelationCommitted relation:
                Changed(scope.ProjectId, relation.Change.DocumentId);
                break;
            case DocumentVersionCommitted document:
                Changed(scope.ProjectId, document.DocumentId);
                break;
            case AnnotatorAttributesCommitted:
                Changed(scope.ProjectId, null);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>Tells viewers after the short delay.</summary>
    private void Changed(string projectId, string? documentId)
    {
        lock (gate)
        {
            if (!pending.TryGetValue(projectId, out var documents))
                pending[projectId] = documents = new HashSet<string>(StringComparer.Ordinal);
            if (documentId is not null)
                documents.Add(documentId);
            timer ??= time.CreateTimer(_ => _ = FlushAsync(), null, Delay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushAsync()
    {
        List<(string Project, HashSet<string> Documents)> batch;
        lock (gate)
        {
            batch = pending.Select(p => (p.Key, p.Value)).ToList();
            pending.Clear();
            timer?.Dispose();
            timer = null;
        }

        foreach (var (project, documents) in batch)
        {
            try
            {
                // In a blind project only curators and owners are told (even the timing of others' work is hidden);
                // someone who watched before a switch to blind is in the shared group and hears nothing. The mode is
                // read here, once per batch, rather than taken from the changes: it is the mode when the message leaves.
                if (await projects.GetAsync(project, CancellationToken.None) is not { } settings)
                {
                    continue;
                }

                var ids = documents.Order(StringComparer.Ordinal).ToList();
                if (!Visibility.SharesWork(settings.Visibility))
                {
                    await SendAsync(CollaborationGroups.AgreementOverseers(project), new AgreementUpdate(project, ids));
                    continue;
                }

                await SendAsync(CollaborationGroups.Agreement(project), new AgreementUpdate(project, ids));
                if (settings.Assignment == Classroom.AssignmentSettings.Spread)
                {
                    await TellAnnotatorsAsync(settings.Id, ids);
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException or System.Data.Common.DbException)
            {
                // A viewer misses one refresh at worst; the next change or their own reload brings the figures.
                logger.LogWarning(ex, "Could not tell agreement viewers of project {Project} about a change.", project);
            }
        }
    }

    // Where documents are spread out, annotators follow in groups of their own: each hears only of their documents.
    private async Task TellAnnotatorsAsync(string projectId, List<string> ids)
    {
        foreach (var (userId, assigned) in await members.AssignmentsOfAnnotatorsAsync(projectId, CancellationToken.None))
        {
            var theirs = ids.Where(assigned.Contains).ToList();
            if (theirs.Count > 0 || ids.Count == 0)
            {
                await SendAsync(CollaborationGroups.AgreementOf(projectId, userId), new AgreementUpdate(projectId, theirs));
            }
        }
    }

    private Task SendAsync(string group, AgreementUpdate update) =>
        LiveSend.TryAsync(() => hub.Clients.Group(group).AgreementChanged(update), logger, "AgreementChanged");

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
        }
    }
}
