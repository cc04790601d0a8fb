using Annotate.Projects;

namespace Annotate.Collaboration;

/// <summary>
/// Where presence goes. Outside blind mode everyone on a document sees who else is there and where; in blind mode an
/// annotator learns nothing of the others (not even that someone is reading), so presence goes only to the
/// document's curators and owners, who see everyone's work anyway.
/// </summary>
internal sealed class PresenceRoute(ProjectMembers members, ProjectStore projects)
{
    public static string Group(string documentId, string visibility) =>
        Visibility.SharesWork(visibility) ? CollaborationGroups.Presence(documentId) : CollaborationGroups.PresenceOverseers(documentId);

    /// <summary>The group for a document's presence now, from the database (someone leaving has no grant to read it from).</summary>
    public async Task<string> GroupAsync(string documentId, CancellationToken cancellationToken)
    {
        var projectId = await members.ProjectOfDocumentAsync(documentId, cancellationToken) ?? ProjectStore.DefaultProject;
        return Group(documentId, (await projects.GetAsync(projectId, cancellationToken))?.Visibility ?? Visibility.Blind);
    }

    /// <summary>Who the caller may see on the document: everyone, or in blind mode (for an annotator) only themselves.</summary>
    public static IReadOnlyList<PresenceUpdate> Visible(IReadOnlyList<PresenceUpdate> present, ProjectGrant grant) =>
        grant.SeesOthers ? present : present.Where(p => p.UserId == grant.UserId).ToList();
}
