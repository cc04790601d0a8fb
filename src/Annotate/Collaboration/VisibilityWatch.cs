using System.Collections.Concurrent;
using Annotate.Data;
using Annotate.Hosting;
using Dapper;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Annotate.Collaboration;

/// <summary>
/// Tells open pages when a project's visibility mode changes where this instance did not see it happen: by
/// `annotate project mode`, or on another instance without a shared backplane. Every second (the sweep's interval,
/// <see cref="AnnotateOptions.LiveCheckSeconds"/>, on the app's TimeProvider) it reads the projects'
/// modes and sends <see cref="IAnnotationClient.VisibilityChanged"/> to a project's connections when one differs
/// from what it last saw; a change made through this instance's API is recorded here and sent there, once.
/// </summary>
internal sealed class VisibilityWatch(
    Db db, IHubContext<AnnotationHub, IAnnotationClient> hub, TimeProvider time, IOptions<AnnotateOptions> options, ILogger<VisibilityWatch> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, string> seen = new(StringComparer.Ordinal);

    /// <summary>A change this instance has announced itself.</summary>
    public void Seen(string projectId, string visibility) => seen[projectId] = visibility;

    /// <summary>
    /// Reads the modes once before the server takes requests, so a change made at any moment after it has started is
    /// told (read later, the first look would take such a change as the starting point and keep it to itself).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryCheckAsync(announce: false, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LiveCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A project read for the first time (or after a first read that failed) is learnt, not announced.
            await TryCheckAsync(announce: true, stoppingToken);
        }
    }

    private async Task TryCheckAsync(bool announce, CancellationToken ct)
    {
        try
        {
            await CheckAsync(announce, ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not read the projects' visibility modes; trying again shortly.");
        }
    }

    private async Task CheckAsync(bool announce, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var modes = await connection.QueryAsync<(string Id, string Visibility)>(new CommandDefinition("SELECT Id, Visibility FROM Projects;", cancellationToken: ct));
        foreach (var (projectId, visibility) in modes)
        {
            var before = seen.GetValueOrDefault(projectId);
            seen[projectId] = visibility;
            if (announce && before is not null && before != visibility)
            {
                logger.LogInformation("Project {Project} is now {Visibility} (changed outside this instance); telling its open pages.", projectId, visibility);
                await LiveSend.TryAsync(() => hub.Clients.Group(CollaborationGroups.Project(projectId)).VisibilityChanged(visibility), logger, "visibility");
            }
        }
    }
}
