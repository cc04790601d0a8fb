using Annotate.Projects;

namespace Annotate.Changes;

/// <summary>
/// The one fan-out after a commit. The writer awaits it, so pushes leave at once and in the writer's order; each
/// subscriber is called in turn and its failure is logged, never passed on: the change is already stored, and a
/// failing subscriber (a backplane outage, a bug) must neither fail the write nor keep the others from hearing of it.
/// </summary>
internal sealed partial class ChangeFeed(IEnumerable<IChangeSubscriber> subscribers, ProjectStore projects, ProjectMembers members, ILogger<ChangeFeed> logger)
    : ICommittedChanges
{
    private readonly IChangeSubscriber[] subscribers = [.. subscribers];

    public async Task PublishAsync(CommittedChange change)
    {
        if (subscribers.Length == 0)
        {
            return;
        }

        ChangeScope scope;
        try
        {
            scope = await ScopeAsync(change);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            // Without the project nobody can be told safely; clients catch up by sequence number, agreement on the next change.
            NoScope(logger, change.GetType().Name, ex);
            return;
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber.OnCommittedAsync(change, scope);
            }
#pragma warning disable CA1031 // Whatever one subscriber throws, the write has committed and the others must still hear of it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SubscriberFailed(logger, subscriber.GetType().Name, change.GetType().Name, ex);
            }
        }
    }

    // Read once here, so that no subscriber reads the project's visibility again for the same change.
    private async Task<ChangeScope> ScopeAsync(CommittedChange change)
    {
        var none = CancellationToken.None;
        var projectId = change switch
        {
            ProjectVisibilityCommitted project => project.Settings.Id,
            AnnotatorAttributesCommitted annotator => annotator.ProjectId,
            WorkCommitted work => work.ProjectId,
            RoundCommitted round => round.Editing.ProjectId,
            AnnotationCommitted annotation => await members.ProjectOfDocumentAsync(annotation.Change.DocumentId, none),
            RelationCommitted relation => await members.ProjectOfDocumentAsync(relation.Change.DocumentId, none),
            DocumentVersionCommitted document => await members.ProjectOfDocumentAsync(document.DocumentId, none),
            _ => null,
        } ?? ProjectStore.DefaultProject;
        return new ChangeScope(projectId, change is ProjectVisibilityCommitted saved ? saved.Settings : await projects.GetAsync(projectId, none));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Subscriber} failed on a committed {Change}; the change is stored and the other subscribers were told.")]
    private static partial void SubscriberFailed(ILogger logger, string subscriber, string change, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the project of a committed {Change}; nobody was told of it live.")]
    private static partial void NoScope(ILogger logger, string change, Exception exception);
}
