using Annotate.Agreement;
using Annotate.Agreement.Spans;
using Annotate.Projects;

namespace Annotate.AgreementReports;

/// <summary>
/// The agreement of a project (or one of its documents) as GET /api/projects/{id}/agreement answers it and
/// `annotate agreement --project` prints it. Undefined figures are null; <see cref="Notes"/> says why.
/// </summary>
public sealed record ProjectAgreementReport(
    string ProjectId,
    string? DocumentId,
    long Revision,
    string Visibility,
    IReadOnlyList<Annotator> Annotators,
    IReadOnlyList<DocumentFigures> Documents,
    IReadOnlyList<LayerFigures> Layers,
    GroupFigures? Groups,
    IReadOnlyList<string> Notes,
    RelationFigures? Relations = null);

/// <summary>One document's figures over its span layers together.</summary>
public sealed record DocumentFigures(string Id, string Title, int Annotators, int Spans, double? AlphaU, double? TokenAlpha, double? SpanF1Overlap);

/// <summary>One codebook layer: span figures for a span layer, a coding report for a document-label layer.</summary>
public sealed record LayerFigures(string Layer, string Name, string Scope, SpanLayerFigures? Spans, AgreementReport? Coding);

/// <summary>Span agreement of one layer, with the breakdowns the agreement view shows.</summary>
public sealed record SpanLayerFigures(
    double? AlphaU,
    IReadOnlyDictionary<string, double?> AlphaUByLabel,
    double? SpanF1Exact,
    double? SpanF1Overlap,
    double? TokenAlpha,
    double[]? TokenAlphaCi95,
    SpanDisagreements Disagreements,
    IReadOnlyList<LabelFigures> ByLabel,
    IReadOnlyList<PairFigures>? Pairs,
    MatrixFigures Coincidence);

/// <summary>Agreement on one label of a span layer.</summary>
public sealed record LabelFigures(string Label, string Name, string? Color, int Spans, double? AlphaU, double? TokenAlpha, double? SpanF1Exact, double? SpanF1Overlap);

/// <summary>Agreement between two annotators (ids).</summary>
public sealed record PairFigures(string A, string B, double? TokenAlpha, double? SpanF1Overlap, double? AlphaU);

/// <summary>A coincidence matrix: rows and columns are the categories.</summary>
public sealed record MatrixFigures(IReadOnlyList<string> Categories, IReadOnlyList<double[]> Cells)
{
    public static MatrixFigures From(CoincidenceMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var k = matrix.Categories.Count;
        return new MatrixFigures(matrix.Categories, Enumerable.Range(0, k).Select(r => Enumerable.Range(0, k).Select(c => matrix[r, c]).ToArray()).ToList());
    }
}

/// <summary>
/// Perspective groups: annotators grouped by one attribute. Within a group, Krippendorff's token alpha over its
/// members and the mean of its members' pairwise alphas; between two groups, the mean pairwise alpha over pairs
/// with one annotator from each, so "do the groups read the text differently?" compares like with like.
/// </summary>
public sealed record GroupFigures(string Attribute, IReadOnlyList<GroupWithin> Groups, IReadOnlyList<GroupBetween> Between, IReadOnlyList<string> Ungrouped);

public sealed record GroupWithin(string Value, IReadOnlyList<string> Annotators, double? TokenAlpha, double? MeanPairwiseAlpha);

public sealed record GroupBetween(string A, string B, double? MeanPairwiseAlpha);
