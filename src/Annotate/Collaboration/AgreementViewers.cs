using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// Who receives AgreementChanged: callers of WatchAgreement, checked against the database (the project exists and
/// shares work). The pushes carry document ids only; the figures are fetched over HTTP, checked again there.
/// </summary>
internal sealed class AgreementViewers(ProjectAccess access, MembershipSweep sweep)
{
    public async Task WatchAsync(AnnotationHub hub, string projectId)
    {
        var user = SessionUsers.From(hub.Context.User!)!;
        if (await access.ForProjectAsync(projectId, user.UserId, hub.Context.ConnectionAborted) is not { } grant)
        {
            throw new HubException($"There is no project '{projectId}'.");
        }

        if (!grant.SeesOthers)
        {
            throw new HubException("Blind project: agreement is shown once the project is open or revealed.");
        }

        sweep.Record(hub.Context, grant);
        // Curators and owners of a blind project follow it in a group of their own (the notifier sends there in blind
        // mode); so does each annotator where documents are spread out, told only of their own documents (a change of
        // assignment mode closes the connection: MembershipSweep).
        var connection = hub.Context.ConnectionId;
        await hub.Groups.AddToGroupAsync(connection, CollaborationGroups.Project(projectId));
        var route = !Visibility.SharesWork(grant.Visibility) ? CollaborationGroups.AgreementOverseers(projectId)
            : grant.SeesAssignedOnly ? CollaborationGroups.AgreementOf(projectId, user.UserId) : CollaborationGroups.Agreement(projectId);
        foreach (var group in Groups(projectId, user.UserId))
        {
            await (group == route ? hub.Groups.AddToGroupAsync(connection, group) : hub.Groups.RemoveFromGroupAsync(connection, group));
        }
    }

    public static async Task UnwatchAsync(AnnotationHub hub, string projectId)
    {
        foreach (var group in Groups(projectId ?? "", SessionUsers.From(hub.Context.User!)!.UserId))
        {
            await hub.Groups.RemoveFromGroupAsync(hub.Context.ConnectionId, group);
        }
    }

    private static string[] Groups(string projectId, string userId) =>
        [CollaborationGroups.Agreement(projectId), CollaborationGroups.AgreementOverseers(projectId), CollaborationGroups.AgreementOf(projectId, userId)];
}
