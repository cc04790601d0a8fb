using System.Collections.Concurrent;
using Annotate.Agreement;
using Annotate.Agreement.Relations;
using Annotate.Agreement.Spans;
using Annotate.Annotations;
using Annotate.Codebook;

namespace Annotate.AgreementReports;

/// <summary>What a document's pieces keep of it: never its text or tokens (a project of 10,000 documents would hold them all).</summary>
internal sealed record PieceDocument(string Id, string Title, long Version, int Length, int TokenCount, CodebookDefinition? Codebook);

/// <summary>Which token ratings pieces keep beyond their sums: the heavy figures need them, the plain report does not.</summary>
[Flags]
internal enum KeptRatings
{
    None = 0,

    /// <summary>All span layers pooled, with their pair figures: perspective groups.</summary>
    Pooled = 1,

    /// <summary>Each span layer's ratings: the bootstrap of token alpha.</summary>
    Layers = 2,
}

/// <summary>
/// One document's share of a project's agreement: everything that adds up over documents (coincidence matrices,
/// span matches, disagreement counts), computed once per document revision. A project report sums the pieces, so
/// a save recomputes one document, not the project. Pieces keep sums, spans and document labels, not the text,
/// its tokens or the per-token ratings (unless asked to: <see cref="KeptRatings"/>), so that a project's pieces fit
/// in memory at any size.
/// </summary>
internal sealed class DocumentPieces
{
    private DocumentPieces(PieceDocument document, string revision, IReadOnlyList<string> coders, IReadOnlyList<AgreementAnnotation> labels,
        IReadOnlyList<(string Kind, string Layer)> layers, IReadOnlyDictionary<string, LayerPiece> spanLayers, LayerPiece? pooled, DocumentFigures row,
        KeptRatings kept, int leftOut, int annotationCount, RelationPiece relations)
    {
        Document = document;
        Relations = relations;
        AnnotationCount = annotationCount;
        LeftOut = leftOut;
        Revision = revision;
        Coders = coders;
        DocumentLabels = labels;
        Layers = layers;
        SpanLayers = spanLayers;
        pooledPiece = pooled;
        Row = row;
        this.kept = kept;
    }

    private readonly ConcurrentDictionary<string, LayerPiece> unmarked = new(StringComparer.Ordinal);
    private readonly KeptRatings kept;
    private readonly LayerPiece? pooledPiece;

    public PieceDocument Document { get; }

    /// <summary>What the pieces were computed from: the text version and the document's last change.</summary>
    public string Revision { get; }

    /// <summary>How many annotations the pieces were computed from: what they weigh in the server's cache.</summary>
    public int AnnotationCount { get; }

    /// <summary>Annotations still on an older text version, left out until they are moved onto the current one.</summary>
    public int LeftOut { get; }

    /// <summary>Everyone who annotated the document, in any layer: marking nothing in a layer is a reading too.</summary>
    public IReadOnlyList<string> Coders { get; }

    /// <summary>The annotations of document-label layers (spans live in <see cref="SpanLayers"/>).</summary>
    public IReadOnlyList<AgreementAnnotation> DocumentLabels { get; }

    /// <summary>Every (kind, layer) annotated here.</summary>
    public IReadOnlyList<(string Kind, string Layer)> Layers { get; }

    /// <summary>Per span layer (by layer id).</summary>
    public IReadOnlyDictionary<string, LayerPiece> SpanLayers { get; }

    /// <summary>All span layers together, labels known by their layer ("frame/protest"); kept only for perspective groups.</summary>
    public LayerPiece Pooled => pooledPiece ?? throw new InvalidOperationException("These pieces were computed without the pooled ratings perspective groups need.");

    /// <summary>A span layer here; for a layer nobody marked in this document, everyone's "none" everywhere.</summary>
    public LayerPiece Layer(string layer) =>
        SpanLayers.TryGetValue(layer, out var piece) ? piece : unmarked.GetOrAdd(layer, _ =>
            // With no span, ratings depend only on how many tokens there are: stand-in tokens of one character do.
            new LayerPiece(Document.Id, [.. Enumerable.Range(0, Document.TokenCount).Select(i => new Token(Document.Id, i, i + 1))], Coders, [], kept.HasFlag(KeptRatings.Layers)));

    /// <summary>The document's row in the per-document table.</summary>
    public DocumentFigures Row { get; }

    /// <summary>Relation agreement's share of the document (counts per type and type coincidences).</summary>
    public RelationPiece Relations { get; }

