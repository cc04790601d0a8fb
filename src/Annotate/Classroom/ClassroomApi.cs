using Annotate.Collaboration;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Classroom;

/// <summary>A student joining a class: the code, a display name, and optionally self-declared attributes; or a personal ticket.</summary>
public sealed record JoinRequest(string? Code, string? DisplayName, Dictionary<string, string?>? Attributes, string? Ticket = null);

/// <summary>Students to add from a pasted list, one name per line (or an array).</summary>
public sealed record StudentsRequest(string? Names, IReadOnlyList<string>? List);

/// <summary>How documents are shared out: { "mode": "all" } or { "mode": "spread", "annotatorsPerDocument": 2 }.</summary>
public sealed record AssignmentRequest(string? Mode, int? AnnotatorsPerDocument);

/// <summary>The assignment mode and how many documents each person has.</summary>
public sealed record AssignmentView(string Mode, int? AnnotatorsPerDocument, IReadOnlyDictionary<string, int> DocumentsPerPerson);

/// <summary>Opening or closing a class for new students.</summary>
public sealed record ClassPatch(bool? Open);

/// <summary>The teacher's dashboard: the class, the mode, each student's progress and whereabouts, and the instruction students read.</summary>
public sealed record ClassDashboard(ClassInfo? Class, string Visibility, IReadOnlyList<StudentProgress> Students, string? Instruction = null);

/// <summary>
/// Classroom: a teacher (project owner) starts a class and gets a join code; students join with the code and a
/// display name only, and become annotators of that project; the dashboard shows who is in, where, and how far.
/// </summary>
internal static class ClassroomApi
{
    public const string JoinPolicy = "join";

