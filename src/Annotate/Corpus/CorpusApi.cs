using Annotate.Projects;
using Annotate.Sessions;

namespace Annotate.Corpus;

internal static class CorpusApi
{
    public static RouteGroupBuilder MapCorpus(this RouteGroupBuilder api)
    {
        // Any signed-in person may ask whether the corpus is loaded (the app asks first thing); what they see of it
        // depends on who they are (CorpusStatusView).
        api.MapGet("/corpus/status", async (CorpusStatusView view, SessionUser me, CancellationToken ct) =>
                TypedResults.Ok(await view.ForAsync(me, ct)))
            .WithSummary("Whether the corpus is loading and its progress; the caller's projects' documents and the files there that could not be loaded and why (the server owner: everything, with the folder).");

        api.MapPost("/corpus/reload", (CorpusWatcher watcher) =>
        {
            watcher.RequestReload();
            return TypedResults.Accepted("/api/corpus/status");
        }).RequireMembership(owner: true).WithSummary("Rescans the corpus folder now (it is also watched for changes); project owners only.");
        return api;
    }
}
