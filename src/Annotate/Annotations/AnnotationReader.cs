using Annotate.Codebook;
using Annotate.Corpus;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Annotations;

/// <summary>Lists a document's annotations, each with its status against the current codebook.</summary>
internal sealed class AnnotationReader(AnnotationStore store, DocumentStore documents, CodebookStore codebooks)
{
    public async Task<Results<Ok<AnnotationList>, ProblemHttpResult>> ListAsync(string documentId, string kind, string? annotator, string? layer, bool withContext, CancellationToken ct)
    {
        if (!DocumentIds.IsWellFormed(documentId) || await documents.GetAsync(documentId, null, ct) is not var (document, _))
        {
            return TypedResults.Problem(title: "Document not found", detail: $"There is no document with id '{documentId}'.", statusCode: 404);
        }

        var codebook = await codebooks.ForCollectionAsync(document.Collection, ct);
        var labelExists = codebook is null ? (_, _) => false : WriteContext.LabelExists(codebook.Codebook);
        var rows = await store.ListAsync(documentId, kind, annotator, layer, ct);
        // The context is for re-anchoring and export; a long article's list is smaller without it.
        return TypedResults.Ok(new AnnotationList(rows.Select(r => r.ToAnnotation(labelExists))
            .Select(a => withContext ? a : a with { Prefix = null, Suffix = null }).ToList()));
    }

    /// <summary>Every live annotation that needs a person's attention: orphans, and labels the codebook no longer has.</summary>
    public async Task<AnnotationList> ReviewAsync(CancellationToken ct)
    {
        var checks = new Dictionary<string, Func<string, string, bool>>(StringComparer.Ordinal);
        var result = new List<Annotation>();
        foreach (var (row, collection) in await store.LiveWithCollectionsAsync(ct))
        {
            if (!checks.TryGetValue(collection, out var labelExists))
            {
                var codebook = await codebooks.ForCollectionAsync(collection, ct);
                checks[collection] = labelExists = codebook is null ? (_, _) => false : WriteContext.LabelExists(codebook.Codebook);
            }

            var annotation = row.ToAnnotation(labelExists);
            if (annotation.Status != Annotation.Ok)
            {
                result.Add(annotation);
            }
        }

        return new AnnotationList(result);
    }
}
