using Annotate.Annotations;

namespace Annotate.Curation;

/// <summary>
/// Annotators' relations of one type between the same two span clusters: one decision for the curator. Its id
/// ("type:sourceCluster>targetCluster", with "~" for an undirected type, whose clusters are in id order) is stable
/// while those clusters are.
/// </summary>
/// <param name="Kinds">"missed" (some of the document's annotators made no such relation), "type" (and some of them
/// joined the same clusters by another type), "ends" (their relations join different spans of the clusters),
/// "attributes" (the same ends with different attribute values). Empty when everyone made the same.</param>
/// <param name="Agreed">Every annotator of the document (two or more) made the same relation here.</param>
/// <param name="Annotators">Who made it (annotator ids).</param>
/// <param name="Ends">For each relation, the gold spans its ends are in gold as (null: not yet; accept that span first).</param>
/// <param name="Gold">Gold relations of this type between gold spans of the two clusters (or made from these relations).</param>
/// <param name="Rejections">Rejections of these relations (kind "rejected-relation").</param>
/// <param name="Status">"curated" (a gold relation is here), "rejected" (a rejection and no gold), or "open".</param>
public sealed record RelationCluster(string Id, string Type, bool Directed, string SourceCluster, string TargetCluster,
    IReadOnlyList<string> Kinds, bool Agreed, IReadOnlyList<string> Annotators, IReadOnlyList<string> Missing,
    IReadOnlyList<string> Relations, IReadOnlyList<RelationGoldEnds> Ends, IReadOnlyList<string> Gold, IReadOnlyList<string> Rejections, string Status);

/// <summary>The gold copies of a relation's two spans, each null while that span is not in gold.</summary>
public sealed record RelationGoldEnds(string Relation, string? Source, string? Target);

/// <summary>Groups annotators' relations by type and the span clusters of their ends (pure; no I/O).</summary>
public static class RelationClusters
{
    public const string Missed = "missed";
    public const string Type = "type";
    public const string Ends = "ends";
    public const string Attributes = "attributes";

    /// <param name="relations">Annotators' live relations (kind "relation", with Source and Target).</param>
    /// <param name="directed">Whether a relation type has a direction (unknown types count as directed).</param>
    public static IReadOnlyList<RelationCluster> Build(IReadOnlyList<Annotation> relations, IReadOnlyList<Annotation> spans,
        IReadOnlyList<SpanCluster> clusters, IReadOnlyCollection<string> annotators, IReadOnlyList<Annotation> goldSpans,
        IReadOnlyList<Annotation> goldRelations, IReadOnlyList<Annotation> rejections, Func<string, bool> directed)
    {
        var clusterOf = clusters.SelectMany(c => c.Spans.Select(s => (s, c))).ToDictionary(p => p.s, p => p.c, StringComparer.Ordinal);
        var spanById = spans.ToDictionary(s => s.Id, StringComparer.Ordinal);
        // Each relation oriented as its cluster is: an undirected one from the cluster with the smaller id.
        var placed = new List<(Annotation Relation, SpanCluster From, SpanCluster To, Annotation FromSpan, Annotation ToSpan)>();
        foreach (var r in relations)
        {
            if (r.Source is not { } s || r.Target is not { } t || !clusterOf.TryGetValue(s, out var from) || !clusterOf.TryGetValue(t, out var to))
                continue; // an end on an older text or orphaned: left to the annotator's own review
            var (fromSpan, toSpan) = (spanById[s], spanById[t]);
            if (!directed(r.Label) && string.CompareOrdinal(from.Id, to.Id) > 0)
                (from, to, fromSpan, toSpan) = (to, from, toSpan, fromSpan);
            placed.Add((r, from, to, fromSpan, toSpan));
        }

        var groups = placed.GroupBy(p => (p.Relation.Label, From: p.From.Id, To: p.To.Id)).ToList();
        var pairs = groups.GroupBy(g => (g.Key.From, g.Key.To)).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<RelationCluster>();
        foreach (var group in groups)
        {
            var (type, from, to) = (group.Key.Label, group.First().From, group.First().To);
            var isDirected = directed(type);
            static string EndKey(Annotation a) => $"{a.Layer}/{a.Label}@{a.Start}-{a.End}";
            static string Set(IEnumerable<string> items) => string.Join('|', items.Distinct().Order(StringComparer.Ordinal));
            var byAnnotator = group.GroupBy(p => p.Relation.AnnotatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var missing = annotators.Where(a => !byAnnotator.ContainsKey(a)).Order(StringComparer.Ordinal).ToList();
            var kinds = new List<string>();
            if (missing.Count > 0)
                kinds.Add(Missed);
            if (missing.Count > 0 && pairs[(from.Id, to.Id)] > 1)
                kinds.Add(Type);
            var ends = byAnnotator.Values.Select(ps => Set(ps.Select(p => $"{EndKey(p.FromSpan)}>{EndKey(p.ToSpan)}"))).Distinct().Count() > 1;
            if (ends)
                kinds.Add(Ends);
            if (!ends && byAnnotator.Values.Select(ps => Set(ps.Select(p => $"{EndKey(p.FromSpan)}>{EndKey(p.ToSpan)}#{AttributesKey(p.Relation)}"))).Distinct().Count() > 1)
                kinds.Add(Attributes);

            var ids = group.Select(p => p.Relation.Id).ToHashSet(StringComparer.Ordinal);
            var gold = goldRelations.Where(g => g.Label == type && (Joins(g, from, to) || (!isDirected && Joins(g, to, from))
                    || g.Provenance?.Sources.Any(s => ids.Contains(s.Id)) == true))
                .Select(g => g.Id).Order(StringComparer.Ordinal).ToList();
            var rejected = rejections.Where(r => r.Label == type && r.Provenance?.Sources.Any(s => ids.Contains(s.Id)) == true)
                .Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            var ordered = group.OrderBy(p => p.Relation.AnnotatorId, StringComparer.Ordinal).ThenBy(p => p.Relation.Id, StringComparer.Ordinal).ToList();
            var goldEnds = ordered.Select(p => new RelationGoldEnds(p.Relation.Id,
                GoldCopies.Of(spanById[p.Relation.Source!], goldSpans)?.Id, GoldCopies.Of(spanById[p.Relation.Target!], goldSpans)?.Id)).ToList();
            result.Add(new RelationCluster($"{type}:{from.Id}{(isDirected ? ">" : "~")}{to.Id}", type, isDirected, from.Id, to.Id, kinds,
                kinds.Count == 0 && annotators.Count >= 2, byAnnotator.Keys.Order(StringComparer.Ordinal).ToList(), missing,
                ordered.Select(p => p.Relation.Id).ToList(), goldEnds, gold, rejected,
                gold.Count > 0 ? "curated" : rejected.Count > 0 ? "rejected" : "open"));
        }

        return result.OrderBy(c => StartOf(c.SourceCluster, clusters)).ThenBy(c => StartOf(c.TargetCluster, clusters))
            .ThenBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private static bool Joins(Annotation gold, SpanCluster from, SpanCluster to) =>
        gold.Source is { } s && gold.Target is { } t && from.Gold.Contains(s) && to.Gold.Contains(t);

    private static int StartOf(string clusterId, IReadOnlyList<SpanCluster> clusters) => clusters.First(c => c.Id == clusterId).Start;

    private static string AttributesKey(Annotation annotation) =>
        string.Join(';', annotation.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.GetRawText()}"));
}
