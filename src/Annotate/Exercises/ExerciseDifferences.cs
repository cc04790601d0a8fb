using Annotate.Agreement.Spans;
using Annotate.Corpus;

namespace Annotate.Exercises;

/// <summary>One span as the differences show it.</summary>
public sealed record ExerciseSpan(string Layer, string Label, int Start, int End);

/// <summary>
/// One pairing of the caller's spans with the key's: <paramref name="Kind"/> is matched, boundary, label,
/// boundaryAndLabel, missed (key only) or extra (yours only). <paramref name="Key"/> is always null in guided mode.
/// </summary>
public sealed record SpanDifferenceView(string Kind, ExerciseSpan? Yours, ExerciseSpan? Key);

/// <summary>A stretch of text (whole blocks: paragraphs, headings, list items) holding key spans the caller missed.</summary>
public sealed record MissedRegion(int Start, int End, int Spans);

/// <summary>One document-label layer: the caller's labels, the key's (null in guided mode), and whether they agree.</summary>
public sealed record LabelDifference(string Layer, IReadOnlyList<string> Yours, IReadOnlyList<string>? Key, bool Agrees);

/// <summary>
/// Where the caller differs from the key on a document. In differ mode every pairing with both sides; in guided mode
/// the caller's spans flagged, and missed key spans only as <paramref name="MissedRegions"/> (never their offsets or labels).
/// </summary>
public sealed record ExerciseDifferences(string DocumentId, string Mode, IReadOnlyList<SpanDifferenceView> Spans,
    IReadOnlyList<MissedRegion> MissedRegions, IReadOnlyList<LabelDifference> Labels);

/// <summary>Sets the caller's spans beside the key's with the agreement library's pairing (the score's disagreement counts).</summary>
internal static class ExerciseDifferencing
{
    public static ExerciseDifferences Compare(string documentId, string mode, string studentId, IReadOnlyList<KeyedAnnotation> annotations,
        IReadOnlyList<Block> blocks, int textLength)
    {
        var spans = ExerciseScoring.Spans(documentId, studentId, annotations);
        var differences = SpanComparison.Compare(
            [.. spans.Where(s => s.Coder == ExerciseScoring.KeyCoder)], [.. spans.Where(s => s.Coder == ExerciseScoring.Student)]);
        var guided = mode == ExerciseModes.Guided;
        var views = differences
            .Where(d => !guided || d.Kind != SpanDifferenceKind.Missed)
            .Select(d => new SpanDifferenceView(KindName(d.Kind), View(d.Other), guided ? null : View(d.Reference)))
            .OrderBy(v => (v.Yours ?? v.Key)!.Start).ThenBy(v => (v.Yours ?? v.Key)!.End)
            .ToList();
        var regions = guided
            ? differences.Where(d => d.Kind == SpanDifferenceKind.Missed).Select(d => Region(d.Reference!, blocks, textLength))
                .GroupBy(r => r).OrderBy(g => g.Key.Start).Select(g => new MissedRegion(g.Key.Start, g.Key.End, g.Count())).ToList()
            : [];
        var labels = annotations.Where(a => a.Kind == Annotations.Annotation.DocumentKind).GroupBy(a => a.Layer, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var yours = g.Where(a => a.AnnotatorId == studentId).Select(a => a.Label).Distinct().Order(StringComparer.Ordinal).ToList();
                var key = g.Where(a => a.AnnotatorId != studentId).Select(a => a.Label).Distinct().Order(StringComparer.Ordinal).ToList();
                return new LabelDifference(g.Key, yours, guided ? null : key, yours.SequenceEqual(key, StringComparer.Ordinal));
            })
            .ToList();
        return new ExerciseDifferences(documentId, mode, views, regions, labels);
    }

    // The whole blocks a span touches (the whole text when the document has no blocks).
    private static (int Start, int End) Region(LabelledSpan span, IReadOnlyList<Block> blocks, int textLength)
    {
        var touched = blocks.Where(b => b.Start < Math.Max(span.End, span.Start + 1) && span.Start < Math.Max(b.End, b.Start + 1)).ToList();
        return touched.Count == 0 ? (0, textLength) : (touched.Min(b => b.Start), touched.Max(b => b.End));
    }

    private static ExerciseSpan? View(LabelledSpan? span)
    {
        if (span is null)
            return null;
        var (layer, label) = ExerciseScoring.Unqualify(span.Label);
        return new ExerciseSpan(layer, label, span.Start, span.End);
    }

    private static string KindName(SpanDifferenceKind kind) => kind switch
    {
        SpanDifferenceKind.Matched => "matched",
        SpanDifferenceKind.Boundary => "boundary",
        SpanDifferenceKind.Label => "label",
        SpanDifferenceKind.BoundaryAndLabel => "boundaryAndLabel",
        SpanDifferenceKind.Missed => "missed",
        _ => "extra",
    };
}
