using Annotate.Changes;
using Annotate.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Projects;

/// <summary>A change of a project's settings: its visibility mode, whether annotators see the codebook's examples.</summary>
public sealed record ProjectPatch(string? Visibility, bool? ShowCodebookExamples = null);

internal static class ProjectsApi
{
    public static RouteGroupBuilder MapProjects(this RouteGroupBuilder api)
    {
        api.MapGet("/projects", async (Sessions.SessionUser me, HttpContext http, ProjectStore projects, CancellationToken ct) =>
                TypedResults.Ok((await projects.OfUserAsync(me.UserId, ct)).Select(p =>
                {
                    // What the caller may do, so that pages offer only that (the server checks each request anyway).
                    var grant = new ProjectGrant(p.Id, me.UserId, p.Role, p.Visibility);
                    return p with { MayChangeVisibility = grant.MayChangeVisibility(http.IsLocal()), MayManage = grant.Can(ProjectRight.Manage) };
                }).ToList()))
            .WithSummary("The projects the caller belongs to, with their role, mode, number of documents, and whether the caller may change the mode (mayChangeVisibility) and manage the project (mayManage).");

        api.MapGet("/projects/{projectId}", async Task<Results<Ok<ProjectSettings>, ProblemHttpResult>> (string projectId, ProjectStore projects, CancellationToken ct) =>
                await projects.GetAsync(projectId, ct) is { } project ? TypedResults.Ok(project) : NotFound(projectId))
            .RequireProjectAccess(ProjectRight.Read)
            .WithSummary("A project's settings (its visibility mode: blind, open or reveal).");

        api.MapPatch("/projects/{projectId}", PatchAsync).RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Changes a project's visibility mode (owners; any annotator on a local-mode server); connected clients are told to refresh what they show.");
        return api;
    }

    private static async Task<Results<Ok<ProjectSettings>, ValidationProblem, ProblemHttpResult>> PatchAsync(string projectId, ProjectPatch? patch,
        HttpContext http, ProjectStore projects, ICommittedChanges changes, CancellationToken ct)
    {
        if (patch?.ShowCodebookExamples is { } show && patch.Visibility is null)
        {
            if (!http.Grant().Can(ProjectRight.Manage))
            {
                return TypedResults.Problem(title: "Not allowed", detail: $"Only an owner of project '{projectId}' may change its settings.", statusCode: 403);
            }

            return await projects.SetShowExamplesAsync(projectId, show, ct) is { } changed ? TypedResults.Ok(changed) : NotFound(projectId);
        }

        if (!http.Grant().MayChangeVisibility(http.IsLocal()))
        {
            return TypedResults.Problem(title: "Not allowed", detail: $"Only an owner of project '{projectId}' may change its visibility mode.", statusCode: 403);
        }

        if (patch?.Visibility is not { } visibility || !Visibility.All.Contains(visibility))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["visibility"] = [$"'{patch?.Visibility}' is not a visibility mode; use one of: {string.Join(", ", Visibility.All)} (or send showCodebookExamples alone)."],
            }, title: "Invalid project settings");
        }

        if (await projects.SetVisibilityAsync(projectId, visibility, ct) is not { } updated)
        {
            return NotFound(projectId);
        }

        // Connected clients are told (live push), after the save and without being able to fail it.
        await changes.PublishAsync(new ProjectVisibilityCommitted(updated));
        return TypedResults.Ok(updated);
    }

    private static ProblemHttpResult NotFound(string projectId) =>
        TypedResults.Problem(title: "Project not found", detail: $"There is no project '{projectId}'.", statusCode: 404);
}
