using Annotate.Agreement.Relations;

namespace Annotate.AgreementReports;

/// <summary>
/// Relation agreement as `annotate agreement --relations FILE --format json` prints it (a public contract, README):
/// relation F1 with exact and overlap matching of the ends, overall and per type, and alpha over types on the endpoint
/// pairs two or more coders related. A figure that does not apply is null and <see cref="Notes"/> says why.
/// </summary>
public sealed record RelationReport(
    int Documents,
    int Coders,
    int Relations,
    double? RelationF1Exact,
    double? RelationF1Overlap,
    double? TypeAlpha,
    int SharedPairs,
    bool EndLabels,
    IReadOnlyList<RelationFileTypeFigures> ByType,
    IReadOnlyList<string> Notes)
{
    internal static RelationReport Of(RelationsFile file, bool endLabels)
    {
        var result = RelationAgreement.Compute(file.Relations, file.CodersByDocument, endLabels);
        var notes = new List<string>();
        var directed = file.Relations.GroupBy(r => r.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Directed, StringComparer.Ordinal);
        return new RelationReport(file.CodersByDocument.Count, file.CodersByDocument.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal).Count(),
            (int)result.Relations,
            SpanFigures.Value(result.Exact.F1, "relationF1Exact", notes),
            SpanFigures.Value(result.Overlap.F1, "relationF1Overlap", notes),
            SpanFigures.Value(result.Alpha, "typeAlpha", notes),
            result.SharedPairs, endLabels,
            [.. result.ByType.Select(t => new RelationFileTypeFigures(t.Type, directed[t.Type], (int)t.Relations,
                SpanFigures.Value(t.Exact.F1, "", null), SpanFigures.Value(t.Overlap.F1, "", null)))],
            notes);
    }
}

/// <summary>One relation type of a relations file.</summary>
public sealed record RelationFileTypeFigures(string Type, bool Directed, int Relations, double? RelationF1Exact, double? RelationF1Overlap);
