using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Projects;
using Annotate.Relations;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>The logic behind the hub's methods: who joins which groups, what a catch-up returns, presence.</summary>
internal sealed class DocumentSessions(AnnotationStore annotations, DocumentStore documents, CodebookStore codebooks, ProjectAccess access, PresenceTracker presence,
    PresenceRoute presenceRoute, MembershipSweep sweep, ILogger<DocumentSessions> logger)
{
    private const string JoinedKey = "joined-documents";

    public async Task<JoinResult> JoinAsync(AnnotationHub hub, string documentId, long afterSeq)
    {
        var user = SessionUsers.From(hub.Context.User!)!;
        if (afterSeq < 0)
        {
            throw new HubException("afterSeq is the last sequence number you have seen: 0 or more.");
        }

        // Membership is checked in the database on every join: a group is never the security boundary.
        if (!DocumentIds.IsWellFormed(documentId) || await access.ForDocumentAsync(documentId, user, hub.Context.ConnectionAborted) is not { } grant
            || await documents.HeadAsync(documentId, hub.Context.ConnectionAborted) is not { } document)
        {
            throw new HubException($"There is no document with id '{documentId}'.");
        }

        sweep.Record(hub.Context, grant);
        var visibility = grant.Visibility;
        var shares = Visibility.SharesWork(visibility);
        var seesAll = grant.SeesOthers;
        var connection = hub.Context.ConnectionId;
        await hub.Groups.AddToGroupAsync(connection, CollaborationGroups.Presence(documentId));
        await (grant.Can(ProjectRight.SeeAll)
            ? hub.Groups.AddToGroupAsync(connection, CollaborationGroups.PresenceOverseers(documentId))
            : hub.Groups.RemoveFromGroupAsync(connection, CollaborationGroups.PresenceOverseers(documentId)));
        await hub.Groups.AddToGroupAsync(connection, CollaborationGroups.Project(grant.ProjectId));
        // Exactly one route for others' work, so nothing arrives twice: the shared group when the project shares
        // work, the overseers' group for a curator in a blind project (their own work comes that way too), else
        // only one's own. Membership follows the mode on every re-join.
        var route = shares ? CollaborationGroups.Shared(documentId) : seesAll ? CollaborationGroups.Overseers(documentId) : CollaborationGroups.Own(documentId, user.UserId);
        foreach (var group in new[] { CollaborationGroups.Shared(documentId), CollaborationGroups.Overseers(documentId), CollaborationGroups.Own(documentId, user.UserId) })
        {
            await (group == route ? hub.Groups.AddToGroupAsync(connection, group) : hub.Groups.RemoveFromGroupAsync(connection, group));
        }

        var joinedSet = Joined(hub);
        lock (joinedSet)
            joinedSet.Add(documentId);

        var codebook = await codebooks.ForCollectionAsync(document.Collection, hub.Context.ConnectionAborted);
        var labelExists = codebook is null ? (_, _) => false : WriteContext.LabelExists(codebook.Codebook);
        var rows = await annotations.ChangesAfterAsync(documentId, afterSeq, seesAll ? null : user.UserId, hub.Context.ConnectionAborted);
        var changes = rows.Where(r => r.Kind != Annotation.RelationKind)
            .Select(r => new AnnotationChange(r.Seq, documentId, r.IsDeleted != 0 ? AnnotationChange.Delete : AnnotationChange.Upsert, r.ToAnnotation(labelExists))).ToList();
        var relations = rows.Where(r => r.Kind == Annotation.RelationKind).Select(r => RelationChange.Of(r.Seq, r.ToAnnotation(labelExists))).ToList();
        // In blind mode the last number is the caller's own: the document's would reveal others' activity.
        var lastSeq = seesAll ? await annotations.LastSeqAsync(documentId, hub.Context.ConnectionAborted) : Math.Max(afterSeq, rows.Count == 0 ? 0 : rows[^1].Seq);

        // A rejoin (after a mode change or a reconnect) keeps where this connection was reading: until its page says it
        // again, others joining meanwhile would otherwise get this reader without a place and show no marker.
        var arrival = new PresenceUpdate(documentId, user.UserId, user.DisplayName, presence.Of(connection, documentId)?.Block, true);
        presence.Set(connection, arrival);
        await LiveSend.TryAsync(() => hub.Clients.OthersInGroup(PresenceRoute.Group(documentId, visibility)).PresenceChanged(arrival), logger, "PresenceChanged");
        return new JoinResult(changes, lastSeq, PresenceRoute.Visible(presence.On(documentId), grant), visibility, relations, seesAll);
    }

    public async Task LeaveAsync(AnnotationHub hub, string documentId)
    {
        var user = SessionUsers.From(hub.Context.User!)!;
        var connection = hub.Context.ConnectionId;
        await hub.Groups.RemoveFromGroupAsync(connection, CollaborationGroups.Own(documentId, user.UserId));
        await hub.Groups.RemoveFromGroupAsync(connection, CollaborationGroups.Shared(documentId));
        await hub.Groups.RemoveFromGroupAsync(connection, CollaborationGroups.Overseers(documentId));
        await hub.Groups.RemoveFromGroupAsync(connection, CollaborationGroups.Presence(documentId));
        await hub.Groups.RemoveFromGroupAsync(connection, CollaborationGroups.PresenceOverseers(documentId));
        var joinedSet = Joined(hub);
        lock (joinedSet)
            joinedSet.Remove(documentId);
        await AnnounceLeftAsync(hub, documentId);
    }

    public async Task UpdatePresenceAsync(AnnotationHub hub, string documentId, int? block)
    {
        if (!Joined(hub).Contains(documentId))
        {
            throw new HubException($"Join document '{documentId}' before sharing where you are in it.");
        }

        var user = SessionUsers.From(hub.Context.User!)!;
        if (await access.ForDocumentAsync(documentId, user, hub.Context.ConnectionAborted) is not { } grant)
        {
            throw new HubException($"There is no document with id '{documentId}'.");
        }

        var update = new PresenceUpdate(documentId, user.UserId, user.DisplayName, block is >= 0 ? block : null, true);
        presence.Set(hub.Context.ConnectionId, update);
        await LiveSend.TryAsync(() => hub.Clients.OthersInGroup(PresenceRoute.Group(documentId, grant.Visibility)).PresenceChanged(update), logger, "PresenceChanged");
    }

    public async Task DisconnectAsync(AnnotationHub hub)
    {
        foreach (var documentId in JoinedDocuments(hub.Context))
        {
            await AnnounceLeftAsync(hub, documentId);
        }
    }

    private async Task AnnounceLeftAsync(AnnotationHub hub, string documentId)
    {
        if (presence.Remove(hub.Context.ConnectionId, documentId) is { } left)
        {
            var group = await presenceRoute.GroupAsync(documentId, CancellationToken.None);
            await LiveSend.TryAsync(() => hub.Clients.Group(group).PresenceChanged(left), logger, "PresenceChanged");
        }
    }

    /// <summary>A copy of the documents a connection has joined (for checks outside its calls).</summary>
    public static IReadOnlyList<string> JoinedDocuments(HubCallerContext context)
    {
        if (!context.Items.TryGetValue(JoinedKey, out var joined) || joined is not HashSet<string> set)
            return [];
        lock (set)
            return [.. set];
    }

    private static HashSet<string> Joined(AnnotationHub hub) =>
        (HashSet<string>)(hub.Context.Items.TryGetValue(JoinedKey, out var joined) ? joined! : hub.Context.Items[JoinedKey] = new HashSet<string>(StringComparer.Ordinal));
}
