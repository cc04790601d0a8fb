using Annotate.Changes;
using Annotate.Exercises;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Classroom;

/// <summary>"Your documents": the teacher's instruction and the caller's own documents with their progress.</summary>
/// <param name="Student">
/// Whether the caller is a student here: they joined this project's class (with its code or a personal link), or the
/// project gives them documents of their own (spread). Pages show "Your documents" to students only.
/// </param>
public sealed record YourDocuments(string ProjectId, string? Instruction, IReadOnlyList<DocumentWork> Documents, bool Student)
{
    /// <summary>The project's exercise mode (off, score, differ, guided): whether a Done brings feedback against a key.</summary>
    public string Exercise { get; init; } = ExerciseModes.Off;
}

/// <summary>The caller's Done mark on a document after the change.</summary>
public sealed record DoneMark(string DocumentId, bool Done, string? DoneAt);

/// <summary>
/// A student's side of the class: what to do (the instruction and their documents), and Done / Reopen per document.
/// The Done routes name no person: a caller marks only their own work, on a document they may annotate.
/// </summary>
internal static class StudentWorkApi
{
    public static RouteGroupBuilder MapStudentWork(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/my-documents", async (string projectId, HttpContext http, StudentWork work, ClassInstruction instruction, ExerciseStore exercises, CancellationToken ct) =>
            {
                var grant = http.Grant();
                var student = grant.SeesAssignedOnly || (grant.Role == ProjectRoles.Annotator && await work.IsClassStudentAsync(projectId, grant.UserId, ct));
                return TypedResults.Ok(new YourDocuments(projectId, await instruction.GetAsync(projectId, ct), await work.OfAsync(projectId, grant.UserId, ct), student)
                {
                    Exercise = (await exercises.GetAsync(projectId, ct)).Mode,
                });
            })
            .RequireProjectAccess(ProjectRight.Annotate)
            .WithSummary("The caller's documents (in a project that spreads them, the ones assigned to them) with their annotations, stance and Done mark, the teacher's instruction, and the exercise mode.");

        api.MapPut("/documents/{documentId}/done", async (string documentId, HttpContext http, StudentWork work, ICommittedChanges changes, ExerciseAttempts attempts, CancellationToken ct) =>
            {
                var mark = await SetDoneAsync(documentId, true, http, work, changes, ct);
                // Each Done while an exercise is on is an attempt, scored as it stands (before and after a guided fix).
                await attempts.RecordAsync(http.Grant(), documentId, mark.Value!.DoneAt!, ct);
                return mark;
            })
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary("Marks the document done for the caller (again: keeps the first time); only one's own work, on a document one may annotate. While an exercise is on, a new Done mark is an attempt, its score kept.");

        api.MapDelete("/documents/{documentId}/done", (string documentId, HttpContext http, StudentWork work, ICommittedChanges changes, CancellationToken ct) =>
                SetDoneAsync(documentId, false, http, work, changes, ct))
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary("Reopens the document: the caller's Done mark goes (nothing happens when there was none).");

        api.MapPut("/projects/{projectId}/class/instruction", SetInstructionAsync)
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary($"Sets the short plain-text instruction students read at the top of their documents (at most {ClassInstruction.MaxLength} characters; empty removes it).");
        return api;
    }

    private static async Task<Ok<DoneMark>> SetDoneAsync(string documentId, bool done, HttpContext http, StudentWork work, ICommittedChanges changes, CancellationToken ct)
    {
        var grant = http.Grant();
        var doneAt = await work.SetDoneAsync(grant.ProjectId, documentId, grant.UserId, done, ct);
        await changes.PublishAsync(new WorkCommitted(grant.ProjectId, grant.UserId, documentId));
        return TypedResults.Ok(new DoneMark(documentId, doneAt is not null, doneAt));
    }

    private static async Task<Results<Ok<InstructionView>, ValidationProblem>> SetInstructionAsync(string projectId, InstructionRequest? request, ClassInstruction instruction,
        ICommittedChanges changes, CancellationToken ct)
    {
        var text = ClassInstruction.Normalize(request?.Text);
        if (ClassInstruction.Problem(text) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [problem] }, title: "Invalid instruction");
        }

        await instruction.SetAsync(projectId, text, ct);
        await changes.PublishAsync(new WorkCommitted(projectId, null, null));
        return TypedResults.Ok(new InstructionView(text.Length == 0 ? null : text));
    }
}
