using Annotate.AgreementReports;
using Annotate.Annotations;
using Annotate.Projects;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>Sends each committed change to exactly the clients allowed to see it.</summary>
internal sealed class AnnotationBroadcaster(IHubContext<AnnotationHub, IAnnotationClient> hub, ProjectStore projects, ProjectMembers members, AgreementNotifier agreement,
    ILogger<AnnotationBroadcaster> logger) : IAnnotationEvents
{
    public async Task PublishAsync(AnnotationChange change)
    {
        // Decided per change from the database: the document's project and its visibility mode now.
        var projectId = await members.ProjectOfDocumentAsync(change.DocumentId, CancellationToken.None) ?? ProjectStore.DefaultProject;
        var project = await projects.GetAsync(projectId, CancellationToken.None);
        if (project is not null && Visibility.SharesWork(project.Visibility))
        {
            await LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Shared(change.DocumentId)).AnnotationChanged(change), logger, "AnnotationChanged");
        }
        else
        {
            // Blind: the author's own connections, and curators and owners (each connection is in one of these).
            await LiveSend.TryAsync(() => hub.Clients.Groups(CollaborationGroups.Own(change.DocumentId, change.Annotation.AnnotatorId), CollaborationGroups.Overseers(change.DocumentId))
                .AnnotationChanged(change), logger, "AnnotationChanged");
        }

        agreement.Changed(projectId, change.DocumentId);
    }
}
