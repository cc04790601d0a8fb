using Annotate.Agreement.Relations;

namespace Annotate.AgreementReports;

/// <summary>
/// Agreement on relations between spans (src/Annotate.Agreement/README.md, Relations): relation F1 with exact and
/// overlap matching of the ends, over all types (micro) and per type, and Krippendorff's alpha over types on the
/// endpoint pairs two or more annotators related. Undefined figures are null; the report's notes say why.
/// </summary>
/// <param name="Relations">Live relations of people (the gold layer's left out).</param>
/// <param name="SharedPairs">Endpoint pairs (exact ends) two or more annotators related: the units of <paramref name="TypeAlpha"/>.</param>
public sealed record RelationFigures(
    int Relations,
    double? RelationF1Exact,
    double? RelationF1Overlap,
    double? TypeAlpha,
    int SharedPairs,
    IReadOnlyList<RelationTypeFigures> ByType,
    MatrixFigures Coincidence)
{
    /// <summary>The figures of a project's sums; null when there is no relation and the codebooks declare no relation type.</summary>
    internal static RelationFigures? Of(ProjectSums sums, List<string> notes)
    {
        if (!sums.Relations.Any && sums.RelationTypes.Count == 0)
            return null;
        var result = sums.Relations.Result();
        var local = new List<string>();
        var figures = new RelationFigures((int)result.Relations,
            SpanFigures.Value(result.Exact.F1, "relationF1Exact", local),
            SpanFigures.Value(result.Overlap.F1, "relationF1Overlap", local),
            SpanFigures.Value(result.Alpha, "typeAlpha", local),
            result.SharedPairs,
            ByTypes(sums, result),
            MatrixFigures.From(result.TypeAlpha.Coincidences));
        notes.AddRange(local.Select(n => $"Relations: {n}"));
        return figures;
    }

    // The codebook's types in its order (those nobody used with no figures), then types it no longer has.
    private static List<RelationTypeFigures> ByTypes(ProjectSums sums, RelationAgreementResult result)
    {
        var used = result.ByType.ToDictionary(t => t.Type, StringComparer.Ordinal);
        var declared = sums.RelationTypes.Select(t => t.Id).ToList();
        return [.. declared.Concat(used.Keys.Where(t => !declared.Contains(t)).Order(StringComparer.Ordinal)).Select(type =>
        {
            var definition = sums.RelationTypes.FirstOrDefault(t => t.Id == type);
            var (name, color, directed) = (definition?.Name is { Length: > 0 } n ? n : type, definition?.Color, definition?.Directed ?? true);
            return used.TryGetValue(type, out var figures)
                ? new RelationTypeFigures(type, name, color, directed, (int)figures.Relations,
                    SpanFigures.Value(figures.Exact.F1, "", null), SpanFigures.Value(figures.Overlap.F1, "", null))
                : new RelationTypeFigures(type, name, color, directed, 0, null, null);
        })];
    }
}

/// <summary>Agreement on one relation type: how many relations it has and its relation F1 (null when not defined).</summary>
public sealed record RelationTypeFigures(string Type, string Name, string? Color, bool Directed, int Relations, double? RelationF1Exact, double? RelationF1Overlap);
