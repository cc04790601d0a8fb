using System.Text.RegularExpressions;
using Annotate.Corpus;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Annotate.Codebook;

/// <summary>Parses and validates codebook.yaml, naming the exact place of every mistake.</summary>
internal static partial class CodebookParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Returns the codebook, or null with the list of errors.</summary>
    public static (CodebookDefinition? Codebook, IReadOnlyList<string> Errors) Parse(string yaml)
    {
        if (SafeYaml.FindAlias(yaml) is { } alias)
        {
            return (null, [alias]);
        }

        CodebookDefinition? codebook;
        try
        {
            codebook = Yaml.Deserialize<CodebookDefinition?>(yaml);
        }
        catch (YamlException ex)
        {
            return (null, [$"line {ex.Start.Line}, column {ex.Start.Column}: {SafeYaml.Reason(ex)}"]);
        }

        if (codebook is null)
        {
            return (null, ["the file is empty; a codebook needs a name and at least one layer."]);
        }

        codebook.FillEmptyLists();
        var errors = Validate(codebook);
        return errors.Count == 0 ? (codebook, errors) : (null, errors);
    }

    private static List<string> Validate(CodebookDefinition codebook)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(codebook.Name))
        {
            errors.Add("name: a codebook needs a name.");
        }

        if (codebook.Layers.Count == 0)
        {
            errors.Add("layers: a codebook needs at least one layer.");
        }

        Unique(codebook.Layers.Select(l => l.Id), "layers", "layer id", errors);
        Unique(codebook.Actors.Select(a => a.Id), "actors", "actor id", errors);
        for (var i = 0; i < codebook.Actors.Count; i++)
        {
            RequireId(codebook.Actors[i].Id, $"actors[{i}].id", errors);
        }

        for (var i = 0; i < codebook.Layers.Count; i++)
        {
            ValidateLayer(codebook.Layers[i], $"layers[{i}]", errors);
        }

        ValidateRelations(codebook, errors);
        for (var i = 0; i < codebook.Renames.Count; i++)
        {
            ValidateRename(codebook, codebook.Renames[i], $"renames[{i}]", errors);
        }

        return errors;
    }

    private static void ValidateLayer(LayerDefinition layer, string at, List<string> errors)
    {
        RequireId(layer.Id, $"{at}.id", errors);
        if (layer.Scope is not (LayerDefinition.SpanScope or LayerDefinition.DocumentScope))
        {
            errors.Add($"{at}.scope: '{layer.Scope}' is neither 'span' nor 'document'.");
        }

        if (layer.Labels.Count == 0)
        {
            errors.Add($"{at}.labels: layer '{layer.Id}' has no labels.");
        }

        Unique(layer.Labels.Select(l => l.Id), $"{at}.labels", "label id", errors);
        Unique(layer.Labels.Where(l => l.Key is not null).Select(l => l.Key!), $"{at}.labels", "key", errors);
        Unique(layer.Attributes.Select(a => a.Id), $"{at}.attributes", "attribute id", errors);
        for (var i = 0; i < layer.Labels.Count; i++)
        {
            var label = layer.Labels[i];
            RequireId(label.Id, $"{at}.labels[{i}].id", errors);
            if (label.Key is { } key && !KeyPattern().IsMatch(key))
            {
                errors.Add($"{at}.labels[{i}].key: '{key}' must be a single lowercase letter or digit.");
            }

            if (label.Color is { } color && !ColorPattern().IsMatch(color))
            {
                errors.Add($"{at}.labels[{i}].color: '{color}' must be a colour like #c0392b.");
            }
        }

        for (var i = 0; i < layer.Attributes.Count; i++)
        {
            ValidateAttribute(layer.Attributes[i], $"{at}.attributes[{i}]", errors);
        }
    }

    internal static void ValidateAttribute(AttributeDefinition attribute, string at, List<string> errors)
    {
        RequireId(attribute.Id, $"{at}.id", errors);
        if (!AttributeDefinition.Types.Contains(attribute.Type))
        {
            errors.Add($"{at}.type: '{attribute.Type}' is not one of {string.Join(", ", AttributeDefinition.Types)}.");
        }

        if (attribute.Type == "choice" && attribute.Values.Count == 0)
        {
            errors.Add($"{at}.values: a choice attribute needs a list of values.");
        }

        if (attribute.Min > attribute.Max)
        {
            errors.Add($"{at}: min ({attribute.Min}) is greater than max ({attribute.Max}).");
        }
    }

    private static void ValidateRename(CodebookDefinition codebook, RenameDefinition rename, string at, List<string> errors)
    {
        if (rename.Kind == RenameDefinition.RelationKind)
        {
            ValidateRelationRename(codebook, rename, at, errors);
            return;
        }

        if (rename.Kind != RenameDefinition.LabelKind)
        {
            errors.Add($"{at}.kind: '{rename.Kind}' is neither 'label' nor 'relation'.");
            return;
        }

        var layer = codebook.Layers.FirstOrDefault(l => l.Id == rename.Layer);
        if (layer is null)
        {
            errors.Add($"{at}.layer: there is no layer '{rename.Layer}'.");
        }
        else if (layer.Labels.All(l => l.Id != rename.To))
        {
            errors.Add($"{at}.to: layer '{rename.Layer}' has no label '{rename.To}' to rename '{rename.From}' into.");
        }
    }

    private static void RequireId(string? id, string at, List<string> errors)
    {
        if (id is null)
        {
            errors.Add($"{at}: an id is required.");
        }
        else if (!IdPattern().IsMatch(id))
        {
            errors.Add($"{at}: '{id}' is not a valid id (lowercase letters, digits, '-' and '_', starting with a letter).");
        }
    }

    private static void Unique(IEnumerable<string> values, string at, string what, List<string> errors)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{at}: {what} '{duplicate.Key}' is used {duplicate.Count()} times.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
