namespace Annotate.Agreement.Spans.Gamma;

/// <summary>
/// Gamma in steps, for a caller that must not hold a thread for the whole computation (a server's shared agreement
/// thread): <see cref="Observe"/> once, <see cref="Sample"/> for each sample number in any order, then
/// <see cref="Result"/>. Each step is one or more best-alignment searches; the result equals
/// <see cref="GammaAgreement.Compute"/> on the same input. Made by <see cref="GammaAgreement.Prepare"/>.
/// </summary>
public sealed class GammaComputation
{
    private readonly List<GammaContinuum> documents;
    private readonly GammaDissimilarity? dissimilarity;
    private readonly GammaOptions options;
    private readonly GammaLimits limits;
    private readonly List<string> notes;
    private readonly Func<Random, GammaContinuum>[] samplers;
    private readonly double[] disorders;
    private AlignmentTotal observed;
    private double observedDisorder = double.NaN;
    private string? undefined;

    internal GammaComputation(List<GammaContinuum> documents, List<string> labels, GammaOptions options, GammaLimits limits, List<string> notes, string? undefined)
    {
        this.documents = documents;
        this.options = options;
        this.limits = limits;
        this.notes = notes;
        this.undefined = undefined;
        disorders = new double[options.Samples];
        if (undefined is not null)
        {
            samplers = [];
            return;
        }

        dissimilarity = new GammaDissimilarity(options.Alpha, options.Beta, options.DeltaEmpty, GammaDissimilarity.CategoryMatrix(labels, options.CategoryDistance));
        samplers = [.. documents.Select(d => options.Sampler == GammaSampler.Shuffle
            ? (Func<Random, GammaContinuum>)new ShuffleSampler(d).Sample
            : new StatisticalSampler(d, labels.Count).Sample)];
    }

    /// <summary>Random continua to draw: <see cref="Sample"/> takes 0 to this minus 1.</summary>
    public int Samples => options.Samples;

    /// <summary>The best alignment of the data: the observed disorder.</summary>
    public void Observe() => Search(() => Pool(documents, out observedDisorder), total => observed = total);

    /// <summary>One random continuum (its own generator, seeded from the seed and <paramref name="index"/>) and its best alignment.</summary>
    public void Sample(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, options.Samples);
        Search(() =>
        {
            var random = new Random(SampleSeed(options.Seed, index));
            var total = Pool([.. samplers.Select(sample => sample(random))], out var disorder);
            disorders[index] = disorder;
            return total;
        }, _ => { });
    }

    /// <summary>γ from the observed disorder and every sample's.</summary>
    public GammaResult Result()
    {
        if (undefined is not null)
        {
            return new(Coefficient.NotDefined(undefined), double.NaN, double.NaN, double.NaN, 0, 0, notes);
        }

        var expected = disorders.Average();
        var error = disorders.Length > 1
            ? Math.Sqrt(disorders.Sum(d => (d - expected) * (d - expected)) / (disorders.Length - 1) / disorders.Length)
            : double.NaN;
        var gamma = observedDisorder == 0
            ? Coefficient.Of(1) // no disorder at all: agreement is perfect whatever chance would give (pygamma: 1)
            : expected > 0
                ? Coefficient.Of(1 - (observedDisorder / expected))
                : Coefficient.NotDefined("the expected disorder is 0: the random continua all align perfectly");
        return new GammaResult(gamma, observedDisorder, expected, error, disorders.Length, observed.UnitaryAlignments, notes);
    }

    private void Search(Func<AlignmentTotal> search, Action<AlignmentTotal> keep)
    {
        if (Volatile.Read(ref undefined) is not null)
        {
            return;
        }

        try
        {
            keep(search());
        }
        catch (GammaSearchTooLargeException ex)
        {
            Interlocked.CompareExchange(ref undefined, $"the best alignment cannot be found exactly within the limits: {ex.Message}", null);
        }
    }

    /// <summary>Each document's best alignment, pooled: Σ total disorder / Σ units per annotator.</summary>
    private AlignmentTotal Pool(List<GammaContinuum> continua, out double disorder)
    {
        var total = new AlignmentTotal(0, 0);
        double units = 0;
        foreach (var continuum in continua)
        {
            total = total.Plus(BestAlignment.Of(continuum, dissimilarity!, limits));
            units += continuum.UnitsPerAnnotator;
        }

        disorder = total.Disorder / units;
        return total;
    }

    /// <summary>A seed for one sample, mixed from the user's seed and the sample's number (SplitMix64; stable across runs, unlike HashCode).</summary>
    private static int SampleSeed(int seed, int sample)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (uint)sample + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }
}
