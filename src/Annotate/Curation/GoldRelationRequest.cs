using System.Text.Json;
using System.Text.Json.Serialization;
using Annotate.Relations;

namespace Annotate.Curation;

/// <summary>
/// The body of PUT …/gold-relations/{id}: the relation as for an annotator, plus how the curator arrived at it
/// (action; "created" when absent) and from which annotators' relations (sources, their ids). With an action, an
/// end may name an annotator's span: the relation then joins that span's gold copy (409 while it has none).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GoldRelationRequest(
    string? Type,
    string? Source,
    string? Target,
    Dictionary<string, JsonElement>? Attributes,
    string? Note,
    int? Version,
    string? Action,
    List<string>? Sources)
{
    public RelationRequest ToRelationRequest() => new(Type, Source, Target, Attributes, Note, Version);
}

/// <summary>The body of PUT …/relation-rejections/{id}: the relation type rejected and the annotators' relations rejected.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RelationRejectionRequest(string? Type, List<string>? Sources, string? Note, int? Version);
