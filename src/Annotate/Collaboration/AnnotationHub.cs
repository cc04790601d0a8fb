using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// /hubs/annotations: join a document to receive its changes live, leave it, and share where one is reading.
/// Writes go over HTTP (idempotent PUT/DELETE); their commits are pushed from here. Every call is checked against
/// the database by <see cref="HubGuard"/>.
/// </summary>
[Authorize]
internal sealed class AnnotationHub(DocumentSessions sessions, AgreementViewers agreement, ClassWatchers classes, MembershipSweep sweep, HubConnectionLimit limit) : Hub<IAnnotationClient>
{
    /// <summary>Joins a document; returns the changes after <paramref name="afterSeq"/> (0 for all) the caller may see.</summary>
    public Task<JoinResult> JoinDocument(string documentId, long afterSeq) => sessions.JoinAsync(this, documentId, afterSeq);

    /// <summary>Stops receiving a document's changes and presence.</summary>
    public Task LeaveDocument(string documentId) => sessions.LeaveAsync(this, documentId);

    /// <summary>Tells the others on the document which block (paragraph) the caller is reading; null for none.</summary>
    public Task UpdatePresence(string documentId, int? block) => sessions.UpdatePresenceAsync(this, documentId, block);

    /// <summary>Receives AgreementChanged for the project while viewing its agreement (refused in a blind project).</summary>
    public Task WatchAgreement(string projectId) => agreement.WatchAsync(this, projectId);

    /// <summary>Stops receiving AgreementChanged for the project.</summary>
    public Task UnwatchAgreement(string projectId) => AgreementViewers.UnwatchAsync(this, projectId);

    /// <summary>Receives ClassChanged for the project while on its class page (curators and owners only).</summary>
    public Task WatchClass(string projectId) => classes.WatchAsync(this, projectId);

    /// <summary>Stops receiving ClassChanged for the project.</summary>
    public Task UnwatchClass(string projectId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, CollaborationGroups.Class(projectId ?? ""));

    /// <summary>Refuses a connection past the per-person limit: the client's connection closes with the HubException's message.</summary>
    public override Task OnConnectedAsync()
    {
        limit.Enter(Context);
        sweep.Connected(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        limit.Leave(Context);
        sweep.Disconnected(Context);
        return sessions.DisconnectAsync(this);
    }
}
