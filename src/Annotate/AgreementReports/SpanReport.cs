using Annotate.Agreement;
using Annotate.Agreement.Spans;

namespace Annotate.AgreementReports;

/// <summary>
/// Span agreement as `annotate agreement --spans FILE --format json` prints it (a public contract, README):
/// unitizing alpha overall and per label, pairwise span F1, token alpha when the texts are known, and the
/// disagreement breakdown. A figure that does not apply is null and <see cref="Notes"/> says why.
/// </summary>
public sealed record SpanReport(
    int Documents,
    int Coders,
    int Spans,
    double? AlphaU,
    IReadOnlyDictionary<string, double?> AlphaUByLabel,
    double? SpanF1Exact,
    double? SpanF1Overlap,
    double? TokenAlpha,
    SpanDisagreements Disagreements,
    IReadOnlyList<string> Notes);

/// <summary>What span agreement is computed over: the spans, each document's continuum, its coders and (when the text is known) its tokens.</summary>
/// <param name="Spans">Every span of the layer (or file).</param>
/// <param name="Continua">Each document's continuum.</param>
/// <param name="CodersByDocument">Who annotated each document (someone who marked nothing there still disagrees with those who did).</param>
/// <param name="Tokens">The documents' tokens, or null when the texts are unknown (token alpha is then left out).</param>
public sealed record SpanData(
    IReadOnlyList<LabelledSpan> Spans,
    IReadOnlyList<Continuum> Continua,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> CodersByDocument,
    IReadOnlyList<Token>? Tokens)
{
    /// <summary>Every coder of any document, in ordinal order.</summary>
    public IReadOnlyList<string> Coders { get; } = [.. CodersByDocument.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The same data restricted to some coders (a pair, a group).</summary>
    public SpanData Only(IReadOnlyCollection<string> coders)
    {
        var kept = CodersByDocument.ToDictionary(d => d.Key, d => (IReadOnlyCollection<string>)d.Value.Where(coders.Contains).ToList(), StringComparer.Ordinal);
        return new SpanData(Spans.Where(s => coders.Contains(s.Coder)).ToList(), Continua, kept, Tokens);
    }
}

internal static class SpanFigures
{
    /// <summary>The --spans report of the command line.</summary>
    public static SpanReport Report(SpanData data)
    {
        var notes = new List<string>();
        var alphaU = UnitizingAlpha(data, notes);
        var tokenAlpha = data.Tokens is null ? null : Value(TokenRatings.Build(data.Spans, data.Tokens, data.CodersByDocument).Alpha().Alpha, "tokenAlpha", notes);
        if (data.Tokens is null)
        {
            notes.Add("tokenAlpha: the document texts are unknown (use --project with the running database to have them).");
        }

        return new SpanReport(
            data.Continua.Count, data.Coders.Count, data.Spans.Count,
            alphaU.Overall, alphaU.ByLabel,
            Value(SpanAgreement.PairwiseF1(data.Spans, SpanMatching.Exact, null, data.CodersByDocument).F1, "spanF1Exact", notes),
            Value(SpanAgreement.PairwiseF1(data.Spans, SpanMatching.Overlap, null, data.CodersByDocument).F1, "spanF1Overlap", notes),
            tokenAlpha, SpanAgreement.Disagreements(data.Spans, data.CodersByDocument), notes);
    }

    /// <summary>
    /// αu overall and per label. αu is defined for one set of coders over the whole continuum: when documents were
    /// annotated by different people, the overall figure is left undefined (per-document figures still apply).
    /// </summary>
    public static (double? Overall, IReadOnlyDictionary<string, double?> ByLabel) UnitizingAlpha(SpanData data, List<string> notes, bool byLabel = true)
    {
        var continua = data.Continua.Where(c => data.CodersByDocument.TryGetValue(c.Document, out var coders) && coders.Count > 0).ToList();
        var coderSets = continua.Select(c => string.Join('\n', data.CodersByDocument[c.Document].Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count();
        if (coderSets > 1)
        {
            notes.Add("alphaU: the documents were annotated by different sets of people; unitizing alpha needs the same coders over the whole continuum, so it is given per document only.");
            return (null, new Dictionary<string, double?>(StringComparer.Ordinal));
        }

        var coders = data.Coders;
        // Overall and per label from one layout of the spans (a layer of a large project has hundreds of thousands).
        var (overall, alphaByLabel) = byLabel ? UnitizingAgreement.AlphaAndByLabel(data.Spans, continua, coders) : (UnitizingAgreement.Alpha(data.Spans, continua, coders), null);
        if (overall.MergedSpans > 0)
        {
            notes.Add($"alphaU: {overall.MergedSpans} overlapping span(s) of one annotator with the same label were merged into their union (unitizing alpha does not allow one coder's units of a label to overlap).");
        }

        var labels = alphaByLabel is null ? new Dictionary<string, double?>(StringComparer.Ordinal) : alphaByLabel
            .ToDictionary(l => l.Key, l => Value(l.Value.Alpha, $"alphaUByLabel.{l.Key}", notes), StringComparer.Ordinal);
        return (Value(overall.Alpha, "alphaU", notes), labels);
    }

    /// <summary>A coefficient's value, or null with a note saying why.</summary>
    public static double? Value(Coefficient coefficient, string name, List<string>? notes)
    {
        if (coefficient.IsDefined)
        {
            return coefficient.Value;
        }

        notes?.Add($"{name}: {coefficient.Undefined}");
        return null;
    }
}
