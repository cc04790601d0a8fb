using Annotate.Annotations;
using Annotate.Relations;
using Annotate.Sessions;

namespace Annotate.Curation;

/// <summary>
/// Accepts in one action everything the document's annotators agree on and the gold layer lacks: each agreed
/// cluster's spans and each agreed label layer's labels become gold, with every annotator's copy as the sources; then
/// each agreed relation whose ends are in gold by then.
/// </summary>
internal sealed class AcceptAgreed(CurationReader reader, GoldWriter gold, GoldRelationWriter goldRelations)
{
    public async Task<(AcceptAgreedResult? Result, WriteOutcome? Failure)> RunAsync(string documentId, string? layer, SessionUser curator, CancellationToken ct)
    {
        if (await reader.ReadAsync(documentId, ct) is not { } view)
        {
            return (null, new WriteOutcome.NotFound($"There is no document with id '{documentId}'."));
        }

        var created = new List<Annotation>();
        var byId = view.Spans.Concat(view.Labels).ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var cluster in view.Clusters.Where(c => c.Agreed && c.Status == "open" && (layer is null || c.Layer == layer)))
        {
            // Everyone marked the same set: take one annotator's copy of each (stretch, label), all copies as sources.
            var spans = cluster.Spans.Select(id => byId[id]).ToList();
            foreach (var same in spans.GroupBy(s => (s.Start, s.End, s.Label)).OrderBy(g => g.Key.Start).ThenBy(g => g.Key.End))
            {
                var first = same.OrderBy(s => s.AnnotatorId, StringComparer.Ordinal).First();
                // The actor comes along; who says a claim is a said-by relation, which curation takes on its own.
                var attribution = first.Attribution is { Actor: { } actor } ? new AttributionRequest(actor) : null;
                var request = new GoldRequest(first.Layer, first.Label, first.Start, first.End, first.Attributes.ToDictionary(), attribution, null,
                    view.Version, null, CurationActions.Accepted, same.Select(s => s.Id).ToList());
                if (await WriteAsync(documentId, Annotation.SpanKind, request, curator, created, ct) is { } failure)
                    return (null, failure);
            }
        }

        foreach (var decision in view.LabelLayers.Where(d => d.Agreed && d.Status == "open" && (layer is null || d.Layer == layer)))
        {
            var labels = decision.Labels.Select(id => byId[id]).ToList();
            foreach (var same in labels.GroupBy(l => l.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = same.OrderBy(s => s.AnnotatorId, StringComparer.Ordinal).First();
                var request = new GoldRequest(first.Layer, first.Label, null, null, first.Attributes.ToDictionary(), null, null,
                    null, null, CurationActions.Accepted, same.Select(s => s.Id).ToList());
                if (await WriteAsync(documentId, Annotation.DocumentKind, request, curator, created, ct) is { } failure)
                    return (null, failure);
            }
        }

        var relations = new List<Relation>();
        if (await AcceptRelationsAsync(documentId, layer, curator, relations, ct) is { } relationFailure)
            return (null, relationFailure);
        return (new AcceptAgreedResult(created, relations), null);
    }

    /// <summary>
    /// After the spans: each agreed relation whose two ends are now gold spans, between those gold spans, with every
    /// annotator's copy as the sources. One whose ends are not both in gold stays open (its spans were not agreed).
    /// </summary>
    private async Task<WriteOutcome?> AcceptRelationsAsync(string documentId, string? layer, SessionUser curator, List<Relation> created, CancellationToken ct)
    {
        if (await reader.ReadAsync(documentId, ct) is not { } view)
            return null;
        var layerOf = view.Clusters.ToDictionary(c => c.Id, c => c.Layer, StringComparer.Ordinal);
        var byId = view.Relations.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var cluster in view.RelationClusters.Where(c => c.Agreed && c.Status == "open"
            && (layer is null || layerOf[c.SourceCluster] == layer || layerOf[c.TargetCluster] == layer)))
        {
            if (cluster.Ends.Count == 0 || cluster.Ends[0] is not { Source: { } source, Target: { } target } ends)
                continue;
            var first = byId[ends.Relation];
            var request = new GoldRelationRequest(first.Type, source, target, first.Attributes.ToDictionary(), first.Note, null,
                CurationActions.Accepted, [.. cluster.Relations]);
            switch (await goldRelations.UpsertAsync(documentId, Guid.CreateVersion7().ToString(), request, curator, ct))
            {
                case WriteOutcome.Saved saved:
                    created.Add(Relation.From(saved.Annotation));
                    break;
                case WriteOutcome.Invalid:
                    break; // e.g. the gold layer already joins these spans by that type: nothing to add
                case var failure:
                    return failure;
            }
        }

        return null;
    }

    private async Task<WriteOutcome?> WriteAsync(string documentId, string kind, GoldRequest request, SessionUser curator, List<Annotation> created, CancellationToken ct)
    {
        var outcome = await gold.UpsertAsync(documentId, Guid.CreateVersion7().ToString(), kind, request, curator, ct);
        switch (outcome)
        {
            case WriteOutcome.Saved saved:
                created.Add(saved.Annotation);
                return null;
            default:
                return outcome;
        }
    }
}
