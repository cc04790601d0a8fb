using System.Diagnostics;
using System.Text.Json;

namespace Annotate.Corpus;

/// <summary>
/// Renders the reader HTML of the corpus's longest document in the background once the corpus has loaded. Otherwise
/// the first reader after a start waits for the Markdown renderer and the sanitiser to run in code the JIT has not yet
/// optimised: for a 100,000-word article, 2.1 s on a just-started server against 0.7 s once the same code has run
/// (docs/benchmarks.md). The longest document is also the one whose cached HTML saves its readers most.
/// </summary>
internal sealed class ReaderWarmUp(DocumentStore documents, ReaderHtml readerHtml, ILogger<ReaderWarmUp> logger)
{
    /// <summary>The document rendered ahead, once done (for tests and the log).</summary>
    public string? Rendered { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await documents.LongestAsync(cancellationToken) is not { } id
                || await documents.GetAsync(id, null, cancellationToken) is not var (_, stored))
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            var blocks = JsonSerializer.Deserialize<List<Block>>(stored.BlocksJson, JsonSerializerOptions.Web) ?? [];
            readerHtml.For(stored, blocks);
            Rendered = id;
            logger.LogInformation("Reader: rendered {Document} ahead of its first reader in {Elapsed} ms.", id, clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a head start: the first reader renders it as before.
            logger.LogWarning(ex, "Reader: rendering the longest document ahead failed.");
        }
    }
}
