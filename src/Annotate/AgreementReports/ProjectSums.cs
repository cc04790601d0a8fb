using Annotate.Agreement;
using Annotate.Agreement.Relations;
using Annotate.Agreement.Spans;
using Annotate.Annotations;
using Annotate.Codebook;

namespace Annotate.AgreementReports;

/// <summary>
/// A project's agreement summed document by document: each document's pieces are added and may then be dropped,
/// so memory holds sums (per layer, label and annotator pair), the spans unitizing alpha needs, the document-label
/// annotations and one row per document, never a document's pieces. The command line, the agreement export and
/// the dataset card fold the streamed documents into it; the server adds its cached pieces to it.
/// </summary>
/// <param name="spanLabels">Every span layer and label the documents may hold (a superset is harmless): a layer or
/// label first seen in a late document still counts every earlier one, where it was "none" or "no".</param>
internal sealed class ProjectSums(IReadOnlyDictionary<string, IReadOnlyCollection<string>> spanLabels)
{
    private readonly Dictionary<string, SpanLayerSums> spanLayers = spanLabels.ToDictionary(l => l.Key, l => new SpanLayerSums(l.Value), StringComparer.Ordinal);
    private readonly List<DocumentFigures> rows = [];
    private readonly List<AgreementAnnotation> documentLabels = [];
    private readonly HashSet<(string Kind, string Layer)> layers = [];
    private readonly List<Continuum> continua = [];
    private readonly List<IReadOnlyList<string>> codersOfDocument = [];
    private readonly Dictionary<string, LayerDefinition> definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationDefinition> relationTypes = new(StringComparer.Ordinal);
    private readonly HashSet<CodebookDefinition> codebooksSeen = new(ReferenceEqualityComparer.Instance);
    private CodebookDefinition? firstCodebook;

    /// <summary>The superset of span layers and labels in some pieces (the server's cache, a snapshot).</summary>
    public static Dictionary<string, IReadOnlyCollection<string>> LabelsOf(IEnumerable<DocumentPieces> pieces)
    {
        var labels = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var piece in pieces)
        {
            foreach (var (kind, layer) in piece.Layers)
            {
                if (kind == Annotation.SpanKind && !labels.ContainsKey(layer))
                    labels[layer] = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var (layer, layerPiece) in piece.SpanLayers)
                ((HashSet<string>)labels[layer]).UnionWith(layerPiece.Labels);
        }

        return labels;
    }

    public IReadOnlyList<DocumentFigures> Rows => rows;

    public IReadOnlySet<(string Kind, string Layer)> Layers => layers;

    public IReadOnlyList<AgreementAnnotation> DocumentLabels => documentLabels;

    public IReadOnlyList<Continuum> Continua => continua;

    /// <summary>Who annotated each document added, by position.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CodersOfDocument => codersOfDocument;

    /// <summary>The codebook of the first document that has one: its layers' order is the report's.</summary>
    public CodebookDefinition? FirstCodebook => firstCodebook;

    public SpanLayerSums SpanLayer(string layer) => spanLayers[layer];

    /// <summary>Relation agreement summed over the documents added: counts per type and type coincidences, no relation kept.</summary>
    public RelationAgreementSum Relations { get; } = new();

    /// <summary>The relation types of the documents' codebooks, first definition of each, in codebook order.</summary>
    public IReadOnlyCollection<RelationDefinition> RelationTypes => relationTypes.Values;

    /// <summary>The first definition of a layer in the documents' codebooks, in document order.</summary>
    public LayerDefinition? Definition(string layer) => definitions.GetValueOrDefault(layer);

    public void Add(DocumentPieces piece)
    {
        rows.Add(piece.Row);
        documentLabels.AddRange(piece.DocumentLabels);
        foreach (var layer in piece.Layers)
        {
            if (layers.Add(layer) && layer.Kind == Annotation.SpanKind && !spanLayers.ContainsKey(layer.Layer))
                throw new InvalidOperationException($"Span layer '{layer.Layer}' was not announced to the project's sums.");
        }

        if (piece.Document.Codebook is { } codebook && codebooksSeen.Add(codebook))
        {
            firstCodebook ??= codebook;
            foreach (var definition in codebook.Layers)
                definitions.TryAdd(definition.Id, definition);
            foreach (var type in codebook.Relations)
                relationTypes.TryAdd(type.Id, type);
        }

        // Documents where nobody marked a layer still count: their annotators agree there is nothing to mark.
        continua.Add(new Continuum(piece.Document.Id, 0, piece.Document.Length));
        codersOfDocument.Add(piece.Coders);
        Relations.Add(piece.Relations);
        foreach (var (layer, sums) in spanLayers)
            sums.Add(piece.Layer(layer), piece.Coders);
    }
}
