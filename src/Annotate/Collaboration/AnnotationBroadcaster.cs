using Annotate.Agreement;
using Annotate.Annotations;
using Annotate.Projects;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>Sends each committed change to exactly the clients allowed to see it.</summary>
internal sealed class AnnotationBroadcaster(IHubContext<AnnotationHub, IAnnotationClient> hub, ProjectStore projects, AgreementNotifier agreement) : IAnnotationEvents
{
    public async Task PublishAsync(AnnotationChange change)
    {
        var project = await projects.GetAsync(ProjectStore.DefaultProject, CancellationToken.None);
        var group = project is not null && Visibility.SharesWork(project.Visibility)
            ? CollaborationGroups.Shared(change.DocumentId)
            : CollaborationGroups.Own(change.DocumentId, change.Annotation.AnnotatorId);
        await hub.Clients.Group(group).AnnotationChanged(change);
        agreement.Changed(ProjectStore.DefaultProject, change.DocumentId);
    }
}
