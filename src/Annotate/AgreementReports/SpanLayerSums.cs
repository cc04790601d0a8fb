using Annotate.Agreement;
using Annotate.Agreement.Spans;

namespace Annotate.AgreementReports;

/// <summary>
/// One span layer's figures summed over documents as they are added: token coincidences overall, per label and per
/// annotator pair, span matches and disagreement counts. Only the spans stay, for unitizing alpha (which needs the
/// whole continuum); each document's piece can be dropped once added. Sums take the documents in the order they
/// come, so the figures are those of <see cref="CoincidenceMatrix.Sum"/> over the same documents in that order.
/// </summary>
internal sealed class SpanLayerSums
{
    private readonly Dictionary<string, LabelSums> byLabel;
    private readonly Dictionary<(string, string), PairSums> pairs = [];
    private readonly PairCategories pairCategories = new();
    private readonly List<LabelledSpan> spans = [];
    private readonly List<(int First, int Count)> spansOfDocument = [];
    private readonly List<string> used = [];
    private readonly Dictionary<string, int> spansOfLabel = new(StringComparer.Ordinal);
    private long exactMatches, exactSpans, overlapMatches, overlapSpans;
    private SpanDisagreements disagreements = new(0, 0, 0, 0, 0);

    /// <param name="labels">Every label the layer's spans may have (more is harmless: an unused label is dropped).</param>
    public SpanLayerSums(IEnumerable<string> labels) =>
        byLabel = labels.Distinct(StringComparer.Ordinal).ToDictionary(l => l, _ => new LabelSums(), StringComparer.Ordinal);

    public CoincidenceSum Tokens { get; } = new();

    /// <summary>Every span, in the order of the documents.</summary>
    public IReadOnlyList<LabelledSpan> Spans => spans;

    /// <summary>The labels used, in order of first use.</summary>
    public IReadOnlyList<string> Used => used;

    public int SpansOf(string label) => spansOfLabel.GetValueOrDefault(label);

    public SpanF1 Exact => ProjectAgreement.Sum(exactMatches, exactSpans);

    public SpanF1 Overlap => ProjectAgreement.Sum(overlapMatches, overlapSpans);

    public SpanDisagreements Disagreements => disagreements;

    /// <summary>Adds a document's piece of this layer; <paramref name="coders"/> are the document's, in ordinal order.</summary>
    public void Add(LayerPiece piece, IReadOnlyList<string> coders)
    {
        spansOfDocument.Add((spans.Count, piece.Spans.Count));
        foreach (var span in piece.Spans)
        {
            spans.Add(span);
            if (spansOfLabel.TryGetValue(span.Label, out var count))
            {
                spansOfLabel[span.Label] = count + 1;
            }
            else
            {
                spansOfLabel[span.Label] = 1;
                used.Add(span.Label);
                if (!byLabel.ContainsKey(span.Label))
                    throw new InvalidOperationException($"Label '{span.Label}' was not announced to the layer's sums.");
            }
        }

        Tokens.Add(piece.Tokens);
        (exactMatches, exactSpans) = (exactMatches + piece.Exact.Matches, exactSpans + piece.Exact.Spans);
        (overlapMatches, overlapSpans) = (overlapMatches + piece.Overlap.Matches, overlapSpans + piece.Overlap.Spans);
        var d = piece.Disagreements;
        disagreements = new SpanDisagreements(disagreements.Agreements + d.Agreements, disagreements.Boundary + d.Boundary, disagreements.Label + d.Label,
            disagreements.BoundaryAndLabel + d.BoundaryAndLabel, disagreements.Missed + d.Missed);
        foreach (var (label, sums) in byLabel)
        {
            sums.Tokens.Add(piece.TokensOf(label));
            if (piece.F1Of(label) is { } f1)
                sums.Add(f1.Exact, f1.Overlap);
        }

        if (coders.Count > AgreementOptions.MaxListedAnnotators)
            return; // no pair table then (the whole layer has more annotators still)
        if (piece.PairCounts is { } counts && counts.PairCount == coders.Count * (coders.Count - 1) / 2)
        {
            // Every pair's counts added as they are: the document's values looked up once for all its pairs.
            var values = counts.Values;
            Span<int> index = values.Count <= 64 ? stackalloc int[values.Count] : new int[values.Count];
            for (var v = 0; v < values.Count; v++)
                index[v] = pairCategories.IndexOf(values[v]);
            for (var p = 0; p < counts.PairCount; p++)
            {
                var (a, b) = counts.PairAt(p);
                PairOf(a, b).Add(counts, p, index, piece.PairOverlapOf(a, b));
            }

            return;
        }

        for (var i = 0; i < coders.Count; i++)
        {
            for (var j = i + 1; j < coders.Count; j++)
            {
                var (tokens, overlap) = piece.Pair(coders[i], coders[j]);
                PairOf(coders[i], coders[j]).Add(tokens, pairCategories, overlap);
            }
        }
    }

    private PairSums PairOf(string a, string b)
    {
        if (!pairs.TryGetValue((a, b), out var pair))
            pairs[(a, b)] = pair = new PairSums();
        return pair;
    }

    /// <summary>The spans of the <paramref name="document"/>-th document added.</summary>
    public IEnumerable<LabelledSpan> SpansOfDocument(int document)
    {
        var (first, count) = spansOfDocument[document];
        for (var i = first; i < first + count; i++)
            yield return spans[i];
    }

