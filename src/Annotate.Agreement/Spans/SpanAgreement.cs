namespace Annotate.Agreement.Spans;

/// <summary>
/// Agreement on labelled spans between coders. Overlapping and stacked spans (several labels on one stretch, or
/// one coder's spans overlapping each other) are all kept: matching is one-to-one, so nothing is dropped. Pairs
/// are formed per document; coders with no spans in a document still count (their missing spans are misses).
/// The matching step is separate from the scoring so that other measures (unitizing alpha, gamma) can reuse it.
/// </summary>
public static class SpanAgreement
{
    /// <summary>Pairwise F1 over all coder pairs, optionally for one label only.</summary>
    /// <param name="spans">Every span.</param>
    /// <param name="matching">Exact or overlap matching.</param>
    /// <param name="label">Only this label's spans, or all.</param>
    /// <param name="codersByDocument">Who annotated each document, when known: someone who marked nothing (of
    /// these spans) there still takes part, and everything the others marked is a miss against them.</param>
    public static SpanF1 PairwiseF1(IReadOnlyList<LabelledSpan> spans, SpanMatching matching, string? label = null,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? codersByDocument = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var selected = label is null ? spans : spans.Where(s => s.Label == label).ToList();
        long matches = 0, counted = 0;
        foreach (var (first, second) in CoderPairs(spans, selected, codersByDocument))
        {
            matches += matching == SpanMatching.Exact ? SpanMatcher.CountExact(first, second) : SpanMatcher.CountByOverlap(first, second);
            counted += first.Count + second.Count;
        }

        var f1 = counted == 0 ? Coefficient.NotDefined("no pair of coders marked any span") : Coefficient.Of(2.0 * matches / counted);
        return new SpanF1(f1, matches, counted);
    }

    /// <summary>Pairwise F1 for each label that any coder used.</summary>
    public static IReadOnlyDictionary<string, SpanF1> PairwiseF1ByLabel(IReadOnlyList<LabelledSpan> spans, SpanMatching matching,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? codersByDocument = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        return spans.Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(l => l, l => PairwiseF1(spans, matching, l, codersByDocument), StringComparer.Ordinal);
    }

    /// <summary>
    /// One document's matches for every pair of <paramref name="coders"/> and every label, exact and by overlap, in
    /// one go: what <see cref="PairwiseF1"/> counts once per label, matching and pair. Spans of different labels never
    /// match, so each label's matches are found among its own spans and add up to the matches over all labels.
    /// </summary>
    /// <param name="spans">The document's spans.</param>
    /// <param name="coders">Who annotated the document, each pair once (in the order given); spans of others are ignored.</param>
    public static IReadOnlyList<PairMatches> MatchesByPair(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<string> coders)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(coders);
        // Each label's spans by coder (an index into the distinct coders), in the order given: the greedy overlap
        // matching breaks ties by position in the list.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var coder in coders)
            index.TryAdd(coder, index.Count);
        var byLabel = new Dictionary<string, List<LabelledSpan>?[]>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            if (!index.TryGetValue(span.Coder, out var c))
                continue;
            if (!byLabel.TryGetValue(span.Label, out var byCoder))
                byLabel[span.Label] = byCoder = new List<LabelledSpan>?[index.Count];
            (byCoder[c] ??= []).Add(span);
        }

        List<LabelledSpan> none = [];
        var result = new List<PairMatches>();
        for (var i = 0; i < coders.Count; i++)
        {
            for (var j = i + 1; j < coders.Count; j++)
            {
                var (first, second) = (index[coders[i]], index[coders[j]]);
                var labels = new Dictionary<string, LabelMatches>(StringComparer.Ordinal);
                foreach (var (label, byCoder) in byLabel)
                {
                    if (byCoder[first] is null && byCoder[second] is null)
                        continue;
                    var a = byCoder[first] ?? none;
                    var b = byCoder[second] ?? none;
                    labels[label] = new LabelMatches(SpanMatcher.CountExact(a, b), SpanMatcher.CountByOverlap(a, b), a.Count + b.Count);
                }

                result.Add(new PairMatches(coders[i], coders[j], labels));
            }
        }

        return result;
    }

    /// <summary>Exact agreements and the kinds of disagreement, over all coder pairs.</summary>
    public static SpanDisagreements Disagreements(IReadOnlyList<LabelledSpan> spans,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? codersByDocument = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        long agree = 0, boundary = 0, label = 0, both = 0, missed = 0;
        foreach (var (first, second) in CoderPairs(spans, spans, codersByDocument))
        {
            var counts = SpanComparison.Count(first, second);
            (agree, boundary, label, both, missed) =
                (agree + counts.Agreements, boundary + counts.Boundary, label + counts.Label, both + counts.BoundaryAndLabel, missed + counts.Missed);
        }

        return new SpanDisagreements(agree, boundary, label, both, missed);
    }

    /// <summary>Every unordered pair of coders in every document, with each coder's selected spans there.</summary>
    private static IEnumerable<(List<LabelledSpan> First, List<LabelledSpan> Second)> CoderPairs(IReadOnlyList<LabelledSpan> all, IReadOnlyList<LabelledSpan> selected,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? codersByDocument)
    {
        // Coders are those who annotated the document (when known), else those who marked anything there, whatever
        // the label: a coder who gave a stretch another label, or nothing of this label, still disagrees with those
        // who did. Grouped once: looking spans up per document and coder would cost documents × coders × spans.
        // Loops rather than LINQ, and the grouped lists handed out as they are (the matchings only read them): a
        // project report calls this for every layer of every document.
        var selectedBy = new Dictionary<(string Document, string Coder), List<LabelledSpan>>();
        foreach (var span in selected)
        {
            if (!selectedBy.TryGetValue((span.Document, span.Coder), out var list))
                selectedBy[(span.Document, span.Coder)] = list = [];
            list.Add(span);
        }

        var codersOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var span in all)
        {
            if (!codersOf.TryGetValue(span.Document, out var coders))
                codersOf[span.Document] = coders = new HashSet<string>(StringComparer.Ordinal);
            coders.Add(span.Coder);
        }

        foreach (var (document, listed) in codersByDocument ?? new Dictionary<string, IReadOnlyCollection<string>>())
        {
            if (!codersOf.TryGetValue(document, out var coders))
                codersOf[document] = coders = new HashSet<string>(StringComparer.Ordinal);
            coders.UnionWith(listed);
        }

        var documents = new List<string>(codersOf.Keys);
        documents.Sort(StringComparer.Ordinal);
        List<LabelledSpan> none = [];
        foreach (var document in documents)
        {
            var coders = new List<string>(codersOf[document]);
            coders.Sort(StringComparer.Ordinal);
            var byCoder = new List<LabelledSpan>[coders.Count];
            for (var c = 0; c < coders.Count; c++)
                byCoder[c] = selectedBy.GetValueOrDefault((document, coders[c])) ?? none;
            for (var i = 0; i < coders.Count; i++)
            {
                for (var j = i + 1; j < coders.Count; j++)
                {
                    yield return (byCoder[i], byCoder[j]);
                }
            }
        }
    }
}
