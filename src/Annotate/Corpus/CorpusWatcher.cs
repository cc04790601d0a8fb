using System.Threading.Channels;
using Annotate.Hosting;
using Microsoft.Extensions.Options;

namespace Annotate.Corpus;

/// <summary>
/// Loads the corpus at start, then watches the folder and reloads after changes settle. A reload rescans with one
/// stat per file, so any burst of events (or a lost one: the watcher's buffer can overflow) ends in a correct state.
/// </summary>
internal sealed class CorpusWatcher(CorpusLoader loader, ReaderWarmUp warmUp, IOptions<AnnotateOptions> options, ILogger<CorpusWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a rescan soon (also used by POST /api/corpus/reload).</summary>
    public void RequestReload() => changes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the server start answering while the corpus loads
        using var watcher = options.Value.WatchCorpus ? StartWatching(Path.GetFullPath(options.Value.CorpusPath), stoppingToken) : null;
        await ReloadAsync(stoppingToken);
        await warmUp.RunAsync(stoppingToken);
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // Reload once the folder has been quiet for a moment, so a file still being written is read when complete;
            // a folder that never goes quiet is still reloaded every few seconds.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                changes.Reader.TryRead(out _);
                await Task.Delay(Settle, stoppingToken);
            }
            while (changes.Reader.TryRead(out _) && waited.Elapsed < MaxSettle);

            await ReloadAsync(stoppingToken);
        }
    }

    private async Task ReloadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await loader.LoadAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Corpus: loading failed; the next change to the folder will retry.");
        }
    }

    private FileSystemWatcher? StartWatching(string root, CancellationToken stoppingToken)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, _) => RequestReload();
        watcher.Changed += (_, _) => RequestReload();
        watcher.Deleted += (_, _) => RequestReload();
        watcher.Renamed += (_, _) => RequestReload();
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Corpus: the folder watcher lost events; rescanning.");
            RequestReload();
        };
        try
        {
            watcher.EnableRaisingEvents = true;
            logger.LogInformation("Corpus: watching {Root} for changes.", root);
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
        {
            // Typically the inotify watch limit; polling is slower to notice but just as correct.
            logger.LogWarning("Corpus: cannot watch {Root} ({Reason}); checking for changes every {Seconds} s instead.", root, ex.Message, PollInterval.TotalSeconds);
            watcher.Dispose();
            _ = PollAsync(stoppingToken);
            return null;
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            RequestReload();
        }
    }
}
