using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Classroom;

/// <summary>A personal link to look at before following it.</summary>
public sealed record TicketRequest(string? Ticket);

/// <summary>Personal links: a teacher issues a new one for a student; a page asks whom a link is for before using it.</summary>
internal static class StudentTicketsApi
{
    public static RouteGroupBuilder MapStudentTickets(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId}/class/students/{userId}/ticket", async Task<Results<Ok<AddedStudent>, ProblemHttpResult>> (string projectId, string userId, StudentTickets tickets, CancellationToken ct) =>
                await tickets.ReissueAsync(projectId, userId, ct) is { } student
                    ? TypedResults.Ok(student)
                    : TypedResults.Problem(title: "Not a student",
                        detail: $"User '{userId}' is not a student of this project's class (one added from a list or joined with the code, without a password, in no other project).", statusCode: 404))
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("A new personal link for a student of this project's class (the old one stops working), e.g. when one was lost or expired; never for an account or someone in another project.");

        // Someone already signed in is asked before a link replaces their session, and the question names the student.
        api.MapPost("/session/join/preview", async Task<Results<Ok<SessionUser>, ProblemHttpResult>> (TicketRequest? request, StudentTickets tickets, CancellationToken ct) =>
                await tickets.RedeemAsync(request?.Ticket ?? "", ct) is { } redeemed ? TypedResults.Ok(redeemed.User) : UnknownLink())
            .AllowAnonymous().RequireRateLimiting(ClassroomApi.JoinPolicy)
            .WithSummary("Whom a personal link would sign in, without signing in (404 'Unknown link' like the join itself).");
        return api;
    }

    /// <summary>Unknown, replaced and expired links all get this one answer.</summary>
    public static ProblemHttpResult UnknownLink() =>
        TypedResults.Problem(title: "Unknown link", detail: "This personal link is not valid (any more). Ask your teacher for a new one.", statusCode: 404);
}
