using Annotate.Changes;
using Annotate.Codebook;
using Annotate.Data;
using Annotate.Relations;

namespace Annotate.Annotations;

/// <summary>
/// Announces annotation changes made by the server itself (re-anchoring after a text edit, label renames), once
/// their transaction has committed, so clients following the document live see them too.
/// </summary>
internal sealed class AnnotationPublisher(Db db, CodebookStore codebooks, ICommittedChanges changes)
{
    public async Task PublishAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var rows = new List<AnnotationRow>();
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            foreach (var id in ids)
            {
                if (await AnnotationStore.GetAsync(connection, null, id) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        foreach (var row in rows.OrderBy(r => r.Seq))
        {
            var codebook = await codebooks.ForCollectionAsync(row.CodebookCollection, cancellationToken);
            var annotation = row.ToAnnotation(codebook is null ? (_, _) => false : WriteContext.LabelExists(codebook.Codebook));
            await changes.PublishAsync(row.Kind == Annotation.RelationKind
                ? new RelationCommitted(RelationChange.Of(row.Seq, annotation))
                : new AnnotationCommitted(new AnnotationChange(row.Seq, row.DocumentId, row.IsDeleted != 0 ? AnnotationChange.Delete : AnnotationChange.Upsert, annotation)));
        }
    }
}
