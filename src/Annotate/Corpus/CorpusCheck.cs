using Annotate.Codebook;

namespace Annotate.Corpus;

public sealed record CorpusCheckReport(string Root, int Articles, int Loadable, int Codebooks, IReadOnlyList<CorpusProblem> Problems, double Seconds)
{
    public int Errors => Problems.Count(p => p.Severity == CorpusProblem.Error);

    public int Warnings => Problems.Count - Errors;
}

/// <summary>Everything a load would find wrong with a corpus folder, without touching a database.</summary>
internal static class CorpusCheck
{
    public static CorpusCheckReport Run(string root, long maxFileSize, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var scan = CorpusScanner.Scan(root, maxFileSize);
        var problems = new List<CorpusProblem>(scan.Problems);
        var files = ArticleFiles.WithUniqueIds(scan.Articles, problems);
        var (done, loadable) = (0, 0);
        foreach (var batch in files.Chunk(256))
        {
            loadable += ArticleFiles.ParseAll(batch, maxFileSize, problems, cancellationToken).Count;
            done += batch.Length;
            progress?.Report((done, files.Count));
        }

        problems.AddRange(scan.Codebooks.SelectMany(c => CodebookLoader.Read(c).Problems));
        var ordered = problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        return new CorpusCheckReport(scan.Root, files.Count, loadable, scan.Codebooks.Count, ordered, stopwatch.Elapsed.TotalSeconds);
    }
}
