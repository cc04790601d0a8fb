namespace Annotate.Rounds;

/// <summary>
/// A feature that keeps figures of its own when a round ends (as the round keeps its agreement), registered as a
/// singleton of this interface. It runs after the round's end is committed and its agreement kept; a failure is
/// logged and leaves the round ended.
/// </summary>
internal interface IRoundEnded
{
    Task OnRoundEndedAsync(string projectId, string roundId, CancellationToken cancellationToken);
}
