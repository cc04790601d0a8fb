using System.Text.Json;
using System.Text.Json.Serialization;
using Annotate.Curation;

namespace Annotate.Annotations;

/// <summary>
/// Whose voice a span expresses: an actor of the codebook. (The span that says a claim is a <c>said-by</c> relation;
/// attribution.span, the older way, became one in schema step 0022.)
/// </summary>
public sealed record Attribution(string? Actor);

/// <summary>
/// A span annotation or a document label, as the API returns it. A relation travels inside the server as one too
/// (kind "relation", its type as the label, its ends in Source and Target), and leaves it as a <see cref="Relation"/>.
/// </summary>
public sealed record Annotation(
    string Id,
    string DocumentId,
    int DocumentVersion,
    int CodebookVersion,
    string Kind,
    string Layer,
    string Label,
    int? Start,
    int? End,
    string? Quote,
    string? Prefix,
    string? Suffix,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    Attribution? Attribution,
    string? Note,
    string AnnotatorId,
    string AnnotatorName,
    int Version,
    bool Deleted,
    string Status,
    string CreatedAt,
    string UpdatedAt,
    Provenance? Provenance = null,
    [property: JsonIgnore] string? Source = null,
    [property: JsonIgnore] string? Target = null)
{
    public const string SpanKind = "span";
    public const string DocumentKind = "document";

    /// <summary>A curator's decision that a stretch has no gold annotation (gold layer only; shaped like a span).</summary>
    public const string RejectedKind = "rejected";

    /// <summary>A typed link between two spans (docs/api.md, Relations); stored as a row like the others, with no layer.</summary>
    public const string RelationKind = "relation";

    /// <summary>A curator's decision that annotators' relations have no gold relation (gold layer only; no ends, its type as the label).</summary>
    public const string RejectedRelationKind = "rejected-relation";

    /// <summary>The layer column of a relation: empty, which no layer id can be, so renames of labels and of relation types never meet.</summary>
    public const string RelationLayer = "";
    public const string Ok = "ok";
    public const string Orphan = "orphan";
    public const string UnknownLabel = "unknown-label";

    /// <summary>A relation whose ends break its type's rules: only one converted from a span attribution (schema step 0022).</summary>
    public const string Misfit = "misfit";
}

public sealed record AnnotationList(IReadOnlyList<Annotation> Items);

/// <summary>
/// The body of PUT …/annotations/{id} and PUT …/labels/{id}. Required: layer, label, and for spans start and end;
/// the server fills in the rest. Unknown properties are refused, so a misspelt field is never silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AnnotationRequest(
    string? Layer,
    string? Label,
    int? Start,
    int? End,
    string? Quote,
    Dictionary<string, JsonElement>? Attributes,
    AttributionRequest? Attribution,
    string? Note,
    int? DocumentVersion,
    int? Version);

/// <summary>An attribution in a request: an actor. <c>span</c> is read only to refuse it with a pointer to said-by relations.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AttributionRequest(string? Actor, string? Span = null);

/// <summary>A row as stored (PascalCase columns map without configuration).</summary>
internal sealed record AnnotationRow(
    string Id, string DocumentId, long DocumentVersion, string CodebookCollection, long CodebookVersion, string AnnotatorId,
    string AnnotatorName, string Kind, string Layer, string Label, long? StartOffset, long? EndOffset, string? Quote,
    string? Prefix, string? Suffix, string AttributesJson, string? AttributionJson, string? Note, long Version, long Seq,
    long IsDeleted, long IsOrphan, string CreatedAt, string UpdatedAt, string? ProvenanceJson,
    string? SourceId = null, string? TargetId = null, string? DeletedWith = null, long? Misfit = null)
{
    public Annotation ToAnnotation(Func<string, string, bool> labelExists) => new(
        Id, DocumentId, (int)DocumentVersion, (int)CodebookVersion, Kind, Layer, Label, (int?)StartOffset, (int?)EndOffset,
        Quote, Prefix, Suffix,
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(AttributesJson) ?? [],
        AttributionText.Read(AttributionJson),
        Note, AnnotatorId, AnnotatorName, (int)Version, IsDeleted != 0,
        IsOrphan != 0 ? Annotation.Orphan : !labelExists(Layer, Label) ? Annotation.UnknownLabel : Misfit is 1 ? Annotation.Misfit : Annotation.Ok,
        CreatedAt, UpdatedAt,
        ProvenanceJson is null ? null : JsonSerializer.Deserialize<Provenance>(ProvenanceJson, JsonSerializerOptions.Web),
        SourceId, TargetId);
}
