namespace Annotate.Corpus;

/// <summary>A parsed article ready to be written, with the id and file it came from.</summary>
internal sealed record ParsedFile(string Id, CorpusFile File, ParsedArticle Article);

/// <summary>From scanned files to parsed articles and problems: shared by the loader and `annotate corpus check`.</summary>
internal static class ArticleFiles
{
    /// <summary>Gives each file its id; a file whose id is taken by an earlier path is reported, not loaded.</summary>
    public static List<(string Id, CorpusFile File)> WithUniqueIds(IReadOnlyList<CorpusFile> articles, List<CorpusProblem> problems)
    {
        var taken = new Dictionary<string, CorpusFile>(StringComparer.Ordinal);
        var result = new List<(string, CorpusFile)>(articles.Count);
        foreach (var file in articles)
        {
            var id = DocumentIds.FromRelativePath(file.RelativePath);
            if (taken.TryGetValue(id, out var first))
            {
                problems.Add(CorpusProblem.Fail(file.RelativePath, "duplicate-id",
                    $"Its document id '{id}' is already taken by '{first.RelativePath}' (ids ignore case, extension and punctuation); rename one of them."));
                continue;
            }

            taken[id] = file;
            result.Add((id, file));
        }

        return result;
    }

    /// <summary>Parses files on every core; problems are appended in file order.</summary>
    public static List<ParsedFile> ParseAll(IReadOnlyList<(string Id, CorpusFile File)> files, long maxFileSize, List<CorpusProblem> problems, CancellationToken cancellationToken)
    {
        var outcomes = new (ParsedFile? Parsed, IReadOnlyList<CorpusProblem> Problems)[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, files.Count, parallel, i => outcomes[i] = ParseOne(files[i].Id, files[i].File, maxFileSize));
        problems.AddRange(outcomes.SelectMany(o => o.Problems));
        return outcomes.Where(o => o.Parsed is not null).Select(o => o.Parsed!).ToList();
    }

    /// <summary>Never throws for a bad file: whatever goes wrong becomes a problem with the file's path.</summary>
    public static (ParsedFile?, IReadOnlyList<CorpusProblem>) ParseOne(string id, CorpusFile file, long maxFileSize)
    {
        try
        {
            var bytes = File.ReadAllBytes(file.FullPath);
            if (bytes.Length > maxFileSize)
            {
                return (null, [CorpusProblem.Fail(file.RelativePath, "too-large", $"The file is {bytes.Length:N0} bytes, over the limit of {maxFileSize:N0} bytes.")]);
            }

            var article = ArticleParser.Parse(file.RelativePath, bytes);
            var warnings = article.Warnings.Select(w => CorpusProblem.Warn(file.RelativePath, "metadata", w)).ToList();
            return (new ParsedFile(id, file, article), warnings);
        }
        catch (CorpusFileException ex)
        {
            var problem = ex.Code == "empty" ? CorpusProblem.Warn(file.RelativePath, ex.Code, ex.Message) : CorpusProblem.Fail(file.RelativePath, ex.Code, ex.Message);
            return (null, [problem]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [CorpusProblem.Fail(file.RelativePath, "unreadable", $"The file cannot be read: {ex.Message}")]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // Markdig refuses pathological nesting with an ArgumentException, for one; no file may stop a load.
            return (null, [CorpusProblem.Fail(file.RelativePath, "unparsable", $"The article cannot be parsed: {ex.Message}")]);
        }
    }
}
