using System.Globalization;

namespace Annotate.Agreement.Spans.Gamma;

/// <summary>
/// Gamma (Mathet, Widlöcher &amp; Métivier 2015, "The Unified and Holistic Method Gamma (γ) for Inter-Annotator
/// Agreement Measure and Alignment", Computational Linguistics 41(3)), computed as pygamma-agreement does: the
/// observed disorder is that of the best (minimal-disorder) alignment of all annotators' units, the expected disorder
/// the mean over random continua drawn from the data, and γ = 1 − observed / expected.
/// </summary>
/// <remarks>
/// Each document is its own continuum with its own best alignment (units never align across documents); a
/// document's annotators are its coders (by default everyone with a span anywhere). Several documents pool as one
/// continuum would: the total disorder over all documents divided by the sum of each document's units per annotator.
/// For one document this is pygamma's figure. Each random sample draws every document from its own statistics, and is
/// pooled the same way. Documents with fewer than two coders or no units are left out, with a note.
/// </remarks>
public static class GammaAgreement
{
    /// <summary>Gamma of the spans on the given continua.</summary>
    /// <param name="spans">The spans; one coder's identical spans (same extent and label) count once, as in pygamma.</param>
    /// <param name="continua">Every document's continuum; a span off its continuum throws <see cref="ArgumentException"/>.</param>
    /// <param name="options">Weights, Δ∅, label distances, samples and seed; <see langword="null"/> for pygamma's defaults.</param>
    /// <param name="coders">For each document, the coders who annotated it (one without spans there marked nothing); by default everyone with a span.</param>
    /// <param name="limits">Bounds of the exact alignment search; past them γ is undefined with the reason.</param>
    public static GammaResult Compute(
        IReadOnlyList<LabelledSpan> spans,
        IReadOnlyList<Continuum> continua,
        GammaOptions? options = null,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? coders = null,
        GammaLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(continua);
        options ??= new GammaOptions();
        limits ??= GammaLimits.Default;
        Validate(options);
        var notes = new List<string>();
        var documents = GammaDocuments.Build(spans, continua, coders, notes, out var labels);
        if (documents.Count == 0)
        {
            return Undefined(spans.Count == 0 ? "no coder marked any span" : "no document has two coders and a span", notes);
        }

        var dissimilarity = new GammaDissimilarity(options.Alpha, options.Beta, options.DeltaEmpty, GammaDissimilarity.CategoryMatrix(labels, options.CategoryDistance));
        AlignmentTotal observed;
        double[] chance;
        try
        {
            observed = Pool(documents, d => BestAlignment.Of(d, dissimilarity, limits), out var observedDisorder);
            chance = Expected(documents, dissimilarity, options, limits, labels.Count);
            return Result(observedDisorder, observed.UnitaryAlignments, chance, notes);
        }
        catch (GammaSearchTooLargeException ex)
        {
            return Undefined($"the best alignment cannot be found exactly within the limits: {ex.Message}", notes);
        }
    }

    private static void Validate(GammaOptions options)
    {
        if (!double.IsFinite(options.Alpha) || options.Alpha < 0 || !double.IsFinite(options.Beta) || options.Beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Gamma's alpha and beta are weights of 0 or more.");
        }

        if (!double.IsFinite(options.DeltaEmpty) || options.DeltaEmpty <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Gamma's Δ∅ must be more than 0.");
        }

        if (options.Samples is < 1 or > GammaOptions.MaxSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(options), string.Create(CultureInfo.InvariantCulture, $"Gamma takes 1 to {GammaOptions.MaxSamples:N0} samples; {options.Samples} was given."));
        }
    }

    /// <summary>Total disorder of each document's best alignment, pooled: Σ disorder / Σ units per annotator.</summary>
    private static AlignmentTotal Pool(IReadOnlyList<GammaContinuum> documents, Func<GammaContinuum, AlignmentTotal> best, out double disorder)
    {
        var total = new AlignmentTotal(0, 0);
        double units = 0;
        foreach (var document in documents)
        {
            total = total.Plus(best(document));
            units += document.UnitsPerAnnotator;
        }

        disorder = total.Disorder / units;
        return total;
    }

    private static double[] Expected(IReadOnlyList<GammaContinuum> documents, GammaDissimilarity dissimilarity, GammaOptions options, GammaLimits limits, int labels)
    {
        Func<Random, GammaContinuum>[] samplers = [.. documents.Select(d => options.Sampler == GammaSampler.Shuffle
            ? (Func<Random, GammaContinuum>)new ShuffleSampler(d).Sample
            : new StatisticalSampler(d, labels).Sample)];
        var disorders = new double[options.Samples];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = limits.Parallelism > 0 ? limits.Parallelism : Environment.ProcessorCount };
        void Draw(int s)
        {
            var random = new Random(SampleSeed(options.Seed, s));
            var sampled = samplers.Select(sample => sample(random)).ToList();
            Pool(sampled, d => BestAlignment.Of(d, dissimilarity, limits), out disorders[s]);
        }

        if (limits.Parallelism == 1)
        {
            // On the caller's thread only (a server's agreement thread must not take the thread pool's few threads).
            for (var s = 0; s < options.Samples; s++)
            {
                Draw(s);
            }

            return disorders;
        }

        try
        {
            // Each sample has its own generator seeded from (seed, sample), so the result is the same at any parallelism.
            Parallel.For(0, options.Samples, parallel, Draw);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault() is GammaSearchTooLargeException tooLarge)
        {
            throw tooLarge;
        }

        return disorders;
    }

    /// <summary>A seed for one sample, mixed from the user's seed and the sample's number (SplitMix64; stable across runs, unlike HashCode).</summary>
    private static int SampleSeed(int seed, int sample)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (uint)sample + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private static GammaResult Result(double observed, int unitaryAlignments, double[] chance, List<string> notes)
    {
        var expected = chance.Average();
        var error = chance.Length > 1
            ? Math.Sqrt(chance.Sum(d => (d - expected) * (d - expected)) / (chance.Length - 1) / chance.Length)
            : double.NaN;
        var gamma = observed == 0
            ? Coefficient.Of(1) // no disorder at all: agreement is perfect whatever chance would give (pygamma: 1)
            : expected > 0
                ? Coefficient.Of(1 - (observed / expected))
                : Coefficient.NotDefined("the expected disorder is 0: the random continua all align perfectly");
        return new GammaResult(gamma, observed, expected, error, chance.Length, unitaryAlignments, notes);
    }

    private static GammaResult Undefined(string reason, List<string> notes) =>
        new(Coefficient.NotDefined(reason), double.NaN, double.NaN, double.NaN, 0, 0, notes);
}
