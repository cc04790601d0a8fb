namespace Annotate.Codebook;

/// <summary>The codebook's relations: section, checked with the same care (and the same messages) as its layers.</summary>
internal static partial class CodebookParser
{
    private static void ValidateRelations(CodebookDefinition codebook, List<string> errors)
    {
        Unique(codebook.Relations.Select(r => r.Id), "relations", "relation id", errors);
        Unique(codebook.Relations.Where(r => r.Key is not null).Select(r => r.Key!), "relations", "key", errors);
        for (var i = 0; i < codebook.Relations.Count; i++)
        {
            var relation = codebook.Relations[i];
            var at = $"relations[{i}]";
            RequireId(relation.Id, $"{at}.id", errors);
            if (string.IsNullOrWhiteSpace(relation.Name))
            {
                errors.Add($"{at}.name: relation '{relation.Id}' needs a name.");
            }

            if (relation.Key is { } key && !KeyPattern().IsMatch(key))
            {
                errors.Add($"{at}.key: '{key}' must be a single lowercase letter or digit.");
            }

            if (relation.Color is { } color && !ColorPattern().IsMatch(color))
            {
                errors.Add($"{at}.color: '{color}' must be a colour like #c0392b.");
            }

            ValidateEnd(codebook, relation.Source, $"{at}.source", errors);
            ValidateEnd(codebook, relation.Target, $"{at}.target", errors);
            Unique(relation.Attributes.Select(a => a.Id), $"{at}.attributes", "attribute id", errors);
            for (var j = 0; j < relation.Attributes.Count; j++)
            {
                ValidateAttribute(relation.Attributes[j], $"{at}.attributes[{j}]", errors);
            }

            for (var j = 0; j < relation.Examples.Count; j++)
            {
                var example = relation.Examples[j];
                if (string.IsNullOrWhiteSpace(example.Source) || string.IsNullOrWhiteSpace(example.Target))
                {
                    errors.Add($"{at}.examples[{j}]: an example gives the text of both its source and its target.");
                }
            }
        }
    }

    /// <summary>An end names span layers of the codebook, and labels that belong to them (to any span layer if none is named).</summary>
    private static void ValidateEnd(CodebookDefinition codebook, EndpointDefinition end, string at, List<string> errors)
    {
        var spanLayers = codebook.Layers.Where(l => l.Scope == LayerDefinition.SpanScope).ToList();
        for (var i = 0; i < end.Layers.Count; i++)
        {
            if (spanLayers.All(l => l.Id != end.Layers[i]))
            {
                errors.Add($"{at}.layers[{i}]: there is no span layer '{end.Layers[i]}' (span layers: {string.Join(", ", spanLayers.Select(l => l.Id))}).");
            }
        }

        var allowed = end.Layers.Count == 0 ? spanLayers : spanLayers.Where(l => end.Layers.Contains(l.Id)).ToList();
        for (var i = 0; i < end.Labels.Count; i++)
        {
            if (allowed.All(l => l.Labels.All(x => x.Id != end.Labels[i])))
            {
                var where = end.Layers.Count == 0 ? "any span layer" : $"layer {string.Join(" or ", end.Layers.Select(l => $"'{l}'"))}";
                errors.Add($"{at}.labels[{i}]: '{end.Labels[i]}' is not a label of {where}.");
            }
        }
    }

    private static void ValidateRelationRename(CodebookDefinition codebook, RenameDefinition rename, string at, List<string> errors)
    {
        if (!string.IsNullOrEmpty(rename.Layer))
        {
            errors.Add($"{at}.layer: a relation rename has no layer (relation types are not in layers).");
        }

        if (codebook.Relations.All(r => r.Id != rename.To))
        {
            errors.Add($"{at}.to: there is no relation type '{rename.To}' to rename '{rename.From}' into.");
        }
    }
}
