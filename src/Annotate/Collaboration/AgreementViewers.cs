using Annotate.Projects;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// Who receives AgreementChanged: callers of WatchAgreement, checked against the database (the project exists and
/// shares work). The pushes carry document ids only; the figures are fetched over HTTP, checked again there.
/// </summary>
internal sealed class AgreementViewers(ProjectStore projects)
{
    public async Task WatchAsync(AnnotationHub hub, string projectId)
    {
        if (string.IsNullOrEmpty(projectId) || await projects.GetAsync(projectId, hub.Context.ConnectionAborted) is not { } project)
        {
            throw new HubException($"There is no project '{projectId}'.");
        }

        if (!Visibility.SharesWork(project.Visibility))
        {
            throw new HubException("Blind project: agreement is shown once the project is open or revealed.");
        }

        await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, CollaborationGroups.Agreement(projectId));
    }

    public static Task UnwatchAsync(AnnotationHub hub, string projectId) =>
        hub.Groups.RemoveFromGroupAsync(hub.Context.ConnectionId, CollaborationGroups.Agreement(projectId ?? ""));
}
