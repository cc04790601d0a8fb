using Annotate.Curation;
using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Exercises;

/// <summary>
/// The rules every piece of feedback passes (the score, the differences): the exercise is on, there is a key that is
/// not the caller's own work, the caller marked the document Done, and nothing is blind.
/// </summary>
internal static class ExerciseFeedback
{
    /// <summary>Why the caller's work cannot be scored against the key, or null when it can.</summary>
    public static async Task<ProblemHttpResult?> KeyProblemAsync(ExerciseSettings settings, ProjectGrant grant, ProjectMembers members, CancellationToken ct)
    {
        if (settings.Key == grant.UserId)
            return Conflict("You are the key", "Your own work is this exercise's key, so there is nothing to score it against.");
        // A key member removed since the teacher chose them leaves no key (their work no longer belongs to the class).
        if (settings.Key != GoldLayer.AnnotatorId && await members.RoleAsync(grant.ProjectId, settings.Key, ct) is null)
            return Conflict("No key", "The member whose work is this exercise's key has left the project; the teacher needs to choose another key.");
        return null;
    }

    /// <summary>Why no feedback may be shown on the document now, or null when it may.</summary>
    public static async Task<ProblemHttpResult?> ProblemAsync(ExerciseSettings settings, ProjectGrant grant, string documentId,
        ExerciseStore store, ProjectMembers members, CancellationToken ct)
    {
        if (settings.Mode == ExerciseModes.Off)
            return TypedResults.Problem(title: "No exercise", detail: $"Project '{grant.ProjectId}' has no exercise: the teacher has not turned one on.", statusCode: StatusCodes.Status404NotFound);
        if (await KeyProblemAsync(settings, grant, members, ct) is { } keyProblem)
            return keyProblem;
        if (!await store.IsDoneAsync(grant.ProjectId, documentId, grant.UserId, ct))
            return Conflict("Not done yet", "Your score on this document is shown once you mark it Done.");
        if (grant.Visibility == Visibility.Blind || await store.BlindRoundOpenAsync(grant.ProjectId, ct))
            return Conflict("Blind project", "Scores are shown once the teacher ends the blind round (while the project is blind, nobody sees feedback).");
        return null;
    }

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
