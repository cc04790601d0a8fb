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
        for (var i = 0; i < coders.Count; i++)
        {
            for (var j = i + 1; j < coders.Count; j++)
            {
                if (!pairs.TryGetValue((coders[i], coders[j]), out var pair))
                    pairs[(coders[i], coders[j])] = pair = new PairSums();
                var (tokens, overlap) = piece.Pair(coders[i], coders[j]);
                pair.Tokens.Add(tokens);
                pair.Overlap = (pair.Overlap.Matches + overlap.Matches, pair.Overlap.Spans + overlap.Spans);
            }
        }
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
        pairs.TryGetValue((a, b), out var pair) ? (pair.Tokens.ToMatrix(), ProjectAgreement.Sum(pair.Overlap.Matches, pair.Overlap.Spans)) : null;

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

    private sealed class PairSums
    {
        public CoincidenceSum Tokens { get; } = new();

        public (long Matches, long Spans) Overlap { get; set; }
    }
}
