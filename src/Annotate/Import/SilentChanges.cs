using Annotate.Changes;

namespace Annotate.Import;

/// <summary>The command line has no hub to tell: its writes are seen by clients when they next load or catch up.</summary>
internal sealed class SilentChanges : ICommittedChanges
{
    public Task PublishAsync(CommittedChange change) => Task.CompletedTask;
}
