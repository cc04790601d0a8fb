using Annotate.Projects;

namespace Annotate.Codebook;

internal static class CodebookApi
{
    public static RouteGroupBuilder MapCodebooks(this RouteGroupBuilder api)
    {
        // Every collection's current codebook; a document uses its collection's, else the nearest parent's.
        api.MapGet("/codebooks", async (CodebookStore store, CancellationToken ct) => TypedResults.Ok(await store.CurrentAsync(ct)))
            .RequireMembership()
            .WithSummary("The current codebook of each collection that has one.");
        return api;
    }
}
