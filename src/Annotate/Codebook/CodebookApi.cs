using Annotate.Corpus;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Codebook;

internal static class CodebookApi
{
    public static RouteGroupBuilder MapCodebooks(this RouteGroupBuilder api)
    {
        api.MapGet("/codebooks", ListAsync)
            .RequireMembership()
            .WithSummary("The current codebook of each collection of the caller's projects that uses one; examples left out where the project hides them from the caller.");
        return api;
    }

    // Only codebooks that apply to documents the caller may see: another project's codebook is its own business.
    private static async Task<Ok<List<CodebookInfo>>> ListAsync(SessionUser me, CodebookStore store, DocumentStore documents, ProjectAccess access,
        ProjectStore projects, CancellationToken ct)
    {
        var userId = me.UserId;
        var whole = new Dictionary<string, bool>(StringComparer.Ordinal); // codebook collection → examples shown
        var shown = new Dictionary<string, bool>(StringComparer.Ordinal); // project → examples shown to the caller
        foreach (var (collection, projectId) in await documents.ProjectCollectionsAsync(userId, ct))
        {
            if (await store.ForCollectionAsync(collection, ct) is not { } codebook)
            {
                continue;
            }

            if (!shown.TryGetValue(projectId, out var examples))
            {
                shown[projectId] = examples = await access.ForProjectAsync(projectId, userId, ct) is { } grant && await CodebookExamples.ShownToAsync(grant, projects, ct);
            }

            whole[codebook.Collection] = whole.GetValueOrDefault(codebook.Collection) || examples;
        }

        var current = await store.CurrentAsync(ct);
        return TypedResults.Ok(current.Where(c => whole.ContainsKey(c.Collection)).Select(c => whole[c.Collection] ? c : CodebookExamples.Without(c)).ToList());
    }
}
