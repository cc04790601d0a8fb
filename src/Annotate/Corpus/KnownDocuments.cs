using System.Data;
using Annotate.Data;
using Dapper;

namespace Annotate.Corpus;

/// <summary>
/// What the database already holds about each document file: enough to skip unchanged files without reading them
/// and to decide whether a changed file is a new text (a new version) or only new metadata.
/// </summary>
internal sealed class KnownDocuments
{
    private readonly Dictionary<string, KnownDocument> byId;

    private KnownDocuments(Dictionary<string, KnownDocument> byId) => this.byId = byId;

    public static async Task<KnownDocuments> ReadAsync(Db db, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.Id, d.Path, d.FileSize, d.FileModifiedTicks, d.IsMissing, d.CurrentVersion, v.ContentHash
            FROM Documents d JOIN DocumentVersions v ON v.DocumentId = d.Id AND v.Version = d.CurrentVersion;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KnownDocument>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return new KnownDocuments(rows.ToDictionary(r => r.Id, StringComparer.Ordinal));
    }

    public bool IsUnchanged(string id, CorpusFile file) =>
        byId.TryGetValue(id, out var known) && known.IsMissing == 0 && known.Path == file.RelativePath
        && known.FileSize == file.Size && known.FileModifiedTicks == file.ModifiedTicks;

    /// <summary>Writes a batch; returns how many documents were added and which got a new version of their text.</summary>
    public async Task<(int Added, List<(string Id, long Version, string Text)> NewVersions)> SaveAsync(IDbConnection connection, IDbTransaction transaction, IReadOnlyList<ParsedFile> batch, DateTimeOffset now)
    {
        var (added, newVersions) = (0, new List<(string, long, string)>());
        foreach (var parsed in batch)
        {
            var article = parsed.Article;
            byId.TryGetValue(parsed.Id, out var known);
            var sameText = known is not null && known.ContentHash == article.ContentHash;
            var version = known is null ? 1 : sameText ? known.CurrentVersion : known.CurrentVersion + 1;
            var versionRow = new
            {
                DocumentId = parsed.Id,
                Version = version,
                article.ContentHash,
                Format = article.Format == ArticleFormat.Markdown ? "markdown" : "text",
                Source = article.Body,
                article.Text.Text,
                BlocksJson = article.Json.Blocks,
                CreatedAt = now.ToString("O"),
            };
            await connection.ExecuteAsync(UpsertDocument, DocumentParameters(parsed, version, now), transaction);
            // A text that did not change keeps its version (annotations stay valid); only its markup may be refreshed.
            await connection.ExecuteAsync(sameText ? RefreshVersion : InsertVersion, versionRow, transaction);
            added += known is null ? 1 : 0;
            if (known is not null && !sameText)
            {
                newVersions.Add((parsed.Id, version, article.Text.Text));
            }

            byId[parsed.Id] = new KnownDocument(parsed.Id, parsed.File.RelativePath, parsed.File.Size, parsed.File.ModifiedTicks, 0, version, article.ContentHash);
        }

        return (added, newVersions);
    }

    /// <summary>Documents whose file is gone are flagged, not deleted: their versions and annotations stay.</summary>
    public async Task<int> MarkMissingAsync(IDbConnection connection, IDbTransaction transaction, HashSet<string> present)
    {
        var gone = byId.Values.Where(k => k.IsMissing == 0 && !present.Contains(k.Id)).Select(k => k.Id).ToList();
        foreach (var id in gone)
        {
            await connection.ExecuteAsync("UPDATE Documents SET IsMissing = 1 WHERE Id = @Id;", new { Id = id }, transaction);
            byId[id] = byId[id] with { IsMissing = 1 };
        }

        return gone.Count;
    }

    private static object DocumentParameters(ParsedFile parsed, long version, DateTimeOffset now)
    {
        var metadata = parsed.Article.Metadata;
        return new
        {
            parsed.Id,
            Collection = DocumentIds.CollectionOf(parsed.File.RelativePath),
            parsed.File.RelativePath,
            Version = version,
            metadata.Title,
            metadata.Outlet,
            metadata.Author,
            metadata.Date,
            metadata.Language,
            metadata.Url,
            TagsJson = parsed.Article.Json.Tags,
            MetadataJson = parsed.Article.Json.Metadata,
            parsed.Article.Text.WordCount,
            parsed.Article.SourceHash,
            FileSize = parsed.File.Size,
            parsed.File.ModifiedTicks,
            UpdatedAt = now.ToString("O"),
        };
    }

    private const string UpsertDocument = """
        INSERT INTO Documents (Id, ProjectId, Collection, Path, CurrentVersion, Title, Outlet, Author, Date, Language, Url, TagsJson,
                               MetadataJson, WordCount, SourceHash, FileSize, FileModifiedTicks, IsMissing, UpdatedAt)
        VALUES (@Id,
                -- The project owning the most specific collection that contains this one, else 'default'.
                coalesce((SELECT p.Id FROM Projects p WHERE p.Collection IS NOT NULL
                            AND (@Collection = p.Collection OR substr(@Collection, 1, length(p.Collection) + 1) = p.Collection || '/')
                          ORDER BY length(p.Collection) DESC LIMIT 1), 'default'),
                @Collection, @RelativePath, @Version, @Title, @Outlet, @Author, @Date, @Language, @Url, @TagsJson,
                @MetadataJson, @WordCount, @SourceHash, @FileSize, @ModifiedTicks, 0, @UpdatedAt)
        ON CONFLICT (Id) DO UPDATE SET
            Collection = excluded.Collection, Path = excluded.Path, CurrentVersion = excluded.CurrentVersion,
            Title = excluded.Title, Outlet = excluded.Outlet, Author = excluded.Author, Date = excluded.Date,
            Language = excluded.Language, Url = excluded.Url, TagsJson = excluded.TagsJson,
            MetadataJson = excluded.MetadataJson, WordCount = excluded.WordCount, SourceHash = excluded.SourceHash,
            FileSize = excluded.FileSize, FileModifiedTicks = excluded.FileModifiedTicks, IsMissing = 0,
            UpdatedAt = excluded.UpdatedAt;
        """;

    private const string InsertVersion = """
        INSERT INTO DocumentVersions (DocumentId, Version, ContentHash, Format, Source, Text, BlocksJson, CreatedAt)
        VALUES (@DocumentId, @Version, @ContentHash, @Format, @Source, @Text, @BlocksJson, @CreatedAt);
        """;

    private const string RefreshVersion = """
        UPDATE DocumentVersions SET Format = @Format, Source = @Source, BlocksJson = @BlocksJson
        WHERE DocumentId = @DocumentId AND Version = @Version;
        """;
}

internal sealed record KnownDocument(string Id, string Path, long FileSize, long FileModifiedTicks, long IsMissing, long CurrentVersion, string ContentHash);
