using System.Text.Json;
using System.Text.Json.Serialization;
using Annotate.Annotations;
using Annotate.Curation;

namespace Annotate.Relations;

/// <summary>A typed link between two spans of a document, as the API returns it (docs/api.md, Relations).</summary>
/// <param name="Type">A relation type of the codebook.</param>
/// <param name="Source">The id of the span the relation starts at (either end, for an undirected type).</param>
/// <param name="Target">The id of the span it ends at.</param>
/// <param name="Status">"ok", or "unknown-label" when the codebook no longer has the type.</param>
/// <param name="Provenance">The gold layer's only: how a curator arrived at it (null for annotators' relations).</param>
public sealed record Relation(
    string Id,
    string DocumentId,
    int CodebookVersion,
    string Type,
    string Source,
    string Target,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    string? Note,
    string AnnotatorId,
    string AnnotatorName,
    int Version,
    bool Deleted,
    string Status,
    string CreatedAt,
    string UpdatedAt,
    Provenance? Provenance = null)
{
    internal static Relation From(Annotation a) => new(a.Id, a.DocumentId, a.CodebookVersion, a.Label, a.Source ?? "", a.Target ?? "",
        a.Attributes, a.Note, a.AnnotatorId, a.AnnotatorName, a.Version, a.Deleted, a.Status, a.CreatedAt, a.UpdatedAt, a.Provenance);
}

public sealed record RelationList(IReadOnlyList<Relation> Items);

/// <summary>
/// The body of PUT …/relations/{id}. Required: type, source and target (span ids); <c>version</c> is the version the
/// edit is based on (omit or 0 to create). Unknown properties are refused, so a misspelt field is never ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RelationRequest(
    string? Type,
    string? Source,
    string? Target,
    Dictionary<string, JsonElement>? Attributes,
    string? Note,
    int? Version);

/// <summary>
/// One committed change of a document's relations, as the hub sends it. <see cref="Seq"/> is the document's sequence
/// number, shared with its annotations: one gap check covers both.
/// </summary>
public sealed record RelationChange(long Seq, string DocumentId, string Kind, Relation Relation)
{
    internal static RelationChange Of(long seq, Annotation relation) =>
        new(seq, relation.DocumentId, relation.Deleted ? AnnotationChange.Delete : AnnotationChange.Upsert, Relation.From(relation));
}
