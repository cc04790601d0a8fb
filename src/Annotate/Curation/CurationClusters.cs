using Annotate.Annotations;

namespace Annotate.Curation;

/// <summary>
/// A stretch of one layer where annotators' spans overlap one another, with how they disagree there and what the
/// gold layer holds for it. Its id ("layer:start-end") is stable while the spans in it stay the same.
/// </summary>
/// <param name="Kinds">The disagreements: "boundary" (different stretches), "label" (different labels), "missed"
/// (some of the document's annotators marked nothing here), "attributes" (the same spans with different attribute
/// values). Empty when everyone marked the same.</param>
/// <param name="Agreed">Every annotator of the document (two or more) marked exactly the same here.</param>
/// <param name="Status">"curated" (a gold span overlaps it), "rejected" (a rejection and no gold), or "open".</param>
public sealed record SpanCluster(string Id, string Layer, int Start, int End, IReadOnlyList<string> Kinds, bool Agreed,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Spans, IReadOnlyList<string> Gold, IReadOnlyList<string> Rejections, string Status);

/// <summary>The document labels of one layer: how the annotators' choices differ and what the gold layer holds.</summary>
public sealed record LabelDecision(string Layer, IReadOnlyList<string> Kinds, bool Agreed, IReadOnlyList<string> Missing,
    IReadOnlyList<string> Labels, IReadOnlyList<string> Gold, string Status);

/// <summary>Groups annotators' spans into clusters and classifies each one's disagreement (pure; no I/O).</summary>
public static class CurationClusters
{
    public const string Boundary = "boundary";
    public const string Label = "label";
    public const string Missed = "missed";
    public const string Attributes = "attributes";

    /// <param name="spans">The annotators' current spans (not gold).</param>
    /// <param name="annotators">Everyone who annotated the document: who marked nothing in a cluster missed it.</param>
    public static IReadOnlyList<SpanCluster> Spans(IReadOnlyList<Annotation> spans, IReadOnlyCollection<string> annotators,
        IReadOnlyList<Annotation> gold, IReadOnlyList<Annotation> rejections)
    {
        var clusters = new List<SpanCluster>();
        foreach (var layer in spans.GroupBy(s => s.Layer).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = layer.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            var group = new List<Annotation>();
            var end = -1;
            foreach (var span in ordered)
            {
                // Overlap, not touching, joins a cluster: "a|b" side by side are two decisions.
                if (group.Count > 0 && span.Start!.Value >= end)
                {
                    clusters.Add(Classify(layer.Key, group, annotators, gold, rejections));
                    group = [];
                }

                group.Add(span);
                end = Math.Max(group.Count == 1 ? span.End!.Value : end, span.End!.Value);
            }

            if (group.Count > 0)
            {
                clusters.Add(Classify(layer.Key, group, annotators, gold, rejections));
            }
        }

        return clusters;
    }

    private static SpanCluster Classify(string layer, List<Annotation> group, IReadOnlyCollection<string> annotators,
        IReadOnlyList<Annotation> gold, IReadOnlyList<Annotation> rejections)
    {
        var start = group.Min(s => s.Start!.Value);
        var end = group.Max(s => s.End!.Value);
        var byAnnotator = group.GroupBy(s => s.AnnotatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var missing = annotators.Where(a => !byAnnotator.ContainsKey(a)).Order(StringComparer.Ordinal).ToList();
        static string Set<T>(IEnumerable<T> items) => string.Join('|', items.Select(i => i!.ToString()).Distinct().Order(StringComparer.Ordinal));
        var boundaries = byAnnotator.Values.Select(spans => Set(spans.Select(s => (s.Start, s.End)))).Distinct().Count() > 1;
        var labels = byAnnotator.Values.Select(spans => Set(spans.Select(s => s.Label))).Distinct().Count() > 1;
        var kinds = new List<string>();
        if (boundaries)
            kinds.Add(Boundary);
        if (labels)
            kinds.Add(Label);
        if (missing.Count > 0)
            kinds.Add(Missed);

        // Exact content must match too: two annotators with the same stretches and labels but paired differently
        // disagree, and so do the same spans with different attributes (accepting one would drop the other's).
        var same = byAnnotator.Values.Select(spans => Set(spans.Select(s => (s.Start, s.End, s.Label)))).Distinct().Count() == 1;
        var sameAttributes = byAnnotator.Values.Select(spans => Set(spans.Select(s => (s.Start, s.End, s.Label, AttributesKey(s))))).Distinct().Count() == 1;
        if (kinds.Count == 0 && !same && byAnnotator.Count >= 2)
            kinds.Add(Label);
        if (kinds.Count == 0 && same && !sameAttributes)
            kinds.Add(Attributes);
        var agreed = kinds.Count == 0 && annotators.Count >= 2;

        var goldHere = Overlapping(gold, layer, start, end);
        var rejectedHere = Overlapping(rejections, layer, start, end);
        var status = goldHere.Count > 0 ? "curated" : rejectedHere.Count > 0 ? "rejected" : "open";
        return new SpanCluster($"{layer}:{start}-{end}", layer, start, end, kinds, agreed, missing,
            group.Select(s => s.Id).ToList(), goldHere, rejectedHere, status);
    }

    private static string AttributesKey(Annotation annotation) =>
        string.Join(';', annotation.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.GetRawText()}"));

    private static List<string> Overlapping(IReadOnlyList<Annotation> spans, string layer, int start, int end) =>
        spans.Where(g => g.Layer == layer && g.Start < end && g.End > start).OrderBy(g => g.Start).ThenBy(g => g.Id, StringComparer.Ordinal).Select(g => g.Id).ToList();

    /// <summary>Per document-label layer someone used: whether the annotators chose the same labels.</summary>
    public static IReadOnlyList<LabelDecision> Labels(IReadOnlyList<Annotation> labels, IReadOnlyCollection<string> annotators, IReadOnlyList<Annotation> gold)
    {
        var decisions = new List<LabelDecision>();
        foreach (var layer in labels.Concat(gold).Select(l => l.Layer).Distinct().Order(StringComparer.Ordinal))
        {
            var ofLayer = labels.Where(l => l.Layer == layer).OrderBy(l => l.AnnotatorId, StringComparer.Ordinal).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();
            var byAnnotator = ofLayer.GroupBy(l => l.AnnotatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join('|', g.Select(l => l.Label).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal);
            var missing = annotators.Where(a => !byAnnotator.ContainsKey(a)).Order(StringComparer.Ordinal).ToList();
            var kinds = new List<string>();
            if (byAnnotator.Values.Distinct().Count() > 1)
                kinds.Add(Label);
            if (missing.Count > 0 && byAnnotator.Count > 0)
                kinds.Add(Missed);
            var goldHere = gold.Where(g => g.Layer == layer).OrderBy(g => g.Label, StringComparer.Ordinal).Select(g => g.Id).ToList();
            decisions.Add(new LabelDecision(layer, kinds, kinds.Count == 0 && byAnnotator.Count >= 2, missing,
                ofLayer.Select(l => l.Id).ToList(), goldHere, goldHere.Count > 0 ? "curated" : "open"));
        }

        return decisions;
    }
}
