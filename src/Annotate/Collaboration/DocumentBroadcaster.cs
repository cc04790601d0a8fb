using Annotate.AgreementReports;
using Annotate.Corpus;
using Annotate.Projects;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>Tells everyone on a document that its text has a new version (their annotations have moved with it).</summary>
internal sealed class DocumentBroadcaster(IHubContext<AnnotationHub, IAnnotationClient> hub, ProjectMembers members, AgreementNotifier agreement, ILogger<DocumentBroadcaster> logger)
    : IDocumentEvents
{
    public async Task VersionAddedAsync(string documentId, long version)
    {
        agreement.Changed(await members.ProjectOfDocumentAsync(documentId, CancellationToken.None) ?? ProjectStore.DefaultProject, documentId);
        await LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Presence(documentId)).DocumentChanged(new DocumentVersionChange(documentId, (int)version)), logger, "DocumentChanged");
    }
}
