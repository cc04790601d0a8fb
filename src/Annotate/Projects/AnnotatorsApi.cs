using Annotate.Changes;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Projects;

/// <summary>The caller's own attributes in a project, as they declare them (e.g. { "group": "A" }).</summary>
public sealed record AnnotatorAttributesRequest(Dictionary<string, string?>? Attributes);

/// <summary>Annotators of a project and their perspective attributes (group, background, reading role).</summary>
internal static class AnnotatorsApi
{
    public static RouteGroupBuilder MapAnnotators(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/annotators", ListAsync)
            .RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Everyone who annotated in the project or declared attributes there, with their attributes; in blind mode an annotator or viewer sees only themselves.");

        api.MapGet("/projects/{projectId}/anonymous-names", AnonymousNamesAsync)
            .RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Every member's anonymous name (Student 1, Student 2, … by join order; Teacher, Curator, Viewer), for pages shown to a class; in blind mode an annotator or viewer gets only their own.");

        api.MapPut("/projects/{projectId}/annotators/me/attributes", (string projectId, AnnotatorAttributesRequest? request, SessionUser me,
                ProjectStore projects, AnnotatorStore annotators, ProjectMembers members, ICommittedChanges changes, CancellationToken ct) =>
                SetAsync(projectId, me.UserId, request, projects, annotators, members, changes, ct))
            .RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Sets the caller's own attributes in the project (an empty value removes one); names are 1–40 of a-z, 0-9, _ and -.");

        api.MapPut("/projects/{projectId}/annotators/{userId}/attributes", SetAsync)
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Sets a member's attributes (group, background, assigned reading role); owners only.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<Annotator>>, ProblemHttpResult>> ListAsync(string projectId, HttpContext http, ProjectStore projects,
        AnnotatorStore annotators, CancellationToken ct)
    {
        if (await projects.GetAsync(projectId, ct) is null)
        {
            return NotFound(projectId);
        }

        // Blind mode hides who else annotates, not only what they marked (curators and owners see everyone).
        var everyone = await annotators.ListAsync(projectId, ct);
        var grant = http.Grant();
        return TypedResults.Ok(grant.SeesOthers ? everyone : everyone.Where(a => a.Id == grant.UserId).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<AnonymousName>>, ProblemHttpResult>> AnonymousNamesAsync(string projectId, HttpContext http,
        ProjectStore projects, ProjectMembers members, CancellationToken ct)
    {
        if (await projects.GetAsync(projectId, ct) is null)
        {
            return NotFound(projectId);
        }

        var everyone = await members.ListAsync(projectId, ct);
        var numbers = Anonymous.Numbering(everyone);
        var grant = http.Grant();
        IReadOnlyList<AnonymousName> names = everyone.Where(m => grant.SeesOthers || m.UserId == grant.UserId)
            .Select(m => new AnonymousName(m.UserId, numbers(m.UserId))).ToList();
        return TypedResults.Ok(names);
    }

    private static async Task<Results<Ok<Annotator>, ValidationProblem, ProblemHttpResult>> SetAsync(string projectId, string userId, AnnotatorAttributesRequest? request,
        ProjectStore projects, AnnotatorStore annotators, ProjectMembers members, ICommittedChanges changes, CancellationToken ct)
    {
        if (request?.Attributes is not { } attributes)
        {
            return Invalid("attributes", "Send a JSON body { \"attributes\": { \"group\": \"A\" } }.");
        }

        if (AttributeRules.Problem(attributes) is { } problem)
        {
            return Invalid(problem.Field, problem.Message);
        }

        if (await projects.GetAsync(projectId, ct) is null)
        {
            return NotFound(projectId);
        }

        if (await members.RoleAsync(projectId, userId, ct) is null)
        {
            return TypedResults.Problem(title: "Not a member", detail: $"User '{userId}' is not a member of project '{projectId}'.", statusCode: 404);
        }

        var annotator = await annotators.SetAsync(projectId, userId, attributes, ct);
        await changes.PublishAsync(new AnnotatorAttributesCommitted(projectId, userId));
        return TypedResults.Ok(annotator);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid annotator attributes");

    private static ProblemHttpResult NotFound(string projectId) =>
        TypedResults.Problem(title: "Project not found", detail: $"There is no project '{projectId}'.", statusCode: 404);
}
