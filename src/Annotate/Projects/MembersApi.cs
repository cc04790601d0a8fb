using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Projects;

/// <summary>A role to give a member.</summary>
public sealed record MemberRequest(string? Role);

/// <summary>
/// A project's people, managed by its owners: list, give a role, remove. A removed person is refused on their next
/// call, and the live connections of a removed person or one whose role changed close at once
/// (<see cref="Collaboration.MembershipSweep"/>).
/// </summary>
internal static class MembersApi
{
    public static RouteGroupBuilder MapMembers(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/members", async (string projectId, ProjectMembers members, CancellationToken ct) =>
                TypedResults.Ok(await members.ListAsync(projectId, ct)))
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("The project's members and their roles (owners only).");

        api.MapPut("/projects/{projectId}/members/{userId}", SetAsync)
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Changes a member's role (owner, curator, annotator or viewer); owners only. Only a server owner may add someone who is not yet a member.");

        api.MapDelete("/projects/{projectId}/members/{userId}", RemoveAsync)
            .RequireProjectAccess(ProjectRight.Manage)
            .WithSummary("Removes a person from the project; their access ends at once, live connections included.");
        return api;
    }

    private static async Task<Results<Ok<ProjectMember>, ValidationProblem, ProblemHttpResult>> SetAsync(string projectId, string userId, MemberRequest? request,
        SessionUser me, ProjectMembers members, UserStore users, Collaboration.MembershipSweep sweep, CancellationToken ct)
    {
        if (request?.Role is not { } role || !ProjectRoles.All.Contains(role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"'{request?.Role}' is not a role; use one of: {string.Join(", ", ProjectRoles.All)}."] }, title: "Invalid member");
        }

        // A project owner may not pull an arbitrary account into their project: that would show them its name and
        // make it theirs to manage. Someone not yet a member looks exactly like an unknown id, unless a server owner asks.
        var isMember = await members.RoleAsync(projectId, userId, ct) is not null;
        if (!await users.ExistsAsync(userId, ct) || (!isMember && !await users.IsServerOwnerAsync(me.UserId, ct)))
        {
            return TypedResults.Problem(title: "No such person", detail: $"There is no user with id '{userId}'.", statusCode: 404);
        }

        if (role != ProjectRoles.Owner && await LastOwnerAsync(projectId, userId, members, ct) is { } refusal)
        {
            return refusal;
        }

        await members.SetAsync(projectId, userId, role, ct);
        sweep.CheckNow(); // their live connections close now and rejoin with the new role
        return TypedResults.Ok((await members.ListAsync(projectId, ct)).Single(m => m.UserId == userId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string projectId, string userId, ProjectMembers members,
        Collaboration.MembershipSweep sweep, CancellationToken ct)
    {
        if (await LastOwnerAsync(projectId, userId, members, ct) is { } refusal)
        {
            return refusal;
        }

        if (!await members.RemoveAsync(projectId, userId, ct))
        {
            return TypedResults.Problem(title: "Not a member", detail: $"User '{userId}' is not a member of project '{projectId}'.", statusCode: 404);
        }

        sweep.CheckNow();
        return TypedResults.NoContent();
    }

    // A project must keep an owner: the last one cannot step down or be removed.
    private static async Task<ProblemHttpResult?> LastOwnerAsync(string projectId, string userId, ProjectMembers members, CancellationToken ct)
    {
        var list = await members.ListAsync(projectId, ct);
        return list.Any(m => m.UserId == userId && m.Role == ProjectRoles.Owner) && list.Count(m => m.Role == ProjectRoles.Owner) == 1
            ? TypedResults.Problem(title: "Last owner", detail: "A project needs an owner: give someone else the owner role first.", statusCode: 409)
            : null;
    }
}