    /// <param name="relations">The document's live relations (none when null).</param>
    public static DocumentPieces Compute(AgreementDocument document, string revision, IReadOnlyList<AgreementAnnotation> annotations, int leftOut = 0,
        KeptRatings kept = KeptRatings.None, IReadOnlyList<AgreementRelation>? relations = null)
    {
        var tokens = document.Tokens;
        var coders = annotations.Select(a => a.AnnotatorId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var spans = annotations.Where(a => a is { Kind: Annotation.SpanKind, StartOffset: not null, EndOffset: not null }).ToList();
        var layers = spans.GroupBy(a => a.Layer, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => new LayerPiece(document.Id, tokens, coders, g.Select(a => Span(document.Id, a, a.Label)).ToList(), kept.HasFlag(KeptRatings.Layers)), StringComparer.Ordinal);
        // The pooled layer gives the document's row, and perspective groups their ratings: nothing per label or pair.
        var pooled = new LayerPiece(document.Id, tokens, coders, spans.Select(a => Span(document.Id, a, $"{a.Layer}/{a.Label}")).ToList(),
            keepRatings: kept.HasFlag(KeptRatings.Pooled), summaryOnly: true);
        var only = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [document.Id] = coders };
        var data = new SpanData(pooled.Spans, [new Continuum(document.Id, 0, document.Text.Length)], only, tokens);
        var row = new DocumentFigures(document.Id, document.Title, coders.Count, pooled.Spans.Count,
            pooled.Spans.Count == 0 ? null : SpanFigures.UnitizingAlpha(data, [], byLabel: false).Overall,
            pooled.Spans.Count == 0 ? null : SpanFigures.Value(CodingAgreement.KrippendorffAlpha(pooled.Tokens).Alpha, "", null),
            pooled.Spans.Count == 0 ? null : SpanFigures.Value(pooled.Overlap.F1, "", null));
        var kinds = annotations.Select(a => (a.Kind, a.Layer)).Distinct().ToList();
        return new DocumentPieces(new PieceDocument(document.Id, document.Title, document.Version, document.Text.Length, tokens.Count, document.Codebook),
            revision, coders, [.. annotations.Where(a => a.Kind != Annotation.SpanKind)], kinds, layers,
            kept.HasFlag(KeptRatings.Pooled) ? pooled : null, row, kept, leftOut, annotations.Count + (relations?.Count ?? 0),
            RelationAgreement.Piece(ToLibrary(document, relations ?? []), coders));
    }

    // Relations as the agreement library takes them: direction from the codebook (a type it no longer has counts as
    // directed, the codebook's default), ends labelled "layer/label" (labels of different layers may share an id).
    private static List<LabelledRelation> ToLibrary(AgreementDocument document, IReadOnlyList<AgreementRelation> relations)
    {
        var directed = (document.Codebook?.Relations ?? []).GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Directed, StringComparer.Ordinal);
        return [.. relations.Select(r => new LabelledRelation(document.Id, r.AnnotatorId, r.Type,
            new RelationEnd((int)r.SourceStart, (int)r.SourceEnd, $"{r.SourceLayer}/{r.SourceLabel}"),
            new RelationEnd((int)r.TargetStart, (int)r.TargetEnd, $"{r.TargetLayer}/{r.TargetLabel}"),
            directed.GetValueOrDefault(r.Type, true)))];
    }

    private static LabelledSpan Span(string document, AgreementAnnotation a, string label) =>
        new(document, a.AnnotatorId, (int)a.StartOffset!.Value, (int)a.EndOffset!.Value, label);
}

/// <summary>One layer (or all layers pooled) of one document: its spans and the figures that add up over documents.</summary>
internal sealed class LayerPiece
{
    private readonly ConcurrentDictionary<(string, string), (CoincidenceMatrix Tokens, SpanF1 Overlap)> pairs = new();
    private readonly Dictionary<(string, string), SpanF1> pairOverlap = [];
    private readonly CoincidenceMatrix allNo;
    private readonly string document;
    private readonly TokenRatings? ratings;

    /// <param name="documentCoders">Everyone who annotated the document (all who have a span here among them), in ordinal order.</param>
    /// <param name="keepRatings">Whether to keep the per-token ratings (a bootstrap, groups); otherwise the pair
    /// figures of the document's annotators are computed now and the ratings dropped.</param>
    /// <param name="summaryOnly">Only the spans, token coincidences and overlap F1 (the pooled layer of a document's row).</param>
    public LayerPiece(string document, IReadOnlyList<Token> tokens, IReadOnlyList<string> documentCoders, List<LabelledSpan> spans, bool keepRatings, bool summaryOnly = false)
    {
        this.document = document;
        Spans = spans;
        var coders = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [document] = documentCoders };
        var built = TokenRatings.Build(spans, tokens, coders);
        Tokens = built.Coincidences();
        ratings = keepRatings ? built : null;
        if (summaryOnly)
        {
            Overlap = SpanAgreement.PairwiseF1(spans, SpanMatching.Overlap, null, coders);
            Exact = Overlap;
            Disagreements = new SpanDisagreements(0, 0, 0, 0, 0);
            Labels = [];
            TokensByLabel = [];
            F1ByLabel = [];
            allNo = Tokens;
            return;
        }

