namespace Annotate.AgreementReports;

/// <summary>
/// What one agreement request may cost the server. A bootstrap redraws every unit (token or document) once per
/// sample, so its cost is units × samples; bootstraps and perspective groups ("heavy" requests) run on their own
/// lane, and each person may have only a few of them computing at once.
/// </summary>
internal static class AgreementLimits
{
    /// <summary>Units × samples one bootstrap over HTTP may cost (about 20–40 s of one core at most).</summary>
    public const long MaxBootstrapCost = 20_000_000;

    /// <summary>The command line runs on the researcher's own machine: it may spend 50 times more.</summary>
    public const long MaxCommandLineBootstrapCost = 1_000_000_000;

    /// <summary>Heavy computations one person may have running or queued at once; more are answered 429.</summary>
    public const int MaxHeavyPerUser = 2;

    /// <summary>When to try again after a 429 (a heavy computation usually ends within this).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>The reason a bootstrap is refused, or null when it is within <paramref name="limit"/>.</summary>
    public static string? BootstrapRefusal(long units, int samples, long limit, string how)
    {
        var cost = units * samples;
        return cost <= limit
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A bootstrap of {samples:N0} samples over {units:N0} units (tokens or documents) costs {cost:N0} unit-samples, above the limit of {limit:N0}: ask for at most {Math.Max(0, limit / Math.Max(1, units)):N0} samples{how}.");
    }
}

/// <summary>A request whose cost is above a limit (HTTP 400, exit code 2).</summary>
internal sealed class AgreementLimitException(string message) : Exception(message);

/// <summary>Too many heavy computations of one person at once (HTTP 429 with Retry-After).</summary>
internal sealed class AgreementBusyException(string message) : Exception(message);
