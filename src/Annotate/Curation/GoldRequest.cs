using System.Text.Json;
using System.Text.Json.Serialization;
using Annotate.Annotations;
using Annotate.Relations;

namespace Annotate.Curation;

/// <summary>
/// The body of PUT …/gold/{id}, …/gold-labels/{id} and …/rejections/{id}: the annotation as for an annotator, plus
/// how the curator arrived at it (action) and from which annotators' annotations (sources, their ids).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GoldRequest(
    string? Layer,
    string? Label,
    int? Start,
    int? End,
    Dictionary<string, JsonElement>? Attributes,
    AttributionRequest? Attribution,
    string? Note,
    int? DocumentVersion,
    int? Version,
    string? Action,
    List<string>? Sources)
{
    public AnnotationRequest ToAnnotationRequest() =>
        new(Layer, Label, Start, End, null, Attributes, Attribution, Note, DocumentVersion, Version);
}

/// <summary>The body of POST …/gold/accept-agreed: optionally one layer only.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AcceptAgreedRequest(string? Layer);

/// <summary>What accept-agreed created (in the order written: spans and labels, then relations), so the client can undo it as one step.</summary>
public sealed record AcceptAgreedResult(IReadOnlyList<Annotation> Created, IReadOnlyList<Relation> Relations);
