namespace Annotate.Agreement.Spans;

/// <summary>
/// Spans laid out once on the joined continuum (as <see cref="UnitizingAgreement"/> lays them out), for αu over all
/// labels, per label and for any pair of the coders without laying them out again: a layer of a large project has
/// hundreds of thousands of spans, and a report asks for αu of every pair of its annotators. Immutable once built;
/// its methods may run on several threads at once.
/// </summary>
public sealed class UnitizingLayout
{
    private readonly UnitizingData data;
    private readonly Dictionary<string, int> coderIndex = new(StringComparer.Ordinal);
    private readonly Lazy<(LabelSegments Segments, long[][] Gaps)[]> byLabel;

    private UnitizingLayout(UnitizingData data)
    {
        this.data = data;
        foreach (var coder in data.Coders)
            coderIndex[coder] = coderIndex.Count;
        // Each coder's gaps of each label sorted once (only when pairs are asked for): a pair's are the merge of its two coders'.
        byLabel = new(() => [.. data.Labels.Select(l => data.For(l)!).Select(s => (s, s.ByCoder.Select(c => UnitizingDisagreement.SortedGaps(c, data.Length)).ToArray()))]);
    }

    /// <summary>Lays out the spans (see <see cref="UnitizingAgreement.Alpha"/> for the coders and continua).</summary>
    public static UnitizingLayout Build(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<Continuum> continua, IReadOnlyList<string>? coders = null) =>
        new(UnitizingData.Build(spans, continua, coders));

    /// <summary>The coders counted, in the order given (by default, everyone with a span, in ordinal order).</summary>
    public IReadOnlyList<string> Coders => data.Coders;

    /// <summary>αu over all labels: <see cref="UnitizingAgreement.Alpha"/> of the same spans, continua and coders.</summary>
    public UnitizingAlphaResult Alpha() => UnitizingAgreement.Overall(data);

    /// <summary>αu per label: <see cref="UnitizingAgreement.AlphaByLabel"/> of the same spans, continua and coders.</summary>
    public IReadOnlyDictionary<string, UnitizingAlphaResult> AlphaByLabel() =>
        data.Labels.ToDictionary(l => l, l => UnitizingAgreement.ForLabel(data, l), StringComparer.Ordinal);

    /// <summary>
    /// αu over all labels of two of the coders: to the last bit <see cref="UnitizingAgreement.Alpha"/> of the same
    /// spans and continua with coders [<paramref name="first"/>, <paramref name="second"/>] (each coder's units of a
    /// label are merged on their own, so the pair's are the layout's).
    /// </summary>
    public UnitizingAlphaResult PairAlpha(string first, string second)
    {
        if (!coderIndex.TryGetValue(first, out var a) || !coderIndex.TryGetValue(second, out var b))
            throw new ArgumentException($"Both coders must be among the layout's ('{first}', '{second}').");
        if (a == b)
            throw new ArgumentException($"Coder '{first}' is listed twice.");
        double observed = 0, expected = 0;
        int merged = 0, labels = 0;
        foreach (var (segments, gaps) in byLabel.Value)
        {
            if (segments.ByCoder[a].Length + segments.ByCoder[b].Length == 0)
                continue; // a label only others used: the pair's own layout would not have it
            var pair = new LabelSegments([segments.ByCoder[a], segments.ByCoder[b]], [segments.MergedByCoder[a], segments.MergedByCoder[b]]);
            var (o, e) = UnitizingDisagreement.Of(pair, 2, data.Length, [gaps[a], gaps[b]]);
            observed += o;
            expected += e;
            merged += pair.MergedSpans;
            labels++;
        }

        return labels == 0
            ? UnitizingAgreement.Undefined("no coder marked any span")
            : UnitizingAgreement.Result(observed / labels, expected / labels, merged);
    }
}
