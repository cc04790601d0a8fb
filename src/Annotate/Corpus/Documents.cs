using System.Text.Json;

namespace Annotate.Corpus;

/// <summary>A document as listed: its current metadata, without the text.</summary>
public sealed record DocumentSummary(
    string Id,
    string Collection,
    string Path,
    string Title,
    string? Outlet,
    string? Author,
    string? Date,
    string? Language,
    IReadOnlyList<string> Tags,
    int Version,
    int WordCount,
    string ProjectId = "default");

/// <summary>One version of a document with its canonical text, blocks and sanitised HTML.</summary>
public sealed record DocumentDetail(
    string Id,
    string Collection,
    string Path,
    string Title,
    string? Outlet,
    string? Author,
    string? Date,
    string? Language,
    IReadOnlyList<string> Tags,
    int Version,
    int CurrentVersion,
    int WordCount,
    string? Url,
    JsonElement Metadata,
    string ContentHash,
    string Text,
    IReadOnlyList<Block> Blocks,
    string Html,
    CodebookRef? Codebook,
    string ProjectId = "default");

/// <summary>Which codebook version applies to a document (GET /api/documents/{id}/codebook has it whole).</summary>
public sealed record CodebookRef(string Collection, int Version);

public sealed record DocumentList(IReadOnlyList<DocumentSummary> Items, int Total);

public sealed record DocumentVersionInfo(int Version, string ContentHash, string CreatedAt);

public sealed record CollectionInfo(string Path, string Name, int DocumentCount);

/// <summary>Filters for the document list; every field is optional.</summary>
internal sealed record DocumentQuery(string? Q, string? Collection, string? Language, string? Tag);

/// <summary>Rows as stored: PascalCase columns map onto these without configuration.</summary>
internal sealed record DocumentRow(
    string Id, string Collection, string Path, long CurrentVersion, string Title, string? Outlet, string? Author,
    string? Date, string? Language, string? Url, string TagsJson, string MetadataJson, long WordCount, string ProjectId)
{
    public DocumentSummary ToSummary() => new(Id, Collection, Path, Title, Outlet, Author, Date, Language,
        JsonSerializer.Deserialize<List<string>>(TagsJson) ?? [], (int)CurrentVersion, (int)WordCount, ProjectId);
}

internal sealed record VersionRow(string DocumentId, long Version, string ContentHash, string Format, string Source, string Text, string BlocksJson);
