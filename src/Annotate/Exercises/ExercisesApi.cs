using Annotate.Curation;
using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Exercises;

/// <summary>The body of PUT …/exercise: both fields are required.</summary>
public sealed record ExerciseRequest(string? Mode, string? Key);

/// <summary>
/// Exercises against a teacher's key: the owner sets the mode and the key; a student asks for their score on a
/// document they marked Done. Feedback never comes before Done, nor while the project is blind or a blind round is open.
/// </summary>
internal static class ExercisesApi
{
    public static RouteGroupBuilder MapExercises(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/exercise", (string projectId, ExerciseStore store, CancellationToken ct) =>
                GetAsync(projectId, store, ct))
            .RequireProjectAccess(ProjectRight.SeeAll)
            .WithSummary("The project's exercise settings: mode (off, score, differ, guided) and key (gold or a member's user id).");

        api.MapPut("/projects/{projectId}/exercise", SetAsync)
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Sets the exercise mode and key (owners); 400 names the field that is wrong.");

        api.MapGet("/documents/{documentId}/exercise/score", ScoreAsync)
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary("The caller's score on the document against the key, once they marked it Done (409 before, and while the project is blind); never the key's spans.");
        return api;
    }

    private static async Task<Ok<ExerciseSettings>> GetAsync(string projectId, ExerciseStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(projectId, ct));

    private static async Task<Results<Ok<ExerciseSettings>, ValidationProblem>> SetAsync(string projectId, ExerciseRequest? request,
        ExerciseStore store, ProjectMembers members, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var mode = request?.Mode?.Trim() ?? "";
        var key = request?.Key?.Trim() ?? "";
        if (!ExerciseModes.All.Contains(mode))
            errors["mode"] = [$"Choose one of {string.Join(", ", ExerciseModes.All)}."];
        if (key != GoldLayer.AnnotatorId && (key.Length == 0 || await members.RoleAsync(projectId, key, ct) is null))
            errors["key"] = ["The key is \"gold\" (the gold layer) or the user id of a member of this project."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Invalid exercise settings");

        var settings = new ExerciseSettings(mode, key);
        await store.SetAsync(projectId, settings, ct);
        return TypedResults.Ok(settings);
    }

    private static async Task<Results<Ok<ExerciseScore>, ProblemHttpResult>> ScoreAsync(string documentId, HttpContext http, ExerciseStore store,
        ProjectMembers members, CancellationToken ct)
    {
        var grant = http.Grant();
        var settings = await store.GetAsync(grant.ProjectId, ct);
        if (settings.Mode == ExerciseModes.Off)
            return TypedResults.Problem(title: "No exercise", detail: $"Project '{grant.ProjectId}' has no exercise: the teacher has not turned one on.", statusCode: StatusCodes.Status404NotFound);
        if (settings.Key == grant.UserId)
            return Conflict("You are the key", "Your own work is this exercise's key, so there is nothing to score it against.");
        // A key member removed since the teacher chose them leaves no key (their work no longer belongs to the class).
        if (settings.Key != GoldLayer.AnnotatorId && await members.RoleAsync(grant.ProjectId, settings.Key, ct) is null)
            return Conflict("No key", "The member whose work is this exercise's key has left the project; the teacher needs to choose another key.");
        if (!await store.IsDoneAsync(grant.ProjectId, documentId, grant.UserId, ct))
            return Conflict("Not done yet", "Your score on this document is shown once you mark it Done.");
        if (grant.Visibility == Visibility.Blind || await store.BlindRoundOpenAsync(grant.ProjectId, ct))
            return Conflict("Blind project", "Scores are shown once the teacher ends the blind round (while the project is blind, nobody sees feedback).");

        var annotations = await store.AnnotationsAsync(documentId, grant.UserId, settings.Key, ct);
        return TypedResults.Ok(ExerciseScoring.Score(documentId, settings, grant.UserId, annotations));
    }

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
