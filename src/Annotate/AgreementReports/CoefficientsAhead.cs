using System.Runtime.ExceptionServices;
using Annotate.Agreement;

namespace Annotate.AgreementReports;

/// <summary>
/// Coefficients of a large table computed in order on a second thread while the caller computes others (the
/// coefficients are independent passes over an immutable table): `annotate agreement FILE` on a million ratings
/// spends about a third less time on them with two cores. <see cref="Get"/> hands back each result, or throws its
/// exception, at the point where the one-thread code would have computed it, so notes and errors keep their order.
/// </summary>
internal sealed class CoefficientsAhead
{
    // Below this many ratings a thread costs more than it saves (and the server's per-document reports stay on theirs).
    private const int MinRatings = 1 << 16;

    private readonly Func<Coefficient>[] computations;
    private readonly Coefficient[] results;
    private readonly ExceptionDispatchInfo?[] errors;
    private readonly Thread? thread;

    private CoefficientsAhead(Func<Coefficient>[] computations, bool ahead)
    {
        this.computations = computations;
        results = new Coefficient[computations.Length];
        errors = new ExceptionDispatchInfo?[computations.Length];
        if (!ahead)
            return;
        thread = new Thread(() =>
        {
            for (var i = 0; i < computations.Length; i++)
            {
                try
                {
                    results[i] = computations[i]();
                }
                catch (Exception ex) // thrown again by Get, on the caller's thread, in the caller's order
                {
                    errors[i] = ExceptionDispatchInfo.Capture(ex);
                }
            }
        })
        {
            IsBackground = true,
            Name = "coefficients",
        };
        thread.Start();
    }

    /// <summary>Starts the computations on a second thread when the table is large and there is a second core; otherwise each runs when asked for.</summary>
    public static CoefficientsAhead Start(RatingTable table, params Func<Coefficient>[] computations) =>
        new(computations, table.RatingCount >= MinRatings && Environment.ProcessorCount > 1);

    /// <summary>The <paramref name="index"/>th computation's coefficient.</summary>
    public Coefficient Get(int index)
    {
        if (thread is null)
            return computations[index]();
        thread.Join();
        errors[index]?.Throw();
        return results[index];
    }
}
