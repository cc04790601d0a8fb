using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Annotations;

/// <summary>Lists a document's annotations, each with its status against the current codebook.</summary>
internal sealed class AnnotationReader(AnnotationStore store, DocumentStore documents, CodebookStore codebooks, ProjectAccess access, ProjectMembers members)
{
    public Task<Results<Ok<AnnotationList>, ProblemHttpResult>> ListAsync(string documentId, string kind, ProjectGrant caller, string? annotator, string? layer, bool withContext, CancellationToken ct) =>
        ListAsync(documentId, kind, caller, annotator, layer, annotations => new AnnotationList(annotations
            .Select(a => withContext ? a : a with { Prefix = null, Suffix = null }).ToList()), ct);

    /// <summary>A document's live annotations of a kind that the caller may see, in the shape <paramref name="shape"/> makes of them.</summary>
    public async Task<Results<Ok<T>, ProblemHttpResult>> ListAsync<T>(string documentId, string kind, ProjectGrant caller, string? annotator, string? layer,
        Func<IEnumerable<Annotation>, T> shape, CancellationToken ct)
    {
        // Blindness is enforced here, not in the UI: in a blind project nobody receives another person's work
        // (except curators and owners, who see everything).
        if (!caller.SeesOthers)
        {
            if (annotator is not null && annotator != caller.UserId)
            {
                return TypedResults.Problem(title: "Blind project", detail: "In a blind project you see only your own annotations.", statusCode: 403);
            }

            annotator = caller.UserId;
        }

        if (!DocumentIds.IsWellFormed(documentId) || await documents.HeadAsync(documentId, ct) is not { } document)
        {
            return TypedResults.Problem(title: "Document not found", detail: $"There is no document with id '{documentId}'.", statusCode: 404);
        }

        // The rows first, then the codebook: a label renamed in the same commit as a new codebook version is then never
        // judged against the older codebook (which read it as unknown and let a removed label pass as ok).
        var rows = await store.ListAsync(documentId, kind, annotator, layer, ct);
        var codebook = await codebooks.ForCollectionAsync(document.Collection, ct);
        var labelExists = codebook is null ? (_, _) => false : WriteContext.LabelExists(codebook.Codebook);
        // The context is for re-anchoring and export; a long article's list is smaller without it.
        return TypedResults.Ok(shape(rows.Select(r => r.ToAnnotation(labelExists))));
    }

    /// <summary>Every live annotation that needs a person's attention: orphans, and labels the codebook no longer has.</summary>
    public async Task<AnnotationList> ReviewAsync(SessionUser caller, CancellationToken ct)
    {
        var checks = new Dictionary<string, Func<string, string, bool>>(StringComparer.Ordinal);
        var grants = new Dictionary<string, ProjectGrant?>(StringComparer.Ordinal);
        var assigned = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal); // for annotators who see only their assignments
        var result = new List<Annotation>();
        foreach (var (row, collection, projectId) in await store.LiveWithCollectionsAsync(caller.UserId, ct))
        {
            if (!checks.TryGetValue(collection, out var labelExists))
            {
                var codebook = await codebooks.ForCollectionAsync(collection, ct);
                checks[collection] = labelExists = codebook is null ? (_, _) => false : WriteContext.LabelExists(codebook.Codebook);
            }

            if (!grants.TryGetValue(projectId, out var grant))
            {
                grants[projectId] = grant = await access.ForProjectAsync(projectId, caller.UserId, ct);
                if (grant is { SeesAssignedOnly: true })
                {
                    assigned[projectId] = await members.AssignedAsync(projectId, caller.UserId, ct);
                }
            }

            var annotation = row.ToAnnotation(labelExists);
            // Relations are listed by …/relations (with their status); this list is of spans and labels.
            if (annotation.Status != Annotation.Ok && annotation.Kind != Annotation.RelationKind && grant is not null && (grant.SeesOthers || annotation.AnnotatorId == caller.UserId)
                && (!assigned.TryGetValue(projectId, out var mine) || mine.Contains(annotation.DocumentId)))
            {
                result.Add(annotation);
            }
        }

        return new AnnotationList(result);
    }
}
