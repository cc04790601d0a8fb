namespace Annotate.Changes;

/// <summary>Where a committed change is announced: the writers' side of <see cref="ChangeFeed"/>.</summary>
internal interface ICommittedChanges
{
    /// <summary>Tells every subscriber, after the commit; never throws for a subscriber's failure.</summary>
    Task PublishAsync(CommittedChange change);
}

/// <summary>
/// A feature that reacts to committed changes (registered with <see cref="ChangesSetup.AddChangeSubscriber{T}"/>).
/// It runs after the commit but before the write is answered, so it should be quick: slow work is queued (as the
/// agreement notifier batches its messages).
/// </summary>
internal interface IChangeSubscriber
{
    Task OnCommittedAsync(CommittedChange change, ChangeScope scope);
}
