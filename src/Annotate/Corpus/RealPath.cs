namespace Annotate.Corpus;

/// <summary>
/// The canonical path of a file: every symbolic link on the way resolved, as realpath(3) does. Checking only the
/// last link is not enough: "escape.md -> dirlink/x" passes through a folder link that may lead anywhere.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40; // as Linux's ELOOP limit

    /// <summary>Returns the real path, or null when a link is broken or links loop.</summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Queue<string>(Segments(full[root.Length..]));
        var current = root;
        var links = 0;
        while (pending.TryDequeue(out var segment))
        {
            var next = Path.Combine(current, segment);
            var info = new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                if (!info.Exists && !Directory.Exists(next))
                {
                    return null;
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // current is already real, so ".." in the target can be resolved as text against it.
            var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
            var rest = pending.ToArray();
            root = Path.GetPathRoot(resolved)!;
            pending = new Queue<string>(Segments(resolved[root.Length..]).Concat(rest));
            current = root;
        }

        return current;
    }

    private static string[] Segments(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
