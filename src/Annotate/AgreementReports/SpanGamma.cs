using Annotate.Agreement.Spans.Gamma;

namespace Annotate.AgreementReports;

/// <summary>Gamma of a set of spans as reports show it: undefined figures are null and the notes say why.</summary>
/// <param name="Gamma">γ = 1 − observed / expected disorder.</param>
/// <param name="ObservedDisorder">Disorder of the best alignment.</param>
/// <param name="ExpectedDisorder">Mean disorder of the random continua.</param>
/// <param name="Precision">Standard error of the expected disorder.</param>
/// <param name="Samples">Random continua drawn.</param>
/// <param name="Notes">Why a figure is missing, and what was left out.</param>
public sealed record SpanGamma(double? Gamma, double? ObservedDisorder, double? ExpectedDisorder, double? Precision, int Samples, IReadOnlyList<string> Notes)
{
    /// <summary>Gamma of the data, by the options given.</summary>
    public static SpanGamma Of(SpanData data, GammaOptions options, GammaLimits? limits = null) =>
        Of(GammaAgreement.Compute(data.Spans, data.Continua, options, data.CodersByDocument, limits));

    /// <summary>A computed result as reports show it.</summary>
    public static SpanGamma Of(GammaResult result)
    {
        var notes = result.Notes.Select(n => "gamma: " + n).ToList();
        var gamma = SpanFigures.Value(result.Gamma, "gamma", notes);
        return new SpanGamma(gamma, Finite(result.ObservedDisorder), Finite(result.ExpectedDisorder), Finite(result.ExpectedStandardError), result.Samples, notes);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
