namespace Annotate.AgreementReports;

/// <summary>A stretch of text where every annotator's labels stay the same.</summary>
/// <param name="Start">First UTF-16 offset, inclusive.</param>
/// <param name="End">Last UTF-16 offset, exclusive.</param>
/// <param name="Agreement">The share of annotator pairs giving the stretch the same labels (none counts as a value); null with fewer than two annotators.</param>
/// <param name="Labels">Each annotator's labels there, by annotator id ([] for none).</param>
public sealed record TextSegment(int Start, int End, double? Agreement, IReadOnlyDictionary<string, string[]> Labels);

/// <summary>Who is on a document, and the heat map of its text.</summary>
public sealed record TextAgreementReport(string DocumentId, long Version, IReadOnlyList<AnnotatorName> Annotators, IReadOnlyList<TextSegment> Segments);

public sealed record AnnotatorName(string Id, string Name);

/// <summary>
/// Per-character agreement over a document's text: a sweep over span boundaries cuts the text into stretches where
/// nobody's labels change; each stretch someone labelled gets the share of agreeing annotator pairs. Stacked labels
/// are one value (their sorted set), so a stretch two people both marked "a" and "b" is agreement.
/// </summary>
internal static class TextAgreement
{
    public static IReadOnlyList<TextSegment> Segments(IReadOnlyList<AgreementAnnotation> spans, IReadOnlyList<string> annotators)
    {
        var boundaries = spans.SelectMany(s => new[] { (int)s.StartOffset!.Value, (int)s.EndOffset!.Value }).Distinct().Order().ToList();
        var byStart = spans.OrderBy(s => s.StartOffset).ToList();
        var active = new List<AgreementAnnotation>();
        var segments = new List<TextSegment>();
        var next = 0;
        for (var b = 0; b + 1 < boundaries.Count; b++)
        {
            int start = boundaries[b], end = boundaries[b + 1];
            active.RemoveAll(s => s.EndOffset <= start);
            while (next < byStart.Count && byStart[next].StartOffset <= start)
            {
                if (byStart[next].EndOffset > start)
                    active.Add(byStart[next]);
                next++;
            }

            if (active.Count == 0)
                continue;
            var labels = annotators.ToDictionary(a => a, a => active.Where(s => s.AnnotatorId == a).Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
            if (segments.Count > 0 && segments[^1].End == start && SameLabels(segments[^1].Labels, labels))
            {
                segments[^1] = segments[^1] with { End = end };
                continue;
            }

            segments.Add(new TextSegment(start, end, PairAgreement(labels.Values), labels));
        }

        return segments;
    }

    private static double? PairAgreement(IEnumerable<string[]> values)
    {
        var counts = values.GroupBy(v => string.Join('\u0001', v), StringComparer.Ordinal).Select(g => (double)g.Count()).ToList();
        var n = counts.Sum();
        return n < 2 ? null : counts.Sum(c => c * (c - 1)) / (n * (n - 1));
    }

    private static bool SameLabels(IReadOnlyDictionary<string, string[]> a, Dictionary<string, string[]> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && kv.Value.SequenceEqual(other, StringComparer.Ordinal));
}