    /// <summary>A label's token coincidences ("this label or not") and span F1 sums; null F1 when no document had it.</summary>
    public (CoincidenceMatrix Tokens, SpanF1? Exact, SpanF1? Overlap) Label(string label)
    {
        var sums = byLabel[label];
        return (sums.Tokens.ToMatrix(), sums.Documents == 0 ? null : ProjectAgreement.Sum(sums.ExactMatches, sums.ExactSpans),
            sums.Documents == 0 ? null : ProjectAgreement.Sum(sums.OverlapMatches, sums.OverlapSpans));
    }

    /// <summary>Two annotators' token coincidences and overlap F1 over the documents both annotated, or null when there are none.</summary>
    public (CoincidenceMatrix Tokens, SpanF1 Overlap)? Pair(string a, string b) =>
        pairs.TryGetValue((a, b), out var pair) ? (pair.Tokens(pairCategories), ProjectAgreement.Sum(pair.Overlap.Matches, pair.Overlap.Spans)) : null;

    private sealed class LabelSums
    {
        public CoincidenceSum Tokens { get; } = new();

        public int Documents { get; private set; }

        public long ExactMatches { get; private set; }

        public long ExactSpans { get; private set; }

        public long OverlapMatches { get; private set; }

        public long OverlapSpans { get; private set; }

        public void Add(SpanF1 exact, SpanF1 overlap)
        {
            Documents++;
            (ExactMatches, ExactSpans) = (ExactMatches + exact.Matches, ExactSpans + exact.Spans);
            (OverlapMatches, OverlapSpans) = (OverlapMatches + overlap.Matches, OverlapSpans + overlap.Spans);
        }
    }

    /// <summary>
    /// One pair's token coincidences summed as whole-number counts over the layer's values (<see cref="PairCategories"/>):
    /// every per-document cell is a count, so the sum is exact in any order and its matrix the one
    /// <see cref="CoincidenceSum"/> gives of the per-document matrices.
    /// </summary>
    private sealed class PairSums
    {
        private long[] cells = [];
        private bool[] used = [];
        private int pairable;

        public (long Matches, long Spans) Overlap { get; private set; }

        public void Add(PairCoincidenceCounts counts, int pair, ReadOnlySpan<int> index, SpanF1 overlap)
        {
            var k = counts.Values.Count;
            var size = 0;
            for (var v = 0; v < k; v++)
                size = counts.Used(pair, v) ? Math.Max(size, index[v] + 1) : size;
            Grow(size);
            for (var r = 0; r < k; r++)
            {
                if (!counts.Used(pair, r))
                    continue;
                var row = index[r];
                used[row] = true;
                for (var c = 0; c < k; c++)
                {
                    if (counts.Used(pair, c))
                        cells[(row * used.Length) + index[c]] += counts.Count(pair, r, c);
                }
            }

            pairable += counts.PairableUnits(pair);
            Overlap = (Overlap.Matches + overlap.Matches, Overlap.Spans + overlap.Spans);
        }

        /// <summary>Adds a matrix computed from kept ratings (its cells whole numbers, as counts are).</summary>
        public void Add(CoincidenceMatrix matrix, PairCategories categories, SpanF1 overlap)
        {
            var k = matrix.Categories.Count;
            for (var r = 0; r < k; r++)
            {
                var row = categories.IndexOf(matrix.Categories[r]);
                Grow(row + 1);
                used[row] = true;
                for (var c = 0; c < k; c++)
                {
                    var column = categories.IndexOf(matrix.Categories[c]);
                    Grow(column + 1);
                    cells[(row * used.Length) + column] += (long)matrix[r, c];
                }
            }

            pairable += matrix.PairableUnits;
            Overlap = (Overlap.Matches + overlap.Matches, Overlap.Spans + overlap.Spans);
        }

        /// <summary>The sum as a matrix: the values the pair used, in ordinal order.</summary>
        public CoincidenceMatrix Tokens(PairCategories categories)
        {
            var order = Enumerable.Range(0, used.Length).Where(v => used[v]).OrderBy(v => categories[v], StringComparer.Ordinal).ToArray();
            var result = new double[order.Length * order.Length];
            for (var r = 0; r < order.Length; r++)
                for (var c = 0; c < order.Length; c++)
                    result[(r * order.Length) + c] = cells[(order[r] * used.Length) + order[c]];
            return CoincidenceMatrix.FromCells([.. order.Select(v => categories[v])], result, pairable);
        }

        private void Grow(int size)
        {
            if (size <= used.Length)
                return;
            var wider = Math.Max(size, Math.Max(4, used.Length * 2));
            var grown = new long[wider * wider];
            for (var r = 0; r < used.Length; r++)
                Array.Copy(cells, r * used.Length, grown, r * wider, used.Length);
            Array.Resize(ref used, wider);
            cells = grown;
        }
    }
}

/// <summary>The values a layer's pairs rated with, each given an index on first sight (shared by all the layer's pairs).</summary>
internal sealed class PairCategories
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> names = [];

    public string this[int i] => names[i];

    public int IndexOf(string value)
    {
        if (!index.TryGetValue(value, out var i))
        {
            index[value] = i = names.Count;
            names.Add(value);
        }

        return i;
    }
}
