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
        var computation = Prepare(spans, continua, options, coders, limits);
        computation.Observe();
        var parallelism = (limits ?? GammaLimits.Default).Parallelism;
        if (parallelism == 1)
        {
            // On the caller's thread only (a server's agreement thread must not take the thread pool's few threads).
            for (var s = 0; s < computation.Samples; s++)
            {
                computation.Sample(s);
            }
        }
        else
        {
            // Each sample has its own generator seeded from (seed, sample), so the result is the same at any parallelism.
            Parallel.For(0, computation.Samples, new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount }, computation.Sample);
        }

        return computation.Result();
    }

    /// <summary>The same computation in steps (see <see cref="GammaComputation"/>); the arguments are those of <see cref="Compute"/>, checked here.</summary>
    public static GammaComputation Prepare(
        IReadOnlyList<LabelledSpan> spans,
        IReadOnlyList<Continuum> continua,
        GammaOptions? options = null,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? coders = null,
        GammaLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(continua);
        options ??= new GammaOptions();
        Validate(options);
        var notes = new List<string>();
        var documents = GammaDocuments.Build(spans, continua, coders, notes, out var labels);
        var undefined = documents.Count > 0 ? null : spans.Count == 0 ? "no coder marked any span" : "no document has two coders and a span";
        return new GammaComputation(documents, labels, options, limits ?? GammaLimits.Default, notes, undefined);
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
}
