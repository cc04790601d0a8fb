using System.Collections.Concurrent;
using System.Threading.Channels;
using Annotate.Hosting;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Annotate.Collaboration;

/// <summary>
/// Live connections of people who lost a right. Every hub call is checked against the database, but pushes to a
/// group reach a connection without a call: so every second each connection is checked again, and it is closed when
/// its person's standing in a project it works in changed in any way (removed, demoted, promoted, or for an annotator
/// a change of how documents are shared out: its groups were chosen for the old standing), when it lost a document it
/// had joined, or when the API token it was made with was revoked.
/// Changes made by the CLI or another instance are found by the next round; changes made here start one at once.
/// The client reconnects and joins again with what it may now do. The round's timer runs on the app's TimeProvider,
/// every <see cref="AnnotateOptions.LiveCheckSeconds"/> (tests shorten it rather than wait on real seconds).
/// </summary>
internal sealed class MembershipSweep(ProjectMembers members, ApiTokens tokens, TimeProvider time, IOptions<AnnotateOptions> options, ILogger<MembershipSweep> logger,
    IHubContext<AnnotationHub> hub)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, LiveConnection> connections = new(StringComparer.Ordinal);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Connected(HubCallerContext context) => connections[context.ConnectionId] = new LiveConnection(context);

    public void Disconnected(HubCallerContext context) => connections.TryRemove(context.ConnectionId, out _);

    /// <summary>Checks every connection now rather than at the next round (a role, assignment or token changed here).</summary>
    public void CheckNow() => wake.Writer.TryWrite(true);

    /// <summary>
    /// Remembers the standing a connection's groups in a project were chosen for. A connection that comes back with
    /// another (changed since its first join there) is closed: groups it joined under the old one would stay.
    /// </summary>
    public void Record(HubCallerContext context, ProjectGrant grant)
    {
        var standing = Standing(grant.Role, grant.Assignment);
        if (connections.TryGetValue(context.ConnectionId, out var live) && live.Standings.GetOrAdd(grant.ProjectId, standing) != standing)
        {
            context.Abort();
            throw new HubException($"Your role in project '{grant.ProjectId}' has changed: reconnect to continue with the new one.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var interval = new CancellationTokenSource(options.Value.LiveCheckInterval, time))
            using (var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token))
            {
                try
                {
                    await wake.Reader.ReadAsync(round.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval passed without a change made here: a regular round.
                }
            }

            await SweepAsync(stoppingToken);
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        var round = new Round();
        foreach (var live in connections.Values)
        {
            try
            {
                if (await ReasonToCloseAsync(live, round, ct) is { } reason)
                {
                    logger.LogInformation("Closing hub connection {Connection}: {Reason}.", live.Context.ConnectionId, reason.Log);
                    if (reason.Lost is { } lost)
                    {
                        // Said before closing, so the page stops taking work at once instead of failing on the next span.
                        await LiveSend.TryAsync(() => hub.Clients.Client(live.Context.ConnectionId).SendAsync("AccessLost", lost, ct), logger, "AccessLost");
                    }

                    live.Context.Abort();
                    connections.TryRemove(live.Context.ConnectionId, out _);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(ex, "Could not check hub connection {Connection}; checking again shortly.", live.Context.ConnectionId);
            }
        }
    }

    private async Task<CloseReason?> ReasonToCloseAsync(LiveConnection live, Round round, CancellationToken ct)
    {
        if (live.Context.User is not { } principal || SessionUsers.From(principal) is not { } user)
        {
            return new("it has no user");
        }

        if (!await tokens.StillValidAsync(principal, ct))
        {
            return new("the API token it was made with was revoked");
        }

        var joined = DocumentSessions.JoinedDocuments(live.Context);
        if (live.Standings.IsEmpty && joined.Count == 0)
        {
            return null;
        }

        var now = await round.GrantsOfAsync(user.UserId, members, ct);
        if (live.Standings.Keys.FirstOrDefault(p => !now.ContainsKey(p)) is { } left)
        {
            return new("its user was removed from a project it works in",
                new AccessLost(left, null, AccessLost.Removed, "You were removed from this project, so nothing more can be saved here. Your work so far is kept."));
        }

        if (live.Standings.Any(r => Standing(now[r.Key].Role, now[r.Key].Assignment) != r.Value))
        {
            return new("its user's role in a project it works in changed");
        }

        // The rule of ProjectAccess.ForDocumentAsync, from what this round has read already.
        foreach (var documentId in joined)
        {
            if (await round.ProjectOfAsync(documentId, members, ct) is not { } projectId || !now.TryGetValue(projectId, out var grant))
            {
                return new("its user lost access to a document it had joined");
            }

            if (grant.SeesAssignedOnly && !await members.IsAssignedAsync(projectId, documentId, user.UserId, ct))
            {
                return new("its user lost access to a document it had joined", new AccessLost(projectId, documentId, AccessLost.Unassigned,
                    "This document is no longer assigned to you (the documents were shared out again), so nothing more can be saved here. Your work on it is kept."));
            }
        }

        return null;
    }

    /// <param name="Log">Why, for the log.</param>
    /// <param name="Lost">What the person is told before the connection closes, when they can no longer work where they were.</param>
    private sealed record CloseReason(string Log, AccessLost? Lost = null);

    /// <summary>What one round has read: each person's standing in their projects, each document's project.</summary>
    private sealed class Round
    {
        private readonly Dictionary<string, Dictionary<string, ProjectGrant>> grants = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> projects = new(StringComparer.Ordinal);

        public async Task<Dictionary<string, ProjectGrant>> GrantsOfAsync(string userId, ProjectMembers members, CancellationToken ct)
        {
            if (!grants.TryGetValue(userId, out var mine))
            {
                // Visibility plays no part in what the sweep checks.
                grants[userId] = mine = (await members.StandingsOfAsync(userId, ct)).ToDictionary(
                    r => r.ProjectId, r => new ProjectGrant(r.ProjectId, userId, r.Role, "") { Assignment = r.Assignment }, StringComparer.Ordinal);
            }

            return mine;
        }

        public async Task<string?> ProjectOfAsync(string documentId, ProjectMembers members, CancellationToken ct)
        {
            if (!projects.TryGetValue(documentId, out var projectId))
            {
                projects[documentId] = projectId = await members.ProjectOfDocumentAsync(documentId, ct);
            }

            return projectId;
        }
    }

    // The role, and for an annotator how the project shares documents out (which groups they follow depends on it).
    private static string Standing(string role, string assignment) => role == ProjectRoles.Annotator ? $"{role}/{assignment}" : role;

    private sealed record LiveConnection(HubCallerContext Context)
    {
        /// <summary>Project id → the standing the connection's groups there were chosen for.</summary>
        public ConcurrentDictionary<string, string> Standings { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>
/// Pushed to a live connection just before the server closes it because its person can no longer work where they
/// were: removed from the project, or (documents shared out again) no longer assigned the document.
/// </summary>
/// <param name="DocumentId">The document lost, or null when the whole project was.</param>
/// <param name="Reason">"removed" or "unassigned".</param>
public sealed record AccessLost(string ProjectId, string? DocumentId, string Reason, string Message)
{
    public const string Removed = "removed";
    public const string Unassigned = "unassigned";
}
