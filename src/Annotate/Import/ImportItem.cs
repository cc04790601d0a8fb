using System.Text.Json;
using Annotate.Annotations;

namespace Annotate.Import;

/// <summary>
/// One annotation read from an import file, before it is checked against the database. The document is named by
/// id (jsonl) or by corpus path without its extension (brat); a brat type that is not "{layer}__{label}" leaves
/// <see cref="Layer"/> null and the label to be looked up in the codebook.
/// </summary>
internal sealed record ImportItem(string Source, string? DocumentId, string? DocumentPath, string AnnotatorId, string AnnotatorName,
    string Kind, string Id, string? Layer, string Label, int? Start, int? End, string? Quote,
    Dictionary<string, JsonElement> Attributes, AttributionRequest? Attribution, string? Note, string? ProvenanceJson,
    string? RelationSource = null, string? RelationTarget = null)
{
    /// <summary>A relation (Kind "relation", its type as Label) between the spans with these ids in the import file.</summary>
    public static ImportItem Relation(string source, string? documentId, string? documentPath, string annotatorId, string annotatorName, string id,
        string type, string from, string to, Dictionary<string, JsonElement> attributes, string? note) =>
        new(source, documentId, documentPath, annotatorId, annotatorName, Annotation.RelationKind, id, null, type, null, null, null, attributes, null, note, null, from, to);

    public string Document => DocumentId ?? DocumentPath ?? "";
}

/// <summary>An annotation not imported, and why: printed on stderr, counted by reason in the summary.</summary>
internal sealed record ImportProblem(string Source, string Document, string Reason, string Detail)
{
    public const string QuoteMismatch = "quote mismatch";
    public const string UnknownLabel = "unknown label";
    public const string UnknownDocument = "unknown document";
    public const string Invalid = "invalid";
    public const string Unsupported = "unsupported";
    public const string Orphan = "orphan";
    public const string Refused = "refused";

    public override string ToString() => $"{Source}: {Document}: {Reason}: {Detail}";
}

/// <summary>What an import file holds: the annotations and what could not even be read as one.</summary>
internal sealed record ImportBatch(IReadOnlyList<ImportItem> Items, IReadOnlyList<ImportProblem> Problems);

/// <summary>Bad input (malformed line, unsafe path, unknown layout): nothing is imported, exit code 2.</summary>
internal sealed class ImportFormatException(string message) : Exception(message);
