using System.Diagnostics;
using System.Threading.Channels;
using Annotate.Annotations;
using Annotate.Changes;
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
internal sealed class CorpusLoader(Db db, DocumentStore documents, CodebookLoader codebooks, CorpusStatus status, IOptions<AnnotateOptions> options,
    TimeProvider time, ILogger<CorpusLoader> logger, AnnotationPublisher? publisher = null, ICommittedChanges? changes = null)
{
    private const int BatchSize = 256;
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<CorpusLoadResult> LoadAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            // Other instances on the same PostgreSQL database load one at a time too: each reads what is known, then writes.
            await using var otherInstances = await db.ExclusiveAsync("annotate:corpus-load", cancellationToken);
            return await LoadOnceAsync(stopwatch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The status must never stay "loading": say what failed; the next change to the folder retries.
            logger.LogError(ex, "Corpus: loading failed.");
            var failure = CorpusProblem.Fail("", "load-failed", $"Loading stopped: {ex.Message}");
            return await FinishAsync(new CorpusLoadResult(0, 0, 0, 0, 0, [failure], stopwatch.Elapsed), CancellationToken.None);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CorpusLoadResult> LoadOnceAsync(Stopwatch stopwatch, CancellationToken cancellationToken)
    {
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
        var files = ArticleFiles.WithUniqueIds(scan.Articles, problems);
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
                var (moved, versions) = (new List<string>(), new List<(string Id, long Version)>());
                var (batchAdded, batchVersions) = await db.WriteAsync((c, t) => SaveBatchAsync(c, t, known, parsed, moved, versions), cancellationToken);
                // After the commit: readers learn of the new text, then of the annotations that moved onto it.
                foreach (var (id, version) in versions)
                {
                    await (changes?.PublishAsync(new DocumentVersionCommitted(id, version)) ?? Task.CompletedTask);
                }

                await (publisher?.PublishAsync(moved, cancellationToken) ?? Task.CompletedTask);
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
        // A file that is there but refused (too large, a broken link) is not "gone": its document stays listed.
        var present = files.Select(f => f.Id).Concat(scan.RefusedArticles.Select(DocumentIds.FromRelativePath)).ToHashSet(StringComparer.Ordinal);
        var missing = await db.WriteAsync((c, t) => known.MarkMissingAsync(c, t, present), cancellationToken);
        problems.AddRange(await codebooks.LoadAsync(scan.Codebooks, cancellationToken));
        var unchanged = files.Count - changed.Count;
        return await FinishAsync(new CorpusLoadResult(files.Count, added, newVersions, unchanged, missing, problems, stopwatch.Elapsed), cancellationToken);
    }

    /// <summary>Writes a batch and, in the same transaction, moves the annotations of every changed text onto it.</summary>
    private async Task<(int Added, int NewVersions)> SaveBatchAsync(System.Data.IDbConnection c, System.Data.IDbTransaction t, KnownDocuments known, List<ParsedFile> parsed, List<string> moved, List<(string Id, long Version)> versions)
    {
        var now = time.GetUtcNow();
        var (added, newVersions) = await known.SaveAsync(c, t, parsed, now);
        foreach (var (id, version, text) in newVersions)
        {
            versions.Add((id, version));
            var (changed, orphans) = await Reanchoring.MoveToVersionAsync(c, t, id, version, text, now);
            moved.AddRange(changed);
            if (orphans > 0)
            {
                logger.LogWarning("Corpus: {Orphans} annotations of {Document} could not be placed in its version {Version}; they are kept as orphans for review.", orphans, id, version);
            }
        }

        return (added, newVersions.Count);
    }

    private async Task ParseBatchesAsync(List<(string Id, CorpusFile File)> changed, List<CorpusProblem> problems,
        ChannelWriter<(List<ParsedFile>, int)> batches, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var batch in changed.Chunk(BatchSize))
            {
                await batches.WriteAsync((ArticleFiles.ParseAll(batch, options.Value.MaxFileSizeBytes, problems, cancellationToken), batch.Length), cancellationToken);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
        }
    }

    private async Task<CorpusLoadResult> FinishAsync(CorpusLoadResult result, CancellationToken cancellationToken)
    {
        var count = await documents.CountAsync(cancellationToken);
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
