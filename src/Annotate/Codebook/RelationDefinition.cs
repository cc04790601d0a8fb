namespace Annotate.Codebook;

/// <summary>
/// A typed link between two spans (claim → source, denial → the claim it denies, supports, attacks). Like a label
/// it has an id, a name, a key, a colour, a definition and examples; it says which spans it may join and may carry
/// attributes of its own.
/// </summary>
public sealed class RelationDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>One letter or digit that picks the type from the keyboard, unique among the relation types.</summary>
    public string? Key { get; set; }

    /// <summary>A #rrggbb colour.</summary>
    public string? Color { get; set; }
    public string? Definition { get; set; }

    /// <summary>Whether source and target play different roles (an arrow); an undirected relation is a line.</summary>
    public bool Directed { get; set; } = true;

    /// <summary>Which spans may be the source; empty means any span.</summary>
    public EndpointDefinition Source { get; set; } = new();

    /// <summary>Which spans may be the target; empty means any span.</summary>
    public EndpointDefinition Target { get; set; } = new();
    public List<AttributeDefinition> Attributes { get; set; } = [];
    public List<RelationExampleDefinition> Examples { get; set; } = [];

    /// <summary>Whether a span of this layer and label may stand at this end of a relation (either end if undirected).</summary>
    public bool Allows(EndpointDefinition end, string layer, string label) =>
        (end.Layers.Count == 0 || end.Layers.Contains(layer)) && (end.Labels.Count == 0 || end.Labels.Contains(label));
}

/// <summary>The spans one end of a relation may be: of these span layers and, if given, with these labels of them.</summary>
public sealed class EndpointDefinition
{
    public List<string> Layers { get; set; } = [];
    public List<string> Labels { get; set; } = [];
}

/// <summary>An example relation: the text of its source and of its target, both as they appear in one article.</summary>
public sealed class RelationExampleDefinition
{
    public string Source { get; set; } = "";
    public string Target { get; set; } = "";
    public string? Note { get; set; }
}
