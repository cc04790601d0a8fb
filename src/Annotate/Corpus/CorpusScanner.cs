using System.Text;

namespace Annotate.Corpus;

/// <summary>A file found in the corpus folder; <see cref="RelativePath"/> is '/'-separated and NFC.</summary>
internal sealed record CorpusFile(string RelativePath, string FullPath, long Size, long ModifiedTicks);

internal sealed record CorpusScan(string Root, IReadOnlyList<CorpusFile> Articles, IReadOnlyList<CorpusFile> Codebooks, IReadOnlyList<CorpusProblem> Problems);

/// <summary>
/// Walks a corpus folder without reading file contents (that is the loader's job), so a warm restart costs one
/// stat per file. Hidden entries are skipped; links that lead outside the root are refused.
/// </summary>
internal static class CorpusScanner
{
    public const string CodebookFileName = "codebook.yaml";

    private static readonly string[] DocumentationNames = ["readme", "license", "licence", "changelog"];

    public static CorpusScan Scan(string root, long maxFileSize)
    {
        var rootInfo = new DirectoryInfo(root);
        if (!rootInfo.Exists)
        {
            throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(root)}' does not exist.");
        }

        var realRoot = (rootInfo.ResolveLinkTarget(returnFinalTarget: true) ?? rootInfo).FullName.TrimEnd(Path.DirectorySeparatorChar);
        var articles = new List<CorpusFile>();
        var codebooks = new List<CorpusFile>();
        var problems = new List<CorpusProblem>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(realRoot)]);
        while (pending.TryPop(out var folder))
        {
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                problems.Add(CorpusProblem.Fail(Relative(realRoot, folder.FullName), "unreadable", $"The folder cannot be read: {ex.Message}"));
                continue;
            }

            foreach (var entry in entries)
            {
                Visit(realRoot, entry, maxFileSize, pending, articles, codebooks, problems);
            }
        }

        articles.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new CorpusScan(realRoot, articles, codebooks, problems);
    }

    private static void Visit(string root, FileSystemInfo entry, long maxFileSize, Stack<DirectoryInfo> pending,
        List<CorpusFile> articles, List<CorpusFile> codebooks, List<CorpusProblem> problems)
    {
        if (entry.Name.StartsWith('.'))
        {
            return;
        }

        var relative = Relative(root, entry.FullName);
        var target = entry;
        if (entry.LinkTarget is not null)
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                problems.Add(CorpusProblem.Fail(relative, "broken-link", $"The link points to '{entry.LinkTarget}', which does not exist."));
                return;
            }

            if (!IsInside(root, target.FullName))
            {
                problems.Add(CorpusProblem.Fail(relative, "outside-root", $"The link leads outside the corpus folder (to '{target.FullName}'); refused."));
                return;
            }

            if (target is DirectoryInfo)
            {
                problems.Add(CorpusProblem.Warn(relative, "linked-folder", "A link to a folder inside the corpus; its files are loaded from where they really are."));
                return;
            }
        }

        switch (target)
        {
            case DirectoryInfo directory:
                pending.Push(directory);
                break;
            case FileInfo file:
                VisitFile(relative, file, maxFileSize, articles, codebooks, problems);
                break;
        }
    }

    private static void VisitFile(string relative, FileInfo file, long maxFileSize,
        List<CorpusFile> articles, List<CorpusFile> codebooks, List<CorpusProblem> problems)
    {
        var found = new CorpusFile(relative, file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
        if (file.Name.Equals(CodebookFileName, StringComparison.OrdinalIgnoreCase) || file.Name.Equals("codebook.yml", StringComparison.OrdinalIgnoreCase))
        {
            codebooks.Add(found);
            return;
        }

        if (!ArticleParser.IsArticle(file.Name))
        {
            problems.Add(CorpusProblem.Warn(relative, "unsupported-type", "Not an article (.md, .markdown or .txt) or a codebook.yaml; skipped."));
            return;
        }

        if (DocumentationNames.Contains(Path.GetFileNameWithoutExtension(file.Name).ToLowerInvariant()))
        {
            return; // A folder's README or LICENCE describes the corpus; it is not an article.
        }

        if (file.Length > maxFileSize)
        {
            problems.Add(CorpusProblem.Fail(relative, "too-large",
                $"The file is {file.Length:N0} bytes, over the limit of {maxFileSize:N0} bytes (Annotate:MaxFileSizeBytes)."));
            return;
        }

        articles.Add(found);
    }

    public static bool IsInside(string root, string fullPath) =>
        fullPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/').Normalize(NormalizationForm.FormC);
}
