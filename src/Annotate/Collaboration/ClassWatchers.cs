using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// Who receives ClassChanged: callers of WatchClass who are, in the database now, a curator or owner of the project.
/// The push names the project only; the dashboard is fetched over HTTP and checked again there. A connection whose
/// role changes is closed by <see cref="MembershipSweep"/>, and with it leaves the group.
/// </summary>
internal sealed class ClassWatchers(ProjectAccess access, MembershipSweep sweep)
{
    public async Task WatchAsync(AnnotationHub hub, string projectId)
    {
        var user = SessionUsers.From(hub.Context.User!)!;
        if (await access.ForProjectAsync(projectId, user.UserId, hub.Context.ConnectionAborted) is not { } grant)
        {
            throw new HubException($"There is no project '{projectId}'.");
        }

        if (!grant.Can(ProjectRight.SeeAll))
        {
            throw new HubException("Only the project's teachers (owners and curators) follow its class.");
        }

        sweep.Record(hub.Context, grant);
        await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, CollaborationGroups.Project(projectId));
        await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, CollaborationGroups.Class(projectId));
    }
}
