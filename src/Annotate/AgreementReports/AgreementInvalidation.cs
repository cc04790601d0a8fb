using Annotate.Changes;

namespace Annotate.AgreementReports;

/// <summary>Marks a project's agreement figures stale as soon as a change that moves them has committed.</summary>
internal sealed class AgreementInvalidation(AgreementService agreement) : IChangeSubscriber
{
    public Task OnCommittedAsync(CommittedChange change, ChangeScope scope)
    {
        if (change is AnnotationCommitted or RelationCommitted or DocumentVersionCommitted or AnnotatorAttributesCommitted)
        {
            agreement.Touch(scope.ProjectId);
        }

        return Task.CompletedTask;
    }
}
