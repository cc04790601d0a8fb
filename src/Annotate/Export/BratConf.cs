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

        text.Append("\n[relations]\n").Append(CultureInfo.InvariantCulture, $"{BratNames.AttributionRelation}\tArg1:<ENTITY>, Arg2:<ENTITY>\n")
            .Append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n");
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

        return text.ToString();
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
