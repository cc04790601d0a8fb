using Annotate.Corpus;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>Tells everyone on a document that its text has a new version (their annotations have moved with it).</summary>
internal sealed class DocumentBroadcaster(IHubContext<AnnotationHub, IAnnotationClient> hub) : IDocumentEvents
{
    public Task VersionAddedAsync(string documentId, long version) =>
        hub.Clients.Group(CollaborationGroups.Presence(documentId)).DocumentChanged(new DocumentVersionChange(documentId, (int)version));
}
