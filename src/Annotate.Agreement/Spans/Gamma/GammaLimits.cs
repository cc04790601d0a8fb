namespace Annotate.Agreement.Spans.Gamma;

/// <summary>
/// Bounds on the exact alignment search of one continuum, so that a pathological input is refused with a reason
/// instead of running for hours. Each bound is per best-alignment search (the observed one and every sample).
/// </summary>
/// <param name="MaxPairs">Unit pairs whose dissimilarity is computed.</param>
/// <param name="MaxCandidates">Candidate unitary alignments kept (those cheaper than leaving their units alone); 16 times as many may be examined.</param>
/// <param name="MaxStates">States of the exact search (partial alignments told apart by the units they have used).</param>
/// <param name="Parallelism">Samples searched at once (0: one per processor). Results do not depend on it: each sample has its own seed.</param>
public sealed record GammaLimits(long MaxPairs = 50_000_000, long MaxCandidates = 2_000_000, long MaxStates = 4_000_000, int Parallelism = 0)
{
    /// <summary>The defaults: a few seconds and a few hundred MB at worst per search.</summary>
    public static GammaLimits Default { get; } = new();
}

/// <summary>A best-alignment search went past one of its <see cref="GammaLimits"/>.</summary>
internal sealed class GammaSearchTooLargeException(string message) : Exception(message);
