using Annotate.Sessions;

namespace Annotate.Projects;

/// <summary>The caller's standing in one project, as read from the database for this request or hub call.</summary>
public sealed record ProjectGrant(string ProjectId, string UserId, string Role, string Visibility)
{
    public bool Can(ProjectRight right) => ProjectRoles.Allows(Role, right);

    /// <summary>How the project shares its documents out ('all' or 'spread').</summary>
    public string Assignment { get; init; } = "all";

    /// <summary>
    /// Whether the caller sees only the documents assigned to them (an annotator in a project that spreads documents
    /// out), in every list, report and push; curators, owners and viewers see them all.
    /// </summary>
    public bool SeesAssignedOnly => Role == ProjectRoles.Annotator && Assignment == "spread";

    /// <summary>Whether the caller sees others' work: everyone when the project shares it, curators and owners always.</summary>
    public bool SeesOthers => Projects.Visibility.SharesWork(Visibility) || Can(ProjectRight.SeeAll);

    /// <summary>
    /// Whether the caller may change the visibility mode: owners; in a request from this machine's keyboard (local
    /// mode, see Hosting/LocalRequests) any annotator, since everyone who can reach it that way is at the keyboard.
    /// </summary>
    public bool MayChangeVisibility(bool localRequest) => Can(ProjectRight.Manage) || (localRequest && Can(ProjectRight.Annotate));
}

/// <summary>
/// Decides, against the database at the time of each call, what a person may do in a project. Every endpoint and
/// hub method that touches a project's data goes through here; SignalR groups only route messages.
/// </summary>
internal sealed class ProjectAccess(ProjectMembers members, ProjectStore projects)
{
    public async Task<ProjectGrant?> ForProjectAsync(string projectId, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(projectId) || await members.RoleAsync(projectId, userId, cancellationToken) is not { } role
            || await projects.GetAsync(projectId, cancellationToken) is not { } project)
        {
            return null;
        }

        return new ProjectGrant(projectId, userId, role, project.Visibility) { Assignment = project.Assignment };
    }

    /// <summary>
    /// The caller's grant for a document's project, or null when they may not see the document: not a member, or an
    /// annotator in a project that spreads documents out and did not assign this one to them.
    /// </summary>
    public async Task<ProjectGrant?> ForDocumentAsync(string documentId, string userId, CancellationToken cancellationToken)
    {
        if (await members.ProjectOfDocumentAsync(documentId, cancellationToken) is not { } projectId
            || await ForProjectAsync(projectId, userId, cancellationToken) is not { } grant)
        {
            return null;
        }

        return grant.SeesAssignedOnly && !await members.IsAssignedAsync(projectId, documentId, userId, cancellationToken)
            ? null
            : grant;
    }

    public async Task<ProjectGrant?> ForDocumentAsync(string documentId, SessionUser user, CancellationToken cancellationToken) =>
        await ForDocumentAsync(documentId, user.UserId, cancellationToken);
}
