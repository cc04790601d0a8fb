using System.Text;

namespace Annotate.Corpus;

/// <summary>A file found in the corpus folder; <see cref="RelativePath"/> is '/'-separated and NFC.</summary>
internal sealed record CorpusFile(string RelativePath, string FullPath, long Size, long ModifiedTicks);

/// <summary>What a scan found. <see cref="RefusedArticles"/> are article files that exist but were refused (too large, …).</summary>
internal sealed record CorpusScan(
    string Root,
    IReadOnlyList<CorpusFile> Articles,
    IReadOnlyList<CorpusFile> Codebooks,
    IReadOnlyList<string> RefusedArticles,
    IReadOnlyList<CorpusProblem> Problems);

/// <summary>
/// Walks a corpus folder without reading file contents (that is the loader's job), so a warm restart costs one
/// stat per file. Hidden entries are skipped; links that lead outside the root, by any route, are refused.
/// </summary>
internal sealed class CorpusScanner
{
    public static readonly string[] CodebookFileNames = ["codebook.yaml", "codebook.yml"];

    private static readonly string[] DocumentationNames = ["readme", "license", "licence", "changelog"];

    private readonly string root;
    private readonly long maxFileSize;
    private readonly List<CorpusFile> articles = [];
    private readonly List<CorpusFile> codebooks = [];
    private readonly List<string> refused = [];
    private readonly List<CorpusProblem> problems = [];
    private readonly Stack<DirectoryInfo> pending = new();

    private CorpusScanner(string root, long maxFileSize) => (this.root, this.maxFileSize) = (root, maxFileSize);

    public static CorpusScan Scan(string root, long maxFileSize)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(root)}' does not exist.");
        }

        var realRoot = RealPath.Of(root) ?? throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(root)}' cannot be resolved.");
        var scanner = new CorpusScanner(realRoot.TrimEnd(Path.DirectorySeparatorChar), maxFileSize);
        return scanner.Walk();
    }

    private CorpusScan Walk()
    {
        pending.Push(new DirectoryInfo(root));
        while (pending.TryPop(out var folder))
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                problems.Add(CorpusProblem.Fail(Relative(folder.FullName), "unreadable", $"The folder cannot be read: {ex.Message}"));
                continue;
            }

            foreach (var entry in entries.Where(e => !e.Name.StartsWith('.')))
            {
                Visit(entry);
            }
        }

        articles.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new CorpusScan(root, articles, codebooks, refused, problems);
    }

    private void Visit(FileSystemInfo entry)
    {
        var relative = Relative(entry.FullName);
        if (entry.LinkTarget is null)
        {
            if (entry is DirectoryInfo directory)
            {
                pending.Push(directory);
            }
            else if (entry is FileInfo file)
            {
                VisitFile(relative, file);
            }

            return;
        }

        // Every link is resolved all the way (through folder links too) before its target is trusted.
        var real = RealPath.Of(entry.FullName);
        if (real is null)
        {
            Refuse(relative, CorpusProblem.Fail(relative, "broken-link", $"The link points to '{entry.LinkTarget}', which does not exist (or links loop)."));
        }
        else if (!IsInside(root, real))
        {
            Refuse(relative, CorpusProblem.Fail(relative, "outside-root", $"The link leads outside the corpus folder (to '{real}'); refused."));
        }
        else if (Directory.Exists(real))
        {
            problems.Add(CorpusProblem.Warn(relative, "linked-folder", "A link to a folder inside the corpus; its files are loaded from where they really are."));
        }
        else
        {
            VisitFile(relative, new FileInfo(real));
        }
    }

    private void VisitFile(string relative, FileInfo file)
    {
        var found = new CorpusFile(relative, file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
        var name = Path.GetFileName(relative);
        if (CodebookFileNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            VisitCodebook(relative, found);
            return;
        }

        if (!ArticleParser.IsArticle(name))
        {
            problems.Add(CorpusProblem.Warn(relative, "unsupported-type", "Not an article (.md, .markdown or .txt) or a codebook.yaml; skipped."));
        }
        else if (DocumentationNames.Contains(Path.GetFileNameWithoutExtension(name).ToLowerInvariant()))
        {
            // A folder's README or LICENCE describes the corpus; it is not an article.
        }
        else if (file.Length > maxFileSize)
        {
            Refuse(relative, CorpusProblem.Fail(relative, "too-large",
                $"The file is {file.Length:N0} bytes, over the limit of {maxFileSize:N0} bytes (Annotate:MaxFileSizeBytes)."));
        }
        else
        {
            articles.Add(found);
        }
    }

    private void VisitCodebook(string relative, CorpusFile found)
    {
        var folder = DocumentIds.CollectionOf(relative);
        if (codebooks.FirstOrDefault(c => DocumentIds.CollectionOf(c.RelativePath) == folder) is { } first)
        {
            problems.Add(CorpusProblem.Fail(relative, "duplicate-codebook", $"The folder already has '{first.RelativePath}'; only that one is used."));
        }
        else if (found.Size > maxFileSize)
        {
            problems.Add(CorpusProblem.Fail(relative, "too-large", $"The codebook is {found.Size:N0} bytes, over the limit of {maxFileSize:N0} bytes."));
        }
        else
        {
            codebooks.Add(found);
        }
    }

    private void Refuse(string relative, CorpusProblem problem)
    {
        problems.Add(problem);
        if (ArticleParser.IsArticle(relative))
        {
            refused.Add(relative);
        }
    }

    public static bool IsInside(string root, string fullPath) =>
        fullPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string Relative(string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/').Normalize(NormalizationForm.FormC);
}
