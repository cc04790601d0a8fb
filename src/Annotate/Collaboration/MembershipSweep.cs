using System.Collections.Concurrent;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>
/// Live connections of people who lost access. Every hub call is checked against the database, but pushes to a
/// group reach a connection without a call: so every few seconds each connection's documents are checked again,
/// and a connection whose person was removed from a project (by the API, the CLI or another instance) is closed.
/// The client reconnects, and its next JoinDocument is refused.
/// </summary>
internal sealed class MembershipSweep(ProjectAccess access, ILogger<MembershipSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, HubCallerContext> connections = new(StringComparer.Ordinal);

    public void Connected(HubCallerContext context) => connections[context.ConnectionId] = context;

    public void Disconnected(HubCallerContext context) => connections.TryRemove(context.ConnectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var context in connections.Values)
            {
                try
                {
                    if (!await StillAllowedAsync(context, stoppingToken))
                    {
                        logger.LogInformation("Closing hub connection {Connection}: its user lost access to a document it had joined.", context.ConnectionId);
                        context.Abort();
                        connections.TryRemove(context.ConnectionId, out _);
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
                {
                    logger.LogWarning(ex, "Could not check hub connection {Connection}; checking again shortly.", context.ConnectionId);
                }
            }
        }
    }

    private async Task<bool> StillAllowedAsync(HubCallerContext context, CancellationToken ct)
    {
        if (context.User is not { } principal || SessionUsers.From(principal) is not { } user)
        {
            return false;
        }

        foreach (var documentId in DocumentSessions.JoinedDocuments(context))
        {
            if (await access.ForDocumentAsync(documentId, user, ct) is null)
            {
                return false;
            }
        }

        return true;
    }
}
