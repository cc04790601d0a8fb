using System.Globalization;
using System.Text;
using Annotate.Codebook;

namespace Annotate.Export;

/// <summary>annotation.conf and visual.conf at the brat root, made from the codebooks, so brat loads the export as is.</summary>
internal static class BratConf
{
    public static string Annotation(IReadOnlyList<CodebookInfo> codebooks)
    {
        var layers = Layers(codebooks);
        var text = new StringBuilder("# Made by Annotate from the codebook. Types are {layer}__{label}; document labels sit on the first line.\n[entities]\n");
        foreach (var layer in layers)
        {
            foreach (var label in layer.Labels)
                text.Append(BratNames.Type(layer.Id, label.Id)).Append('\n');
        }

        text.Append("\n[relations]\n");
        var relations = codebooks.SelectMany(c => c.Codebook.Relations).DistinctBy(r => r.Id).ToList();
        foreach (var relation in relations)
        {
            // brat's arcs all have a direction: an undirected type takes either kind of span at either end.
            var (from, to) = (Ends(layers, relation.Source), Ends(layers, relation.Target));
            if (!relation.Directed)
                from = to = from == "<ENTITY>" || to == "<ENTITY>" ? "<ENTITY>" : string.Join('|', from.Split('|').Union(to.Split('|')));
            text.Append(CultureInfo.InvariantCulture, $"{BratNames.Escape(relation.Id)}\tArg1:{from}, Arg2:{to}\n");
        }

        text.Append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n");
        var actors = codebooks.SelectMany(c => c.Codebook.Actors).Select(a => BratNames.Value(a.Id)).Distinct().ToList();
        if (actors.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"{BratNames.ActorAttribute}\tArg:<ENTITY>, Value:{string.Join('|', actors)}\n");
        foreach (var attribute in layers.SelectMany(l => l.Attributes).DistinctBy(a => a.Id))
        {
            // Free text and real numbers have no list of values in brat: it shows them flagged, the .ann keeps them.
            var values = attribute.Type switch
            {
                "choice" => attribute.Values.Select(BratNames.Value).ToList(),
                "boolean" => ["true", "false"],
                "integer" when attribute is { Min: { } min, Max: { } max } && max - min <= 100 =>
                    Enumerable.Range((int)min, (int)(max - min) + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
                _ => [],
            };
            text.Append(BratNames.Escape(attribute.Id)).Append("\tArg:<ENTITY>").Append(values.Count > 0 ? ", Value:" + string.Join('|', values) : "").Append('\n');
        }

        // Relation attributes of a name no layer uses (brat names an attribute once).
        var spanAttributes = layers.SelectMany(l => l.Attributes).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var attribute in relations.SelectMany(r => r.Attributes).DistinctBy(a => a.Id).Where(a => !spanAttributes.Contains(a.Id)))
        {
            var values = attribute.Type switch
            {
                "choice" => attribute.Values.Select(BratNames.Value).ToList(),
                "boolean" => ["true", "false"],
                _ => [],
            };
            text.Append(BratNames.Escape(attribute.Id)).Append("\tArg:<RELATION>").Append(values.Count > 0 ? ", Value:" + string.Join('|', values) : "").Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The entity types one end of a relation allows, as brat lists them.</summary>
    private static string Ends(List<LayerDefinition> layers, EndpointDefinition end)
    {
        if (end.Layers.Count == 0 && end.Labels.Count == 0)
            return "<ENTITY>";
        var types = layers.Where(l => l.Scope == LayerDefinition.SpanScope && (end.Layers.Count == 0 || end.Layers.Contains(l.Id)))
            .SelectMany(l => l.Labels.Where(x => end.Labels.Count == 0 || end.Labels.Contains(x.Id)).Select(x => BratNames.Type(l.Id, x.Id)));
        return string.Join('|', types);
    }

    public static string Visual(IReadOnlyList<CodebookInfo> codebooks)
    {
        var layers = Layers(codebooks);
        var labels = new StringBuilder("[labels]\n");
        var drawing = new StringBuilder("\n[drawing]\n");
        foreach (var layer in layers)
        {
            foreach (var label in layer.Labels)
            {
                var type = BratNames.Type(layer.Id, label.Id);
                labels.Append(CultureInfo.InvariantCulture, $"{type} | {Clean(layer.Name)}: {Clean(label.Name)} | {Clean(label.Name)}\n");
                if (label.Color is { Length: > 0 } color)
                    drawing.Append(CultureInfo.InvariantCulture, $"{type}\tbgColor:{color}\n");
            }
        }

        return labels.Append(drawing).ToString();
    }

    private static List<LayerDefinition> Layers(IReadOnlyList<CodebookInfo> codebooks) =>
        codebooks.SelectMany(c => c.Codebook.Layers).DistinctBy(l => l.Id).ToList();

    private static string Clean(string name) => name.Replace('|', '/').Replace('\t', ' ').Replace('\n', ' ');
}
