using Annotate.Agreement;
using Annotate.Corpus;
using Annotate.Projects;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>Tells everyone on a document that its text has a new version (their annotations have moved with it).</summary>
internal sealed class DocumentBroadcaster(IHubContext<AnnotationHub, IAnnotationClient> hub, AgreementNotifier agreement) : IDocumentEvents
{
    public Task VersionAddedAsync(string documentId, long version)
    {
        agreement.Changed(ProjectStore.DefaultProject, documentId);
        return hub.Clients.Group(CollaborationGroups.Presence(documentId)).DocumentChanged(new DocumentVersionChange(documentId, (int)version));
    }
}