        // Every pair's matches per label at once: the layer's F1, each label's and each pair's are sums of them.
        var matches = SpanAgreement.MatchesByPair(spans, documentCoders);
        var spansOfPairs = matches.Sum(p => p.ByLabel.Values.Sum(l => l.Spans));
        Exact = ProjectAgreement.Sum(matches.Sum(p => p.ByLabel.Values.Sum(l => l.Exact)), spansOfPairs);
        // Spans of different labels never match, so the overlap matches over all labels are the sum of each label's.
        Overlap = ProjectAgreement.Sum(matches.Sum(p => p.ByLabel.Values.Sum(l => l.Overlap)), spansOfPairs);
        Disagreements = SpanAgreement.Disagreements(spans, coders);
        Labels = [.. spans.Select(s => s.Label).Distinct(StringComparer.Ordinal)];
        // Every label's matrix in one pass over the tokens; a label nobody used here (every token "no" for everyone,
        // which still counts as agreement on "no") comes with them.
        const string unused = "\u0000unused";
        var byLabel = built.LabelCoincidences([.. Labels, unused]);
        TokensByLabel = Labels.ToDictionary(l => l, l => byLabel[l], StringComparer.Ordinal);
        F1ByLabel = Labels.ToDictionary(l => l, l => (LabelF1(matches, l, m => m.Exact), LabelF1(matches, l, m => m.Overlap)), StringComparer.Ordinal);
        allNo = byLabel[unused];
        if (!keepRatings && documentCoders.Count <= AgreementOptions.MaxListedAnnotators)
        {
            // The pair table needs every pair of the document's annotators: their coincidence counts instead of the
            // ratings, all pairs in one pass over the tokens, added into the sums without a matrix each.
            PairCounts = built.PairCounts(documentCoders);
            foreach (var pair in matches)
                pairOverlap[(pair.A, pair.B)] = ProjectAgreement.Sum(pair.ByLabel.Values.Sum(l => l.Overlap), pair.ByLabel.Values.Sum(l => l.Spans));
        }
    }

    private static SpanF1 LabelF1(IReadOnlyList<PairMatches> matches, string label, Func<LabelMatches, long> matched)
    {
        long found = 0, spans = 0;
        foreach (var pair in matches)
        {
            if (pair.ByLabel.TryGetValue(label, out var m))
                (found, spans) = (found + matched(m), spans + m.Spans);
        }

        return ProjectAgreement.Sum(found, spans);
    }

    public List<LabelledSpan> Spans { get; }

    /// <summary>The per-token ratings, when kept (a bootstrap or perspective groups asked for them).</summary>
    public TokenRatings Ratings => ratings ?? throw new InvalidOperationException("This layer piece was computed without its token ratings.");

    /// <summary>Token-level coincidences over all labels (stacked labels one value, "none" where unmarked).</summary>
    public CoincidenceMatrix Tokens { get; }

    public SpanF1 Exact { get; }

    public SpanF1 Overlap { get; }

    public SpanDisagreements Disagreements { get; }

    public IReadOnlyList<string> Labels { get; }

    private Dictionary<string, CoincidenceMatrix> TokensByLabel { get; }

    private Dictionary<string, (SpanF1 Exact, SpanF1 Overlap)> F1ByLabel { get; }

    /// <summary>Token coincidences of "this label or not".</summary>
    public CoincidenceMatrix TokensOf(string label) => TokensByLabel.TryGetValue(label, out var matrix) ? matrix : allNo;

    /// <summary>Span F1 of one label (nothing to count when nobody used it here).</summary>
    public (SpanF1 Exact, SpanF1 Overlap)? F1Of(string label) => F1ByLabel.TryGetValue(label, out var f1) ? f1 : null;

    /// <summary>
    /// Every pair of the document's annotators' token coincidences as counts, with <see cref="PairOverlapOf"/>, when
    /// the ratings were not kept (the project's sums add them); null when they were (<see cref="Pair"/> computes them).
    /// </summary>
    public PairCoincidenceCounts? PairCounts { get; }

    /// <summary>Two annotators' overlap F1 here, alongside <see cref="PairCounts"/>.</summary>
    public SpanF1 PairOverlapOf(string a, string b) => pairOverlap.TryGetValue((a, b), out var f1) ? f1 : Pair(a, b).Overlap;

    /// <summary>Two annotators' token coincidences and overlap F1 here (both must have annotated the document).</summary>
    public (CoincidenceMatrix Tokens, SpanF1 Overlap) Pair(string a, string b) => pairs.GetOrAdd((a, b), key => ComputePair(key.Item1, key.Item2));

    private (CoincidenceMatrix Tokens, SpanF1 Overlap) ComputePair(string a, string b)
    {
        if (PairCounts is { } counts && pairOverlap.TryGetValue((a, b), out var overlap))
        {
            for (var p = 0; p < counts.PairCount; p++)
            {
                if (counts.PairAt(p) == (a, b))
                    return (counts.Matrix(p), overlap);
            }
        }

        return (Ratings.Coincidences([a, b]), PairOverlap(a, b));
    }

    private SpanF1 PairOverlap(string a, string b)
    {
        var both = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [document] = [a, b] };
        return SpanAgreement.PairwiseF1(Spans.Where(s => s.Coder == a || s.Coder == b).ToList(), SpanMatching.Overlap, null, both);
    }
}
