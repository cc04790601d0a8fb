using System.Text.Json.Nodes;
using Annotate.AgreementReports;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Rounds;

/// <summary>
/// Norming rounds: GET the project's rounds and whether editing is frozen (every member: a student's page locks by
/// it), start or end a round (owners), and the agreement a round ended with (whoever may see agreement now).
/// </summary>
internal static class RoundsApi
{
    public const int MaxNameLength = 60;

    public static RouteGroupBuilder MapRounds(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/rounds", async (string projectId, HttpContext http, RoundService rounds, CancellationToken ct) =>
                TypedResults.Ok(await rounds.OverviewAsync(http.Grant(), ct)))
            .RequireProjectAccess(ProjectRight.Read)
            .WithSummary("The project's norming rounds, oldest first, with the agreement each ended with (to those who may see agreement), and whether editing is frozen now.");

        api.MapPost("/projects/{projectId}/rounds", StartAsync).RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Starts a round (owners): ends the open one, keeping its agreement, and opens a blind, reveal, discuss or revise round. A discuss round freezes annotators' editing; a blind round makes the project blind, the others reveal it.");

        api.MapPost("/projects/{projectId}/rounds/end", EndAsync).RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Ends the open round (owners), keeping its agreement; editing is open again. 409 when no round is open.");

        api.MapGet("/projects/{projectId}/rounds/{roundId}/agreement", SnapshotAsync).RequireProjectAccess(ProjectRight.Read)
            .Produces<ProjectAgreementReport>()
            .WithSummary("The agreement report a round ended with, exactly as GET /api/projects/{id}/agreement answered then; ?anonymous=true names people Student 1, Student 2, ….");
        return api;
    }

    private static async Task<Results<Created<RoundsOverview>, ValidationProblem, ProblemHttpResult>> StartAsync(string projectId, RoundStart? request,
        HttpContext http, SessionUser me, RoundService rounds, CancellationToken ct)
    {
        if (!http.Grant().Can(ProjectRight.Manage))
        {
            return NotTeacher(projectId);
        }

        var errors = new Dictionary<string, string[]>();
        if (request?.Kind is not { } kind || !RoundKinds.All.Contains(kind))
        {
            errors["kind"] = [$"'{request?.Kind}' is not a kind of round; use one of: {string.Join(", ", RoundKinds.All)}."];
        }

        var name = request?.Name?.Trim();
        if (name is { Length: 0 })
        {
            name = null;
        }

        if (name is { Length: > MaxNameLength } || (name is not null && name.Any(char.IsControl)))
        {
            errors["name"] = [$"A round's name is at most {MaxNameLength} characters, without control characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid round");
        }

        var overview = await rounds.StartAsync(http.Grant(), request!.Kind!, name, me.UserId, ct);
        return TypedResults.Created($"/api/projects/{projectId}/rounds/{overview.Current!.Id}", overview);
    }

    private static async Task<Results<Ok<RoundsOverview>, ProblemHttpResult>> EndAsync(string projectId, HttpContext http, RoundService rounds, CancellationToken ct)
    {
        if (!http.Grant().Can(ProjectRight.Manage))
        {
            return NotTeacher(projectId);
        }

        return await rounds.EndAsync(http.Grant(), ct) is { } overview
            ? TypedResults.Ok(overview)
            : TypedResults.Problem(title: "No open round", detail: $"No round is open in project '{projectId}': start one first.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SnapshotAsync(string projectId, string roundId, bool? anonymous,
        HttpContext http, RoundService rounds, ProjectMembers members, CancellationToken ct)
    {
        var grant = http.Grant();
        if (!grant.SeesOthers)
        {
            return TypedResults.Problem(title: "Blind project",
                detail: "Agreement compares everyone's work, which a blind project hides: a round's figures are shown once the project is open or revealed.", statusCode: 403);
        }

        if (await rounds.SnapshotAsync(projectId, roundId, ct) is not { } json)
        {
            return TypedResults.Problem(title: "No figures for this round",
                detail: $"Project '{projectId}' has no ended round '{roundId}': figures are kept when a round ends.", statusCode: 404);
        }

        // Served as kept, not read back into the record: a figure that was undefined is null there, as it was served.
        if (anonymous == true && JsonNode.Parse(json) is JsonObject report && report["annotators"] is JsonArray annotators)
        {
            var numbers = Anonymous.Numbering(await members.ListAsync(projectId, ct));
            foreach (var annotator in annotators.OfType<JsonObject>())
            {
                annotator["name"] = numbers(annotator["id"]?.GetValue<string>() ?? "");
            }

            json = report.ToJsonString();
        }

        return TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
    }

    private static ProblemHttpResult NotTeacher(string projectId) => TypedResults.Problem(title: "Not allowed",
        detail: $"Only the teacher (an owner of project '{projectId}') may start or end rounds.", statusCode: StatusCodes.Status403Forbidden);
}
