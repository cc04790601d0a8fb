namespace Annotate.Codebook;

// The codebook.yaml format, documented in docs/codebook.md. Property names are the YAML keys in camelCase.

/// <summary>An annotation scheme: layers of labels, relation types between spans, the actors claims can be attributed to, and renames.</summary>
public sealed class CodebookDefinition
{
    public string Name { get; set; } = "";
    public string? Version { get; set; }
    public string? Description { get; set; }
    public List<ActorDefinition> Actors { get; set; } = [];
    public List<LayerDefinition> Layers { get; set; } = [];
    public List<RelationDefinition> Relations { get; set; } = [];
    public List<RenameDefinition> Renames { get; set; } = [];

    /// <summary>YAML reads "labels:" with no value as null; an empty list is what it means.</summary>
    internal void FillEmptyLists()
    {
        Actors ??= [];
        Layers ??= [];
        Renames ??= [];
        Relations ??= [];
        Layers.RemoveAll(l => l is null);
        Relations.RemoveAll(r => r is null);
        foreach (var relation in Relations)
        {
            relation.Attributes ??= [];
            relation.Attributes.RemoveAll(a => a is null);
            relation.Attributes.ForEach(a => a.Values ??= []);
            relation.Examples ??= [];
            relation.Examples.RemoveAll(e => e is null);
            relation.Source ??= new();
            relation.Target ??= new();
            foreach (var end in new[] { relation.Source, relation.Target })
            {
                end.Layers ??= [];
                end.Labels ??= [];
            }
        }

        foreach (var layer in Layers)
        {
            layer.Attributes ??= [];
            layer.Labels ??= [];
            layer.Labels.RemoveAll(l => l is null);
            layer.Attributes.RemoveAll(a => a is null);
            foreach (var label in layer.Labels)
            {
                label.Examples ??= [];
                label.Examples.RemoveAll(e => e is null);
            }

            foreach (var attribute in layer.Attributes)
            {
                attribute.Values ??= [];
            }
        }

        Actors.RemoveAll(a => a is null);
        Renames.RemoveAll(r => r is null);
    }
}

/// <summary>A layer is either span labels (marked on text) or document labels (about the whole article).</summary>
public sealed class LayerDefinition
{
    public const string SpanScope = "span";
    public const string DocumentScope = "document";

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Scope { get; set; } = SpanScope;
    public string? Description { get; set; }

    /// <summary>For document layers: whether several labels may be chosen at once.</summary>
    public bool Multiple { get; set; }
    public List<AttributeDefinition> Attributes { get; set; } = [];
    public List<LabelDefinition> Labels { get; set; } = [];
}

public sealed class LabelDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>One letter or digit that picks the label from the keyboard, unique within its layer.</summary>
    public string? Key { get; set; }

    /// <summary>A #rrggbb colour.</summary>
    public string? Color { get; set; }
    public string? Definition { get; set; }
    public List<ExampleDefinition> Examples { get; set; } = [];
}

public sealed class ExampleDefinition
{
    public string Text { get; set; } = "";
    public string? Note { get; set; }
}

/// <summary>A value annotators give a span of the layer: choice, integer, number, text or boolean.</summary>
public sealed class AttributeDefinition
{
    public static readonly string[] Types = ["choice", "integer", "number", "text", "boolean"];

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "text";
    public List<string> Values { get; set; } = [];
    public double? Min { get; set; }
    public double? Max { get; set; }
    public bool Required { get; set; }
    public string? Description { get; set; }
}

/// <summary>A voice or perspective a span can be attributed to.</summary>
public sealed class ActorDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

/// <summary>
/// Declares that a label (of <see cref="Layer"/>) or a relation type (<see cref="Kind"/> "relation", no layer) was
/// renamed or merged, so existing annotations migrate instead of being orphaned.
/// </summary>
public sealed class RenameDefinition
{
    public const string LabelKind = "label";
    public const string RelationKind = "relation";

    public string Kind { get; set; } = LabelKind;
    public string Layer { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
}
