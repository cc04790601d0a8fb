using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Changes;
using Annotate.Projects;

namespace Annotate.Rounds;

/// <summary>
/// Starts and ends rounds: the freeze (or thaw) is committed and pushed first, so pages lock at once; then the
/// ended round's agreement is computed and kept; then the project's visibility follows the new round's kind.
/// </summary>
internal sealed partial class RoundService(RoundStore store, ProjectStore projects, AgreementService agreement, ICommittedChanges changes,
    IEnumerable<IRoundEnded> endedListeners, ILogger<RoundService> logger)
{
    // As the HTTP API writes JSON (web defaults, undefined figures as null), so a kept report reads as it was served.
    private static readonly JsonSerializerOptions SnapshotJson = new(AgreementJson.Options) { WriteIndented = false };

    public async Task<RoundsOverview> OverviewAsync(ProjectGrant grant, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(grant.ProjectId, cancellationToken);
        var rounds = rows.Select(r => ToRound(r, grant.SeesOthers)).ToList();
        var current = rounds.LastOrDefault(r => r.EndedAt is null);
        var frozen = current?.Frozen ?? false;
        return new RoundsOverview(grant.ProjectId, frozen, frozen ? RoundKinds.FrozenMessage : null, current, rounds, grant.Can(ProjectRight.Manage));
    }

    public async Task<RoundsOverview> StartAsync(ProjectGrant grant, string kind, string? name, string userId, CancellationToken cancellationToken)
    {
        var (ended, started) = await store.StartAsync(grant.ProjectId, kind, name, userId, cancellationToken);
        await changes.PublishAsync(new RoundCommitted(Editing(grant.ProjectId, started)));
        // The figures before the mode changes: the report as it stood when the round ended, mode included.
        if (ended is not null)
        {
            await KeepFiguresAsync(ended, cancellationToken);
        }

        var project = await projects.GetAsync(grant.ProjectId, cancellationToken);
        var visibility = project is null ? null : RoundKinds.VisibilityFor(kind, project.Visibility);
        if (project is not null && visibility != project.Visibility && await projects.SetVisibilityAsync(grant.ProjectId, visibility!, cancellationToken) is { } updated)
        {
            await changes.PublishAsync(new ProjectVisibilityCommitted(updated));
            grant = grant with { Visibility = updated.Visibility };
        }

        return await OverviewAsync(grant, cancellationToken);
    }

    /// <summary>Null when no round was open.</summary>
    public async Task<RoundsOverview?> EndAsync(ProjectGrant grant, CancellationToken cancellationToken)
    {
        if (await store.EndAsync(grant.ProjectId, cancellationToken) is not { } ended)
        {
            return null;
        }

        await changes.PublishAsync(new RoundCommitted(Editing(grant.ProjectId, null)));
        await KeepFiguresAsync(ended, cancellationToken);
        return await OverviewAsync(grant, cancellationToken);
    }

    /// <summary>The report's JSON exactly as it was served when the round ended; null for no such ended round.</summary>
    public async Task<string?> SnapshotAsync(string projectId, string roundId, CancellationToken cancellationToken) =>
        (await store.GetAsync(projectId, roundId, cancellationToken))?.SnapshotJson;

    private static EditingState Editing(string projectId, RoundRow? open) => open is { Frozen: true }
        ? new EditingState(projectId, true, RoundKinds.FrozenMessage, open.Name, open.Kind)
        : new EditingState(projectId, false, null, open?.Name, open?.Kind);

    /// <summary>
    /// The plain project report, computed after the round ended: when a freeze ended it, no write can have come in
    /// between, so these are the round's final figures. A failure leaves the round without figures, never unended.
    /// </summary>
    private async Task KeepFiguresAsync(RoundRow ended, CancellationToken cancellationToken)
    {
        try
        {
            if (await projects.GetAsync(ended.ProjectId, cancellationToken) is not { } project)
            {
                return;
            }

            var report = await agreement.ReportAsync(project, null, new AgreementOptions(null, null), cancellationToken);
            await store.SaveSnapshotAsync(ended.Id, JsonSerializer.Serialize(report, SnapshotJson), JsonSerializer.Serialize(Measures(report), SnapshotJson), cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException or AgreementLimitException)
        {
            NoFigures(logger, ended.Name, ended.ProjectId, ex);
        }

        // Other features' figures of the round (the grade sheet's scores), each on its own: one failing spoils no other.
        foreach (var listener in endedListeners)
        {
            try
            {
                await listener.OnRoundEndedAsync(ended.ProjectId, ended.Id, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
            {
                NoListenerFigures(logger, ended.Name, ended.ProjectId, listener.GetType().Name, ex);
            }
        }

        // The class page heard of the round's end (EditingChanged) before any of this was kept, and may have fetched
        // the rounds without these figures: tell it again, whichever of them were kept.
        await changes.PublishAsync(new WorkCommitted(ended.ProjectId, null, null));
    }

    private static Round ToRound(RoundRow row, bool withMeasures) => new(row.Id, (int)row.Number, row.Name, row.Kind, row.StartedAt, row.EndedAt, row.Frozen,
        withMeasures && row.MeasuresJson is { } json ? JsonSerializer.Deserialize<RoundMeasures>(json, SnapshotJson) : null);

    private static RoundMeasures Measures(ProjectAgreementReport report) => new(report.Revision, report.Annotators.Count,
        report.Layers.Select(l => new RoundLayerMeasures(l.Layer, l.Name, l.Scope, l.Spans?.TokenAlpha, l.Spans?.SpanF1Overlap, l.Spans?.AlphaU, l.Coding?.KrippendorffAlpha)).ToList());

    [LoggerMessage(Level = LogLevel.Error, Message = "The agreement of round '{Round}' of project {Project} could not be kept; the round has ended without figures.")]
    private static partial void NoFigures(ILogger logger, string round, string project, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The figures {Listener} keeps of round '{Round}' of project {Project} could not be kept; the round has ended without them.")]
    private static partial void NoListenerFigures(ILogger logger, string round, string project, string listener, Exception exception);
}
