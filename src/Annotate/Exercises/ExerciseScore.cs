using Annotate.Agreement;
using Annotate.Agreement.Spans;
using Annotate.Annotations;

namespace Annotate.Exercises;

/// <summary>
/// A student's work on one document measured against the key: counts and figures only, never the key's spans.
/// F1 figures are null (with a note) when neither side has a span of what they cover.
/// </summary>
/// <param name="KeySpans">How many spans the key has on the document.</param>
/// <param name="YourSpans">How many spans the student has on it.</param>
/// <param name="Disagreements">Exact agreements and the kinds of difference between the student's spans and the key's.</param>
/// <param name="ByLabel">Per span label (of a layer) either side used.</param>
/// <param name="Labels">Per document-label layer either side used: whether the student's labels are the key's.</param>
public sealed record ExerciseScore(string DocumentId, string Mode, string Key, int KeySpans, int YourSpans,
    double? SpanF1Exact, double? SpanF1Overlap, SpanDisagreements Disagreements, IReadOnlyList<LabelScore> ByLabel,
    IReadOnlyList<LabelLayerScore> Labels, IReadOnlyList<string> Notes)
{
    /// <summary>The caller's attempts (each Done while the exercise was on): their first and latest scores, for "before and after".</summary>
    public ExerciseAttemptsView? Attempts { get; init; }
}

/// <summary>One label of a span layer: each side's spans of it and the F1 figures over them.</summary>
public sealed record LabelScore(string Layer, string Label, int KeySpans, int YourSpans, double? SpanF1Exact, double? SpanF1Overlap);

/// <summary>One document-label layer: whether the student gave the same label(s) as the key (none counts as a value).</summary>
public sealed record LabelLayerScore(string Layer, bool Agrees);

/// <summary>
/// Scores a student against the key with the pair computations of the agreement library (span F1 exact and by
/// overlap, the disagreement kinds), so a score means exactly what the same figure means in the agreement report.
/// </summary>
internal static class ExerciseScoring
{
    public const string Student = "student";
    public const string KeyCoder = "key";

    // Labels of different layers never match: each span's label is qualified by its layer (a separator no id contains).
    private const char Separator = '\u001f';

    public static ExerciseScore Score(string documentId, ExerciseSettings settings, string studentId, IReadOnlyList<KeyedAnnotation> annotations)
    {
        var spans = Spans(documentId, studentId, annotations);
        // Both take part even with no span: everything the other marked is then a miss.
        var coders = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [documentId] = [Student, KeyCoder] };
        var notes = new List<string>();
        var exact = SpanAgreement.PairwiseF1(spans, SpanMatching.Exact, codersByDocument: coders);
        var overlap = SpanAgreement.PairwiseF1(spans, SpanMatching.Overlap, codersByDocument: coders);
        if (exact.F1.Undefined is not null)
            notes.Add("Neither you nor the key marked any span in this document, so span F1 is not defined.");

        var exactByLabel = SpanAgreement.PairwiseF1ByLabel(spans, SpanMatching.Exact, coders);
        var overlapByLabel = SpanAgreement.PairwiseF1ByLabel(spans, SpanMatching.Overlap, coders);
        var byLabel = exactByLabel.Keys.Select(qualified =>
        {
            var (layer, label) = Unqualify(qualified);
            return new LabelScore(layer, label,
                spans.Count(s => s.Coder == KeyCoder && s.Label == qualified), spans.Count(s => s.Coder == Student && s.Label == qualified),
                Value(exactByLabel[qualified].F1), Value(overlapByLabel[qualified].F1));
        }).ToList();

        var labels = annotations.Where(a => a.Kind == Annotation.DocumentKind).GroupBy(a => a.Layer, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LabelLayerScore(g.Key, LabelsOf(g, studentId, true).SetEquals(LabelsOf(g, studentId, false))))
            .ToList();

        return new ExerciseScore(documentId, settings.Mode, settings.Key, spans.Count(s => s.Coder == KeyCoder), spans.Count(s => s.Coder == Student),
            Value(exact.F1), Value(overlap.F1), SpanAgreement.Disagreements(spans, coders), byLabel, labels, notes);
    }

    /// <summary>The spans of both sides, coded <see cref="Student"/> and <see cref="KeyCoder"/>, each label qualified by its layer.</summary>
    public static List<LabelledSpan> Spans(string documentId, string studentId, IReadOnlyList<KeyedAnnotation> annotations) =>
        [.. annotations.Where(a => a is { Kind: Annotation.SpanKind, StartOffset: not null, EndOffset: not null })
            .Select(a => new LabelledSpan(documentId, a.AnnotatorId == studentId ? Student : KeyCoder,
                (int)a.StartOffset!.Value, (int)a.EndOffset!.Value, a.Layer + Separator + a.Label))];

    public static (string Layer, string Label) Unqualify(string qualified)
    {
        var parts = qualified.Split(Separator, 2);
        return (parts[0], parts[1]);
    }

    private static HashSet<string> LabelsOf(IEnumerable<KeyedAnnotation> layer, string studentId, bool student) =>
        layer.Where(a => (a.AnnotatorId == studentId) == student).Select(a => a.Label).ToHashSet(StringComparer.Ordinal);

    private static double? Value(Coefficient coefficient) => coefficient.IsDefined ? coefficient.Value : null;
}
