namespace Annotate.Agreement.Spans;

/// <summary>Krippendorff's unitizing alpha with its observed and expected disagreement.</summary>
/// <param name="Alpha">αu = 1 − D_o / D_e, or undefined (NaN with a reason).</param>
/// <param name="ObservedDisagreement">D_o (for all labels: the mean over labels); NaN when nothing could be computed.</param>
/// <param name="ExpectedDisagreement">D_e (for all labels: the mean over labels); NaN when nothing could be computed.</param>
public sealed record UnitizingAlphaResult(Coefficient Alpha, double ObservedDisagreement, double ExpectedDisagreement)
{
    /// <summary>
    /// Spans merged into an overlapping span of the same coder and label before computing (αu does not allow one
    /// coder's units of one category to overlap). Worth a note to the user when not 0.
    /// </summary>
    public int MergedSpans { get; init; }
}

/// <summary>
/// Krippendorff's unitizing alpha αu (Krippendorff 1995, "On the reliability of unitizing continuous data";
/// 2004, "Measuring the reliability of qualitative text analysis data"), computed as DKPro Agreement's
/// KrippendorffAlphaUnitizingAgreement does. Each label is a category with its own units and gaps, so spans of
/// different labels may overlap freely. Observed disagreement sums, over every ordered pair of coders, the squared
/// distances between overlapping units ((start difference)² + (end difference)²) and l² for a unit lying wholly in
/// the other coder's gap, divided by m(m − 1)L². Expected disagreement is Krippendorff's 2004 formula over all
/// possible placements of the observed units in the observed gaps. The value for all labels is 1 − mean D_o / mean
/// D_e over the labels used, as in DKPro.
/// </summary>
/// <remarks>
/// Coders: by default everyone with a span in the data; a listed coder with no spans in a document marked nothing
/// there (all gap), and spans of coders left out of an explicit list are not counted. Several documents form one
/// continuum, laid end to end in ordinal order of their names, so spans never pair across documents (a gap touching
/// a document boundary joins the next document's gap, which only affects D_e). A span not on a listed document or
/// outside its document's continuum throws <see cref="ArgumentException"/>. One coder's overlapping spans of one
/// label are merged into their union, counted in <see cref="UnitizingAlphaResult.MergedSpans"/>. Undefined (NaN
/// with a reason): fewer than two coders, no spans, or D_e = 0. Time O(m · n + n log n) per label for n units and
/// m coders; memory linear in the spans, independent of the continuum's length.
/// </remarks>
public static class UnitizingAgreement
{
    /// <summary>αu over all labels, or for <paramref name="label"/> only.</summary>
    public static UnitizingAlphaResult Alpha(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<Continuum> continua, IReadOnlyList<string>? coders = null, string? label = null)
    {
        var data = UnitizingData.Build(spans, continua, coders);
        return label is null ? Overall(data) : ForLabel(data, label);
    }

    /// <summary>αu for each label used by a counted coder, in ordinal order of the labels.</summary>
    public static IReadOnlyDictionary<string, UnitizingAlphaResult> AlphaByLabel(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<Continuum> continua, IReadOnlyList<string>? coders = null)
    {
        var data = UnitizingData.Build(spans, continua, coders);
        return data.Labels.ToDictionary(l => l, l => ForLabel(data, l), StringComparer.Ordinal);
    }

    /// <summary>αu over all labels and for each label (as <see cref="Alpha"/> and <see cref="AlphaByLabel"/>), laying the spans out once.</summary>
    public static (UnitizingAlphaResult Overall, IReadOnlyDictionary<string, UnitizingAlphaResult> ByLabel) AlphaAndByLabel(IReadOnlyList<LabelledSpan> spans,
        IReadOnlyList<Continuum> continua, IReadOnlyList<string>? coders = null)
    {
        var data = UnitizingData.Build(spans, continua, coders);
        if (data.Coders.Count < 2)
            return (Overall(data), data.Labels.ToDictionary(l => l, l => ForLabel(data, l), StringComparer.Ordinal));
        // Each label's D_o and D_e once: the overall figure is their mean, summed in the same (ordinal) order as Overall.
        var byLabel = new Dictionary<string, UnitizingAlphaResult>(StringComparer.Ordinal);
        double observed = 0, expected = 0;
        var merged = 0;
        foreach (var label in data.Labels)
        {
            var segments = data.For(label)!;
            var (o, e) = UnitizingDisagreement.Of(segments, data.Coders.Count, data.Length);
            byLabel[label] = Result(o, e, segments.MergedSpans);
            observed += o;
            expected += e;
            merged += segments.MergedSpans;
        }

        var overall = byLabel.Count == 0 ? Undefined("no coder marked any span") : Result(observed / byLabel.Count, expected / byLabel.Count, merged);
        return (overall, byLabel);
    }

    internal static UnitizingAlphaResult ForLabel(UnitizingData data, string label)
    {
        var segments = data.For(label);
        if (data.Coders.Count < 2 || segments is null || segments.UnitCount == 0)
        {
            return Undefined(data.Coders.Count < 2 ? "fewer than two coders" : $"no coder marked a span labelled '{label}'");
        }

        var (observed, expected) = UnitizingDisagreement.Of(segments, data.Coders.Count, data.Length);
        return Result(observed, expected, segments.MergedSpans);
    }

    internal static UnitizingAlphaResult Overall(UnitizingData data)
    {
        var labels = data.Labels.ToList();
        if (data.Coders.Count < 2 || labels.Count == 0)
        {
            return Undefined(data.Coders.Count < 2 ? "fewer than two coders" : "no coder marked any span");
        }

        double observed = 0, expected = 0;
        var merged = 0;
        foreach (var label in labels)
        {
            var segments = data.For(label)!;
            var (o, e) = UnitizingDisagreement.Of(segments, data.Coders.Count, data.Length);
            observed += o;
            expected += e;
            merged += segments.MergedSpans;
        }

        return Result(observed / labels.Count, expected / labels.Count, merged);
    }

    internal static UnitizingAlphaResult Result(double observed, double expected, int merged)
    {
        var alpha = expected > 0
            ? Coefficient.Of(1 - (observed / expected))
            : Coefficient.NotDefined("expected disagreement is 0: the units leave no room for chance placements");
        return new UnitizingAlphaResult(alpha, observed, expected) { MergedSpans = merged };
    }

    internal static UnitizingAlphaResult Undefined(string reason) =>
        new(Coefficient.NotDefined(reason), double.NaN, double.NaN);
}
