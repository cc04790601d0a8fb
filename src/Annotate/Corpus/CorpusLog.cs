namespace Annotate.Corpus;

/// <summary>Log lines for long loads: progress every tenth, then a summary and the problems.</summary>
internal sealed class ProgressLog(ILogger logger, int total)
{
    private int done;
    private int lastTenth;

    public void Advance(int count)
    {
        done += count;
        var tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth > lastTenth && total >= 1000)
        {
            lastTenth = tenth;
            logger.LogInformation("Corpus: {Done:N0} of {Total:N0} files loaded ({Percent}%).", done, total, tenth * 10);
        }
    }
}

internal static class CorpusLog
{
    private const int MaxProblemsLogged = 50;

    public static void Summary(ILogger logger, CorpusLoadResult result, int documentCount)
    {
        logger.LogInformation(
            "Corpus: {Documents:N0} documents ({Added:N0} added, {Versions:N0} new versions, {Unchanged:N0} unchanged, {Missing:N0} gone from disk) in {Seconds:F2} s; {Errors} errors, {Warnings} warnings.",
            documentCount, result.Added, result.NewVersions, result.Unchanged, result.Missing, result.Elapsed.TotalSeconds,
            result.Errors, result.Problems.Count - result.Errors);
        foreach (var problem in result.Problems.Take(MaxProblemsLogged))
        {
            logger.LogWarning("Corpus {Severity} in {Path}: {Message} [{Code}]", problem.Severity, problem.Path, problem.Message, problem.Code);
        }

        if (result.Problems.Count > MaxProblemsLogged)
        {
            logger.LogWarning("Corpus: {More} more problems are listed on the corpus status page (/status).", result.Problems.Count - MaxProblemsLogged);
        }
    }
}
