using System.Collections.Concurrent;

namespace Annotate.AgreementReports;

/// <summary>
/// One dedicated thread, below normal priority, for agreement computations. Computing on the thread pool (or with
/// Parallel/PLINQ) took its few threads on a 2-core server while a class refreshed after each save, and saves
/// waited behind it (acknowledgement p99 went from 10 ms to over a second); on its own thread the computation
/// uses at most one core and yields to request threads, so saves are never slowed by it. The service runs two:
/// one for the plain report everyone opens, one (lower still) for bootstraps and perspective groups, so a heavy
/// request never queues in front of the plain report.
/// </summary>
internal sealed class AgreementWorker : IDisposable
{
    private readonly BlockingCollection<Action> work = new();
    private readonly Thread thread;

    public AgreementWorker(string name = "Agreement", ThreadPriority priority = ThreadPriority.BelowNormal)
    {
        thread = new Thread(Run) { IsBackground = true, Priority = priority, Name = name };
        thread.Start();
    }

    /// <summary>Runs a computation on the agreement thread; the task completes with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> compute)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try
            {
                done.SetResult(compute());
            }
#pragma warning disable CA1031 // Every failure goes to the waiting caller, who reports it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
            }
        });
        return done.Task;
    }

    private void Run()
    {
        foreach (var item in work.GetConsumingEnumerable())
        {
            item();
        }
    }

    public void Dispose()
    {
        work.CompleteAdding();
        thread.Join(TimeSpan.FromSeconds(5));
        work.Dispose();
    }
}
