using Annotate.Hosting;
using Annotate.Sessions;

namespace Annotate.Projects;

/// <summary>
/// Endpoint filters that check the caller's role in the project a route names (directly, or through a document)
/// before the handler runs, and hand the handler the <see cref="ProjectGrant"/>. A project or document the caller
/// is not a member of answers 404, like one that does not exist, so ids cannot be probed.
/// </summary>
internal static class AccessFilters
{
    private const string GrantKey = "annotate.grant";

    /// <summary>The grant the filter stored for this request.</summary>
    public static ProjectGrant Grant(this HttpContext context) =>
        context.Items[GrantKey] as ProjectGrant ?? throw new InvalidOperationException("No project access filter ran for this endpoint.");

    public static RouteHandlerBuilder RequireDocumentAccess(this RouteHandlerBuilder endpoint, ProjectRight right, string routeKey = "documentId") =>
        endpoint.RequireAccess(right, routeKey, (access, id, userId, ct) => access.ForDocumentAsync(id, userId, ct),
            id => TypedResults.Problem(title: "Document not found", detail: $"There is no document with id '{id}'.", statusCode: StatusCodes.Status404NotFound));

    public static RouteHandlerBuilder RequireProjectAccess(this RouteHandlerBuilder endpoint, ProjectRight right, string routeKey = "projectId") =>
        endpoint.RequireAccess(right, routeKey, (access, id, userId, ct) => access.ForProjectAsync(id, userId, ct),
            id => TypedResults.Problem(title: "Project not found", detail: $"There is no project '{id}'.", statusCode: StatusCodes.Status404NotFound));

    // Resolves the caller's grant for the id in the route; no grant answers as if the thing did not exist.
    private static RouteHandlerBuilder RequireAccess(this RouteHandlerBuilder endpoint, ProjectRight right, string routeKey,
        Func<ProjectAccess, string, string, CancellationToken, Task<ProjectGrant?>> resolve, Func<string, IResult> notFound) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = http.GetRouteValue(routeKey) as string ?? "";
            var grant = SessionUsers.From(http.User) is { } user
                ? await resolve(http.RequestServices.GetRequiredService<ProjectAccess>(), id, user.UserId, http.RequestAborted)
                : null;
            return grant is null ? notFound(id) : await Continue(context, next, grant, right);
        });

    /// <summary>
    /// For server-wide endpoints (corpus status, codebooks): the caller must belong to some project; with
    /// <paramref name="owner"/>, own one (or call from this machine in local mode, where everyone at the keyboard is trusted).
    /// </summary>
    public static RouteHandlerBuilder RequireMembership(this RouteHandlerBuilder endpoint, bool owner = false) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var roles = SessionUsers.From(http.User) is { } user
                ? await http.RequestServices.GetRequiredService<ProjectMembers>().ProjectsOfAsync(user.UserId, http.RequestAborted)
                : new Dictionary<string, string>();
            var local = http.IsLocal();
            if (roles.Count == 0 || (owner && !local && !roles.Values.Any(r => ProjectRoles.Allows(r, ProjectRight.Manage))))
            {
                return TypedResults.Problem(title: "Not allowed",
                    detail: roles.Count == 0 ? "You are not a member of any project on this server." : "Only a project owner may do this.",
                    statusCode: StatusCodes.Status403Forbidden);
            }

            return await next(context);
        });

    private static async ValueTask<object?> Continue(EndpointFilterInvocationContext context, EndpointFilterDelegate next, ProjectGrant grant, ProjectRight right)
    {
        if (!grant.Can(right))
        {
            return TypedResults.Problem(title: "Not allowed",
                detail: $"Your role in project '{grant.ProjectId}' ({grant.Role}) does not allow this.", statusCode: StatusCodes.Status403Forbidden);
        }

        context.HttpContext.Items[GrantKey] = grant;
        return await next(context);
    }
}
