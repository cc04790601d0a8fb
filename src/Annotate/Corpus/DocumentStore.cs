using System.Globalization;
using System.Text;
using Annotate.Data;
using Dapper;

namespace Annotate.Corpus;

/// <summary>Reads documents for the API and the reader. Writes belong to <see cref="CorpusLoader"/>.</summary>
internal sealed class DocumentStore(Db db)
{
    private const string SummaryColumns = """
        Id, Collection, Path, CurrentVersion, Title, Outlet, Author, Date, Language, Url, TagsJson, MetadataJson, WordCount, ProjectId
        """;

    // Only documents the person may see (everything when no person is given: the loader, tests): those of their
    // projects, and in a project that spreads documents out, an annotator's own assignments.
    private const string MemberProjects = """
        (@UserId IS NULL OR EXISTS (SELECT 1 FROM ProjectMembers m JOIN Projects p ON p.Id = m.ProjectId
            WHERE m.ProjectId = Documents.ProjectId AND m.UserId = @UserId
              AND (p.Assignment <> 'spread' OR m.Role <> 'annotator'
                   OR EXISTS (SELECT 1 FROM Assignments a WHERE a.ProjectId = m.ProjectId AND a.DocumentId = Documents.Id AND a.UserId = @UserId))))
        """;

    public async Task<DocumentList> ListAsync(DocumentQuery query, string? userId, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {SummaryColumns} FROM Documents WHERE IsMissing = 0 AND {MemberProjects}");
        if (query.Collection is not null)
        {
            sql.Append(" AND Collection = @Collection");
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            sql.Append(" AND Language = @Language");
        }

        sql.Append(" ORDER BY Collection, Date IS NULL, Date, lower(Title), Id;");
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DocumentRow>(new CommandDefinition(sql.ToString(),
            new { query.Collection, Language = query.Language?.Trim(), UserId = userId }, cancellationToken: cancellationToken));
        // Text search runs here rather than in SQL: SQLite's LIKE folds case for ASCII only, and readers of Greek or
        // Czech expect "celmar" to find "Čelmar".
        var items = rows.Select(r => r.ToSummary()).Where(d => Matches(d, query)).ToList();
        return new DocumentList(items, items.Count);
    }

    private static bool Matches(DocumentSummary document, DocumentQuery query)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        bool Contains(string? text, string term) => text is not null && compare.IndexOf(text, term, loose) >= 0;
        var q = query.Q?.Trim();
        var tag = query.Tag?.Trim();
        return (string.IsNullOrEmpty(q) || Contains(document.Title, q) || Contains(document.Outlet, q) || Contains(document.Author, q)
                || document.Tags.Any(t => Contains(t, q)))
            && (string.IsNullOrEmpty(tag) || document.Tags.Any(t => compare.Compare(t, tag, loose) == 0));
    }

    /// <summary>The id of the present document with the most words (none in an empty corpus).</summary>
    public async Task<string?> LongestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT Id FROM Documents WHERE IsMissing = 0 ORDER BY WordCount DESC, Id LIMIT 1;", cancellationToken: cancellationToken));
    }

    public async Task<(DocumentRow Document, VersionRow Version)?> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {SummaryColumns} FROM Documents WHERE Id = @Id;
            SELECT DocumentId, Version, ContentHash, Format, Source, Text, BlocksJson FROM DocumentVersions
            WHERE DocumentId = @Id AND Version = coalesce(@Version, (SELECT CurrentVersion FROM Documents WHERE Id = @Id));
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { Id = id, Version = version }, cancellationToken: cancellationToken));
        var document = await results.ReadSingleOrDefaultAsync<DocumentRow>();
        var versionRow = await results.ReadSingleOrDefaultAsync<VersionRow>();
        return document is null || versionRow is null ? null : (document, versionRow);
    }

    /// <summary>
    /// A document's current metadata and version number, without its text: what existence checks, codebook lookups
    /// and hub joins need (a long article's text is 600 KB, not worth reading for a yes or no).
    /// </summary>
    public async Task<DocumentRow?> HeadAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM Documents WHERE Id = @Id;", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<VersionRow?> VersionAsync(string id, int version, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            "SELECT DocumentId, Version, ContentHash, Format, Source, Text, BlocksJson FROM DocumentVersions WHERE DocumentId = @Id AND Version = @Version;",
            new { Id = id, Version = version }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DocumentVersionInfo>?> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM Documents WHERE Id = @Id;", new { Id = id }, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return null;
        }

        var rows = await connection.QueryAsync<(long Version, string ContentHash, string CreatedAt)>(new CommandDefinition(
            "SELECT Version, ContentHash, CreatedAt FROM DocumentVersions WHERE DocumentId = @Id ORDER BY Version;", new { Id = id }, cancellationToken: cancellationToken));
        return rows.Select(r => new DocumentVersionInfo((int)r.Version, r.ContentHash, r.CreatedAt)).ToList();
    }

    public async Task<IReadOnlyList<CollectionInfo>> CollectionsAsync(string? userId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT Collection, count(*) AS Count FROM Documents WHERE IsMissing = 0 AND {MemberProjects} GROUP BY Collection ORDER BY Collection;";
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Collection, long Count)>(new CommandDefinition(sql, new { UserId = userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new CollectionInfo(r.Collection, r.Collection.Length == 0 ? "(corpus root)" : r.Collection, (int)r.Count)).ToList();
    }

    /// <summary>The collections holding documents the person may see, each with the project those documents belong to.</summary>
    public async Task<IReadOnlyList<(string Collection, string ProjectId)>> ProjectCollectionsAsync(string userId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT DISTINCT Collection, ProjectId FROM Documents WHERE IsMissing = 0 AND {MemberProjects} ORDER BY Collection, ProjectId;";
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Collection, string ProjectId)>(new CommandDefinition(sql, new { UserId = userId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM Documents WHERE IsMissing = 0;", cancellationToken: cancellationToken));
    }
}
