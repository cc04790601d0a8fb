using System.Diagnostics;
using System.Threading.Channels;
using Annotate.Codebook;
using Annotate.Data;
using Annotate.Hosting;
using Dapper;
using Microsoft.Extensions.Options;

namespace Annotate.Corpus;

public sealed record CorpusLoadResult(int Files, int Added, int NewVersions, int Unchanged, int Missing, IReadOnlyList<CorpusProblem> Problems, TimeSpan Elapsed)
{
    public int Errors => Problems.Count(p => p.Severity == CorpusProblem.Error);
}

/// <summary>
/// Loads the corpus folder into the database: files whose size and time are unchanged are skipped without being
/// read, changed ones are parsed in parallel and written in batches, a changed text becomes a new version, and a
/// bad file becomes a problem in the report, never a stopped load.
/// </summary>
internal sealed class CorpusLoader(Db db, CodebookLoader codebooks, CorpusStatus status, IOptions<AnnotateOptions> options, TimeProvider time, ILogger<CorpusLoader> logger)
{
    private const int BatchSize = 256;
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<CorpusLoadResult> LoadAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await LoadOnceAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CorpusLoadResult> LoadOnceAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var root = Path.GetFullPath(options.Value.CorpusPath);
        status.Update(s => s with { State = CorpusStatusSnapshot.Loading, Root = root, Processed = 0, Total = 0 });
        CorpusScan scan;
        try
        {
            scan = CorpusScanner.Scan(root, options.Value.MaxFileSizeBytes);
        }
        catch (DirectoryNotFoundException ex)
        {
            return await FinishAsync(new CorpusLoadResult(0, 0, 0, 0, 0, [CorpusProblem.Fail("", "missing-folder", ex.Message)], stopwatch.Elapsed), cancellationToken);
        }

        var problems = new List<CorpusProblem>(scan.Problems);
        var known = await KnownDocuments.ReadAsync(db, cancellationToken);
        var files = WithUniqueIds(scan.Articles, problems);
        var changed = files.Where(f => !known.IsUnchanged(f.Id, f.File)).ToList();
        status.Update(s => s with { Total = changed.Count });
        if (changed.Count > 0)
        {
            logger.LogInformation("Corpus: {Changed:N0} of {Files:N0} files are new or changed; loading them.", changed.Count, files.Count);
        }

        var (added, newVersions) = (0, 0);
        var progress = new ProgressLog(logger, changed.Count);
        // Parsing the next batch overlaps with writing this one: the single writer would otherwise leave a core idle.
        var parsedBatches = Channel.CreateBounded<(List<ParsedFile> Parsed, int Files)>(2);
        using var stopParsing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ParseBatchesAsync(changed, problems, parsedBatches.Writer, stopParsing.Token), cancellationToken);
        try
        {
            await foreach (var (parsed, fileCount) in parsedBatches.Reader.ReadAllAsync(cancellationToken))
            {
                var (batchAdded, batchVersions) = await db.WriteAsync((c, t) => known.SaveAsync(c, t, parsed, time.GetUtcNow()), cancellationToken);
                (added, newVersions) = (added + batchAdded, newVersions + batchVersions);
                status.Update(s => s with { Processed = s.Processed + fileCount });
                progress.Advance(fileCount);
            }
        }
        finally
        {
            // A failed write must not leave the parser blocked on a full channel.
            await stopParsing.CancelAsync();
            await producer;
        }
        var missing = await db.WriteAsync((c, t) => known.MarkMissingAsync(c, t, files.Select(f => f.Id).ToHashSet(StringComparer.Ordinal)), cancellationToken);
        problems.AddRange(await codebooks.LoadAsync(scan.Codebooks, cancellationToken));
        var unchanged = files.Count - changed.Count;
        return await FinishAsync(new CorpusLoadResult(files.Count, added, newVersions, unchanged, missing, problems, stopwatch.Elapsed), cancellationToken);
    }

    private async Task ParseBatchesAsync(List<(string Id, CorpusFile File)> changed, List<CorpusProblem> problems,
        ChannelWriter<(List<ParsedFile>, int)> batches, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var batch in changed.Chunk(BatchSize))
            {
                await batches.WriteAsync((ParseAll(batch, problems, cancellationToken), batch.Length), cancellationToken);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
        }
    }

    internal static List<(string Id, CorpusFile File)> WithUniqueIds(IReadOnlyList<CorpusFile> articles, List<CorpusProblem> problems)
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

    private List<ParsedFile> ParseAll((string Id, CorpusFile File)[] batch, List<CorpusProblem> problems, CancellationToken cancellationToken)
    {
        var outcomes = new (ParsedFile? Parsed, IReadOnlyList<CorpusProblem> Problems)[batch.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, batch.Length, parallel, i => outcomes[i] = ParseOne(batch[i].Id, batch[i].File, options.Value.MaxFileSizeBytes));
        problems.AddRange(outcomes.SelectMany(o => o.Problems));
        return outcomes.Where(o => o.Parsed is not null).Select(o => o.Parsed!).ToList();
    }

    internal static (ParsedFile?, IReadOnlyList<CorpusProblem>) ParseOne(string id, CorpusFile file, long maxFileSize)
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
    }

    private async Task<CorpusLoadResult> FinishAsync(CorpusLoadResult result, CancellationToken cancellationToken)
    {
        var count = await new DocumentStore(db).CountAsync(cancellationToken);
        var problems = result.Problems.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        status.Update(s => s with
        {
            State = CorpusStatusSnapshot.Idle,
            DocumentCount = count,
            LastLoadedAt = time.GetUtcNow(),
            LastLoadSeconds = result.Elapsed.TotalSeconds,
            Problems = problems,
        });
        CorpusLog.Summary(logger, result, count);
        return result with { Problems = problems };
    }
}

/// <summary>A parsed article ready to be written, with the id and file it came from.</summary>
internal sealed record ParsedFile(string Id, CorpusFile File, ParsedArticle Article);
