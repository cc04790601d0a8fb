using Annotate.Projects;

namespace Annotate.Corpus;

internal static class CorpusApi
{
    public static RouteGroupBuilder MapCorpus(this RouteGroupBuilder api)
    {
        api.MapGet("/corpus/status", (CorpusStatus status) => TypedResults.Ok(status.Current))
            .RequireMembership()
            .WithSummary("Whether the corpus is loading, its progress, and every file that could not be loaded and why.");

        api.MapPost("/corpus/reload", (CorpusWatcher watcher) =>
        {
            watcher.RequestReload();
            return TypedResults.Accepted("/api/corpus/status");
        }).RequireMembership(owner: true).WithSummary("Rescans the corpus folder now (it is also watched for changes); project owners only.");
        return api;
    }
}
