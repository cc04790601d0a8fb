using Annotate.Sessions;
using Annotate.Projects;

namespace Annotate.Corpus;

internal static class CorpusApi
{
    public static RouteGroupBuilder MapCorpus(this RouteGroupBuilder api)
    {
        // Any signed-in person may ask whether the corpus is loaded (the app asks first thing); the files and their
        // problems are shown only to members of a project, so someone removed from every project learns nothing.
        api.MapGet("/corpus/status", async (CorpusStatus status, System.Security.Claims.ClaimsPrincipal principal, ProjectMembers members, CancellationToken ct) =>
                SessionUsers.From(principal) is { } user && (await members.ProjectsOfAsync(user.UserId, ct)).Count > 0
                    ? TypedResults.Ok(status.Current)
                    : TypedResults.Ok(status.Current with { Root = "", Problems = [] }))
            .WithSummary("Whether the corpus is loading, its progress, and every file that could not be loaded and why.");

        api.MapPost("/corpus/reload", (CorpusWatcher watcher) =>
        {
            watcher.RequestReload();
            return TypedResults.Accepted("/api/corpus/status");
        }).RequireMembership(owner: true).WithSummary("Rescans the corpus folder now (it is also watched for changes); project owners only.");
        return api;
    }
}