    public static RouteGroupBuilder MapClassroom(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId}/class", async (string projectId, ClassroomStore classes, CancellationToken ct) =>
                TypedResults.Ok(await classes.StartAsync(projectId, ct)))
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Starts a class for the project: a new join code (any old code stops working), open for joining.");

        api.MapPatch("/projects/{projectId}/class", async Task<Results<Ok<ClassInfo>, ValidationProblem, ProblemHttpResult>> (string projectId, ClassPatch? patch, ClassroomStore classes, CancellationToken ct) =>
                patch?.Open is not { } open
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["open"] = ["Send { \"open\": true } or { \"open\": false }."] }, title: "Invalid class change")
                    : await classes.SetOpenAsync(projectId, open, ct) is { } info
                        ? TypedResults.Ok(info)
                        : TypedResults.Problem(title: "No class", detail: $"Project '{projectId}' has no class; start one first.", statusCode: 404))
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Opens or closes the class for new students (those in stay in).");

        api.MapGet("/projects/{projectId}/class", DashboardAsync)
            .RequireProjectAccess(ProjectRight.SeeAll)
            .WithSummary("The teacher's dashboard: the join code, the mode, and every member's progress and current document.");

        api.MapGet("/projects/{projectId}/assignment", async (string projectId, Assignments assignments, CancellationToken ct) =>
                TypedResults.Ok(await ViewAsync(projectId, assignments, ct)))
            .RequireProjectAccess(ProjectRight.SeeAll)
            .WithSummary("How the project's documents are shared out, and how many each person has.");

        api.MapPut("/projects/{projectId}/assignment", SetAssignmentAsync)
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Everyone annotates every document ({ mode: 'all' }), or documents are spread so that each gets k annotators ({ mode: 'spread', annotatorsPerDocument: k }); dealt out again now, newcomers get their share as they join.");

        api.MapPost("/projects/{projectId}/class/students", AddStudentsAsync)
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Adds students from a pasted list (one name per line): each becomes an annotator and gets a personal join link, shown once.");

        api.MapStudentTickets();

        api.MapPost("/session/join", JoinAsync).AllowAnonymous().RequireRateLimiting(JoinPolicy)
            .WithSummary("Joins a class with its code and a display name (no password): the caller becomes an annotator of the class's project.");
        return api;
    }

    private static async Task<AssignmentView> ViewAsync(string projectId, Assignments assignments, CancellationToken ct)
    {
        var settings = await assignments.GetAsync(projectId, ct);
        return new AssignmentView(settings.Mode, settings.AnnotatorsPerDocument, await assignments.CountsAsync(projectId, ct));
    }

    private static async Task<Results<Ok<AssignmentView>, ValidationProblem>> SetAssignmentAsync(string projectId, AssignmentRequest? request, Assignments assignments,
        MembershipSweep sweep, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Mode is not (AssignmentSettings.All or AssignmentSettings.Spread))
            errors["mode"] = [$"'{request?.Mode}' is not an assignment mode; use 'all' or 'spread'."];
        else if (request.Mode == AssignmentSettings.Spread && request.AnnotatorsPerDocument is not (>= 1 and <= 50))
            errors["annotatorsPerDocument"] = ["Spreading needs annotatorsPerDocument between 1 and 50."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Invalid assignment");

        await assignments.SetAsync(projectId, new AssignmentSettings(request!.Mode!, request.Mode == AssignmentSettings.Spread ? request.AnnotatorsPerDocument : null), ct);
        sweep.CheckNow(); // annotators on a document no longer theirs stop receiving it now
        return TypedResults.Ok(await ViewAsync(projectId, assignments, ct));
    }

    private static async Task<Ok<ClassDashboard>> DashboardAsync(string projectId, HttpContext http, ClassroomStore classes, Assignments assignments, PresenceTracker presence,
        StudentWork work, ClassInstruction instruction, CancellationToken ct)
    {
        var present = presence.All().GroupBy(p => p.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var assigned = await assignments.CountsAsync(projectId, ct);
        var spread = (await assignments.GetAsync(projectId, ct)).Mode == AssignmentSettings.Spread;
        var documents = await work.OfClassAsync(projectId, ct);
        var students = (await classes.ProgressAsync(projectId, ct)).Select(s => new StudentProgress(s.UserId, s.Name, s.Role, s.JoinedAt, (int)s.Annotations, (int)s.Documents,
            present.GetValueOrDefault(s.UserId)?.Select(p => new StudentPresence(p.DocumentId, p.Block)).ToList() ?? [],
            spread && s.Role == ProjectRoles.Annotator ? assigned.GetValueOrDefault(s.UserId) : null, s.ArrivedAt, s.PersonalLink == 1,
            s.Role == ProjectRoles.Annotator ? documents.GetValueOrDefault(s.UserId) ?? [] : null)).ToList();
        return TypedResults.Ok(new ClassDashboard(await classes.GetAsync(projectId, ct), http.Grant().Visibility, students, await instruction.GetAsync(projectId, ct)));
    }

    private static async Task<Results<Ok<IReadOnlyList<AddedStudent>>, ValidationProblem>> AddStudentsAsync(string projectId, StudentsRequest? request,
        StudentTickets tickets, Assignments assignments, CancellationToken ct)
    {
        const int maxStudents = 500;
        // Lines keep their numbers (blank ones included), so an error points at the line the teacher sees.
        var lines = (request?.List ?? request?.Names?.Split('\n') ?? []).Select((n, i) => (Line: i, Name: n.Trim())).Where(l => l.Name.Length > 0).ToList();
        var names = lines.Select(l => l.Name).ToList();
        var errors = new Dictionary<string, string[]>();
        if (names.Count is 0 or > maxStudents)
            errors["names"] = [$"Paste 1 to {maxStudents} names, one per line."];
        foreach (var (line, name) in lines)
        {
            if (errors.Count >= 10)
                break;
            if (SessionApi.DisplayNameProblem(name) is { } problem)
                errors[$"names[{line}]"] = [$"Line {line + 1} ('{name}'): {problem}"];
        }

        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Invalid list of students");

        var added = new List<AddedStudent>();
        foreach (var name in names)
        {
            var student = await tickets.AddAsync(projectId, name, ct);
            await assignments.AssignNewcomerAsync(projectId, student.UserId, ct);
            added.Add(student);
        }

        return TypedResults.Ok<IReadOnlyList<AddedStudent>>(added);
    }

    private static async Task<Results<Ok<SessionUser>, ValidationProblem, ProblemHttpResult>> JoinAsync(JoinRequest? request, HttpContext context,
        ClassroomStore classes, AnnotatorStore annotators, Assignments assignments, StudentTickets tickets, CancellationToken ct)
    {
        // A personal link from the teacher's list signs the student in as themselves (even once joining is closed).
        if (!string.IsNullOrWhiteSpace(request?.Ticket))
        {
            if (await tickets.RedeemAsync(request.Ticket, ct) is not { } redeemed)
            {
                return StudentTicketsApi.UnknownLink();
            }

            await SessionUsers.SignInAsync(context, redeemed.User);
            await classes.MarkArrivedAsync(redeemed.ProjectId, redeemed.User.UserId, ct);
            return TypedResults.Ok(redeemed.User);
        }

        var name = request?.DisplayName?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Code))
            errors["code"] = ["Enter the class code your teacher gave you."];
        if (SessionApi.DisplayNameProblem(name) is { } nameProblem)
            errors["displayName"] = [nameProblem];
        if (request?.Attributes is { } declared && AttributeRules.Problem(declared) is { } attributeProblem)
            errors[attributeProblem.Field] = [attributeProblem.Message];

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid join");
        }

        // Unknown and closed codes get the same answer.
        if (await classes.ProjectOfOpenCodeAsync(request!.Code!, ct) is not { } projectId)
        {
            return TypedResults.Problem(title: "No such class", detail: "No open class has this code. Check it with your teacher.", statusCode: 404);
        }

        var user = await classes.JoinAsync(projectId, name, ct);
        await assignments.AssignNewcomerAsync(projectId, user.UserId, ct);
        if (request.Attributes is { Count: > 0 } attributes)
        {
            await annotators.SetAsync(projectId, user.UserId, attributes, ct);
        }

        await SessionUsers.SignInAsync(context, user);
        return TypedResults.Ok(user);
    }
}
