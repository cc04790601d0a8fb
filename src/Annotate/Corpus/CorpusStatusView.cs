using Annotate.Projects;
using Annotate.Sessions;

namespace Annotate.Corpus;

/// <summary>
/// The corpus status as one caller may see it. A server owner sees it whole; anyone else sees the documents and
/// problems of their own projects only, and never the server's folder (a path tells an attacker where to aim).
/// Files read of the current load stay visible to all: they only show that a load is progressing.
/// </summary>
internal sealed class CorpusStatusView(CorpusStatus status, UserStore users, ProjectMembers members, ProjectStore projects, DocumentStore documents)
{
    public async Task<CorpusStatusSnapshot> ForAsync(SessionUser? user, CancellationToken cancellationToken)
    {
        var current = status.Current;
        if (user is null)
        {
            return current with { Root = "", DocumentCount = 0, Problems = [] };
        }

        if ((await users.AccountAsync(user.UserId, cancellationToken))?.IsServerOwner == true)
        {
            return current;
        }

        var mine = await members.ProjectsOfAsync(user.UserId, cancellationToken);
        var owned = await projects.OwnedCollectionsAsync(cancellationToken);
        var count = (await documents.CollectionsAsync(user.UserId, cancellationToken)).Sum(c => c.DocumentCount);
        return current with { Root = "", DocumentCount = count, Problems = current.Problems.Where(p => mine.ContainsKey(ProjectOf(p.Path, owned))).ToList() };
    }

    /// <summary>The project a corpus file belongs to, as the loader decides it: the one owning the most specific folder holding it, else 'default'.</summary>
    private static string ProjectOf(string path, IReadOnlyList<(string Id, string Collection)> owned)
    {
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        return owned.Where(o => folder == o.Collection || folder.StartsWith(o.Collection + "/", StringComparison.Ordinal))
            .OrderByDescending(o => o.Collection.Length).Select(o => o.Id).FirstOrDefault() ?? ProjectStore.DefaultProject;
    }
}
