using Annotate.Annotations;
using Annotate.Changes;
using Annotate.Relations;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>Sends each committed change live to exactly the clients allowed to see it.</summary>
internal sealed class LivePush(IHubContext<AnnotationHub, IAnnotationClient> hub, VisibilityWatch watch, ILogger<LivePush> logger) : IChangeSubscriber
{
    public Task OnCommittedAsync(CommittedChange change, ChangeScope scope) => change switch
    {
        AnnotationCommitted annotation => AnnotationAsync(annotation.Change, scope),
        RelationCommitted relation => RelationAsync(relation.Change, scope),
        // Everyone on the document, whatever the visibility: their annotations have moved with the text.
        DocumentVersionCommitted document => LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Presence(document.DocumentId))
            .DocumentChanged(new DocumentVersionChange(document.DocumentId, (int)document.Version)), logger, "DocumentChanged"),
        ProjectVisibilityCommitted project => VisibilityAsync(project.Settings.Id, project.Settings.Visibility),
        // Personal progress: only the teachers watching the class page, and only that something changed (they fetch it).
        WorkCommitted work => LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Class(work.ProjectId)).ClassChanged(new ClassUpdate(work.ProjectId)), logger, "ClassChanged"),
        // Every page of the project locks or unlocks its tools at once (each also checks on joining and reconnecting).
        RoundCommitted round => LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Project(round.Editing.ProjectId))
            .EditingChanged(round.Editing), logger, "EditingChanged"),
        _ => Task.CompletedTask,
    };

    private Task AnnotationAsync(AnnotationChange change, ChangeScope scope) => scope.SharesWork
        ? LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Shared(change.DocumentId)).AnnotationChanged(change), logger, "AnnotationChanged")
        // Blind: the author's own connections, and curators and owners (each connection is in one of these).
        : LiveSend.TryAsync(() => hub.Clients.Groups(CollaborationGroups.Own(change.DocumentId, change.Annotation.AnnotatorId), CollaborationGroups.Overseers(change.DocumentId))
            .AnnotationChanged(change), logger, "AnnotationChanged");

    // The same routes as the author's spans: the relation is part of their work.
    private Task RelationAsync(RelationChange change, ChangeScope scope) => scope.SharesWork
        ? LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Shared(change.DocumentId)).RelationChanged(change), logger, "RelationChanged")
        : LiveSend.TryAsync(() => hub.Clients.Groups(CollaborationGroups.Own(change.DocumentId, change.Relation.AnnotatorId), CollaborationGroups.Overseers(change.DocumentId))
            .RelationChanged(change), logger, "RelationChanged");

    // Only the project's own connections: another project's people learn nothing of it. The watch, which tells
    // them of changes made elsewhere (the CLI), need not tell them again.
    private Task VisibilityAsync(string projectId, string visibility)
    {
        watch.Seen(projectId, visibility);
        return LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Project(projectId)).VisibilityChanged(visibility), logger, "visibility");
    }
}
