using Annotate.Collaboration;
using Annotate.Projects;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.AgreementReports;

/// <summary>
/// Tells agreement viewers that figures changed. Changes are gathered for a short moment and sent as one message
/// (a burst of saves is one refresh, well within the second the views promise); the message carries only document
/// ids, so it reveals nothing — viewers fetch the figures over HTTP, where visibility is checked.
/// </summary>
internal sealed class AgreementNotifier(AgreementService agreement, ProjectStore projects, ProjectMembers members, IHubContext<AnnotationHub, IAnnotationClient> hub,
    TimeProvider time, ILogger<AgreementNotifier> logger) : IDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<string>> pending = new(StringComparer.Ordinal);
    private ITimer? timer;

    /// <summary>Marks the project's figures stale at once, and tells viewers after the short delay.</summary>
    public void Changed(string projectId, string? documentId)
    {
        agreement.Touch(projectId);
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
                // someone who watched before a switch to blind is in the shared group and hears nothing.
                if (await projects.GetAsync(project, CancellationToken.None) is not { } settings)
                {
                    continue;
                }

                var ids = documents.Order(StringComparer.Ordinal).ToList();
                if (!Visibility.SharesWork(settings.Visibility))
                {
                    await hub.Clients.Group(CollaborationGroups.AgreementOverseers(project)).AgreementChanged(new AgreementUpdate(project, ids));
                    continue;
                }

                await hub.Clients.Group(CollaborationGroups.Agreement(project)).AgreementChanged(new AgreementUpdate(project, ids));
                if (settings.Assignment == Classroom.AssignmentSettings.Spread)
                {
                    await TellAnnotatorsAsync(settings.Id, ids);
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException or System.Data.Common.DbException || Collaboration.LiveSend.IsTransportFailure(ex))
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
                await hub.Clients.Group(CollaborationGroups.AgreementOf(projectId, userId)).AgreementChanged(new AgreementUpdate(projectId, theirs));
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
        }
    }
}
