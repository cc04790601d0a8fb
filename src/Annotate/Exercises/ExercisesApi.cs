using Annotate.Corpus;
using Annotate.Curation;
using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Exercises;

/// <summary>The body of PUT …/exercise: both fields are required.</summary>
public sealed record ExerciseRequest(string? Mode, string? Key);

/// <summary>
/// Exercises against a teacher's key: the owner sets the mode and the key; a student asks for their score on a
/// document they marked Done (with their first and latest attempts) and, in the differ and guided modes, where they
/// differ from the key. Feedback never comes before Done, nor while the project is blind or a blind round is open.
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
            .WithSummary("The caller's score on the document against the key, with their first and latest attempts, once they marked it Done (409 before, and while the project is blind); never the key's spans.");

        api.MapGet("/documents/{documentId}/exercise/differences", DifferencesAsync)
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary("Where the caller's spans differ from the key's, once Done and not blind: in differ mode both sides; in guided mode the caller's spans flagged and missed ones only as regions; 409 in score mode.");
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
        ProjectMembers members, ExerciseAttempts attempts, CancellationToken ct)
    {
        var grant = http.Grant();
        var settings = await store.GetAsync(grant.ProjectId, ct);
        if (await ExerciseFeedback.ProblemAsync(settings, grant, documentId, store, members, ct) is { } problem)
            return problem;

        var annotations = await store.AnnotationsAsync(documentId, grant.UserId, settings.Key, ct);
        return TypedResults.Ok(ExerciseScoring.Score(documentId, settings, grant.UserId, annotations) with
        {
            Attempts = await attempts.OfAsync(grant.ProjectId, documentId, grant.UserId, ct),
        });
    }

    private static async Task<Results<Ok<ExerciseDifferences>, ProblemHttpResult>> DifferencesAsync(string documentId, HttpContext http, ExerciseStore store,
        ProjectMembers members, DocumentStore documents, VersionTexts texts, CancellationToken ct)
    {
        var grant = http.Grant();
        var settings = await store.GetAsync(grant.ProjectId, ct);
        if (await ExerciseFeedback.ProblemAsync(settings, grant, documentId, store, members, ct) is { } problem)
            return problem;
        if (settings.Mode == ExerciseModes.Score)
            return ExerciseFeedback.Conflict("Score only", "This exercise shows your score only, not where you differ from the key.");

        var head = await documents.HeadAsync(documentId, ct);
        var text = head is null ? null : await texts.GetAsync(documentId, (int)head.CurrentVersion, ct);
        var annotations = await store.AnnotationsAsync(documentId, grant.UserId, settings.Key, ct);
        return TypedResults.Ok(ExerciseDifferencing.Compare(documentId, settings.Mode, grant.UserId, annotations,
            text?.Blocks ?? [], text?.Row.Text.Length ?? 0));
    }
}
