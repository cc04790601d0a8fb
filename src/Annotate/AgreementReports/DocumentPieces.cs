using System.Collections.Concurrent;
using Annotate.Agreement;
using Annotate.Agreement.Spans;
using Annotate.Annotations;

namespace Annotate.AgreementReports;

/// <summary>
/// One document's share of a project's agreement: everything that adds up over documents (coincidence matrices,
/// span matches, disagreement counts), computed once per document revision. A project report sums the pieces, so
/// a save recomputes one document, not the project.
/// </summary>
internal sealed class DocumentPieces
{
    private DocumentPieces(AgreementDocument document, string revision, IReadOnlyList<string> coders, IReadOnlyList<AgreementAnnotation> annotations,
        IReadOnlyDictionary<string, LayerPiece> spanLayers, LayerPiece pooled, int leftOut)
    {
        Document = document;
        LeftOut = leftOut;
        Revision = revision;
        Coders = coders;
        Annotations = annotations;
        SpanLayers = spanLayers;
        Pooled = pooled;
        var only = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [document.Id] = coders };
        var data = new SpanData(pooled.Spans, [new Continuum(document.Id, 0, document.Text.Length)], only, document.Tokens);
        Row = new DocumentFigures(document.Id, document.Title, coders.Count, pooled.Spans.Count,
            pooled.Spans.Count == 0 ? null : SpanFigures.UnitizingAlpha(data, [], byLabel: false).Overall,
            pooled.Spans.Count == 0 ? null : SpanFigures.Value(CodingAgreement.KrippendorffAlpha(pooled.Tokens).Alpha, "", null),
            pooled.Spans.Count == 0 ? null : SpanFigures.Value(pooled.Overlap.F1, "", null));
    }

    private readonly ConcurrentDictionary<string, LayerPiece> unmarked = new(StringComparer.Ordinal);

    public AgreementDocument Document { get; }

    /// <summary>What the pieces were computed from: the text version and the document's last change.</summary>
    public string Revision { get; }

    /// <summary>Annotations still on an older text version, left out until they are moved onto the current one.</summary>
    public int LeftOut { get; }

    /// <summary>Everyone who annotated the document, in any layer: marking nothing in a layer is a reading too.</summary>
    public IReadOnlyList<string> Coders { get; }

    public IReadOnlyList<AgreementAnnotation> Annotations { get; }

    /// <summary>Per span layer (by layer id).</summary>
    public IReadOnlyDictionary<string, LayerPiece> SpanLayers { get; }

    /// <summary>All span layers together, labels known by their layer ("frame/protest").</summary>
    public LayerPiece Pooled { get; }

    /// <summary>A span layer here; for a layer nobody marked in this document, everyone's "none" everywhere.</summary>
    public LayerPiece Layer(string layer) =>
        SpanLayers.TryGetValue(layer, out var piece) ? piece : unmarked.GetOrAdd(layer, _ => new LayerPiece(Document, Coders, []));

    /// <summary>The document's row in the per-document table.</summary>
    public DocumentFigures Row { get; }

    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> CodersByDocument =>
        new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [Document.Id] = Coders };

    public static DocumentPieces Compute(AgreementDocument document, string revision, IReadOnlyList<AgreementAnnotation> annotations, int leftOut = 0)
    {
        var coders = annotations.Select(a => a.AnnotatorId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var spans = annotations.Where(a => a is { Kind: Annotation.SpanKind, StartOffset: not null, EndOffset: not null }).ToList();
        var layers = spans.GroupBy(a => a.Layer, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => new LayerPiece(document, coders, g.Select(a => Span(a, a.Label)).ToList()), StringComparer.Ordinal);
        var pooled = new LayerPiece(document, coders, spans.Select(a => Span(a, $"{a.Layer}/{a.Label}")).ToList());
        return new DocumentPieces(document, revision, coders, annotations, layers, pooled, leftOut);
    }

    private static LabelledSpan Span(AgreementAnnotation a, string label) =>
        new(a.DocumentId, a.AnnotatorId, (int)a.StartOffset!.Value, (int)a.EndOffset!.Value, label);
}

/// <summary>One layer (or all layers pooled) of one document: its spans and the figures that add up over documents.</summary>
internal sealed class LayerPiece
{
    private readonly ConcurrentDictionary<(string, string), (CoincidenceMatrix Tokens, SpanF1 Overlap)> pairs = new();
    private readonly Lazy<CoincidenceMatrix> allNo;
    private readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> coders;

    public LayerPiece(AgreementDocument document, IReadOnlyList<string> documentCoders, List<LabelledSpan> spans)
    {
        Spans = spans;
        coders = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [document.Id] = documentCoders };
        Ratings = TokenRatings.Build(spans, document.Tokens, coders);
        Tokens = Ratings.Coincidences();
        Exact = SpanAgreement.PairwiseF1(spans, SpanMatching.Exact, null, coders);
        Overlap = SpanAgreement.PairwiseF1(spans, SpanMatching.Overlap, null, coders);
        Disagreements = SpanAgreement.Disagreements(spans, coders);
        Labels = [.. spans.Select(s => s.Label).Distinct(StringComparer.Ordinal)];
        TokensByLabel = Labels.ToDictionary(l => l, l => Ratings.ForLabel(l).Coincidences(), StringComparer.Ordinal);
        F1ByLabel = Labels.ToDictionary(l => l, l => (SpanAgreement.PairwiseF1(spans, SpanMatching.Exact, l, coders), SpanAgreement.PairwiseF1(spans, SpanMatching.Overlap, l, coders)), StringComparer.Ordinal);
        // A label nobody used here: every token is "no" for everyone, which still counts as agreement on "no".
        allNo = new Lazy<CoincidenceMatrix>(() => Ratings.ForLabel("\u0000unused").Coincidences());
    }

    public List<LabelledSpan> Spans { get; }

    public TokenRatings Ratings { get; }

    /// <summary>Token-level coincidences over all labels (stacked labels one value, "none" where unmarked).</summary>
    public CoincidenceMatrix Tokens { get; }

    public SpanF1 Exact { get; }

    public SpanF1 Overlap { get; }

    public SpanDisagreements Disagreements { get; }

    public IReadOnlyList<string> Labels { get; }

    private Dictionary<string, CoincidenceMatrix> TokensByLabel { get; }

    private Dictionary<string, (SpanF1 Exact, SpanF1 Overlap)> F1ByLabel { get; }

    /// <summary>Token coincidences of "this label or not".</summary>
    public CoincidenceMatrix TokensOf(string label) => TokensByLabel.TryGetValue(label, out var matrix) ? matrix : allNo.Value;

    /// <summary>Span F1 of one label (nothing to count when nobody used it here).</summary>
    public (SpanF1 Exact, SpanF1 Overlap)? F1Of(string label) => F1ByLabel.TryGetValue(label, out var f1) ? f1 : null;

    /// <summary>Two annotators' token coincidences and overlap F1 here (both must have annotated the document).</summary>
    public (CoincidenceMatrix Tokens, SpanF1 Overlap) Pair(string a, string b) => pairs.GetOrAdd((a, b), key =>
    {
        var both = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [coders.Keys.Single()] = [key.Item1, key.Item2] };
        return (Ratings.Coincidences([key.Item1, key.Item2]),
            SpanAgreement.PairwiseF1(Spans.Where(s => s.Coder == key.Item1 || s.Coder == key.Item2).ToList(), SpanMatching.Overlap, null, both));
    });
}
