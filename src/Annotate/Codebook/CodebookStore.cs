using System.Data;
using System.Text.Json;
using Annotate.Data;
using Dapper;

namespace Annotate.Codebook;

/// <summary>A stored codebook version for one collection ("" is the corpus root).</summary>
public sealed record CodebookInfo(string Collection, int Version, string ContentHash, string CreatedAt, CodebookDefinition Codebook);

/// <summary>Codebook versions: a new row each time a collection's codebook.yaml changes, older ones kept.</summary>
internal sealed class CodebookStore(Db db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Dictionary<string, (long Version, string ContentHash)>> LatestHashesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT Collection, Version, ContentHash FROM CodebookVersions c
            WHERE Version = (SELECT max(Version) FROM CodebookVersions WHERE Collection = c.Collection);
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Collection, long Version, string ContentHash)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Collection, r => (r.Version, r.ContentHash), StringComparer.Ordinal);
    }

    public static Task InsertAsync(IDbConnection connection, IDbTransaction transaction, string collection, long version,
        string contentHash, string yaml, CodebookDefinition codebook, DateTimeOffset now)
    {
        const string sql = """
            INSERT INTO CodebookVersions (Collection, Version, ContentHash, Yaml, Json, CreatedAt)
            VALUES (@Collection, @Version, @ContentHash, @Yaml, @Json, @CreatedAt);
            """;
        return connection.ExecuteAsync(sql, new
        {
            Collection = collection,
            Version = version,
            ContentHash = contentHash,
            Yaml = yaml,
            Json = JsonSerializer.Serialize(codebook, Json),
            CreatedAt = now.ToString("O"),
        }, transaction);
    }

    // A reference swapped whole, so concurrent readers never see one stamp with another list.
    private volatile CachedCodebooks? cached;

    /// <summary>
    /// The latest version of every collection's codebook. Parsed codebooks are cached and revalidated with one tiny
    /// query (versions only ever get added), because every annotation write needs its codebook.
    /// </summary>
    public async Task<IReadOnlyList<CodebookInfo>> CurrentAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FROM CodebookVersions;
            SELECT Collection, Version, ContentHash, CreatedAt, Json FROM CodebookVersions c
            WHERE Version = (SELECT max(Version) FROM CodebookVersions WHERE Collection = c.Collection)
            ORDER BY Collection;
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var stamp = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Split(';')[0], cancellationToken: cancellationToken));
        if (cached is { } hit && hit.Stamp == stamp)
        {
            return hit.Codebooks;
        }

        var rows = await connection.QueryAsync<(string Collection, long Version, string ContentHash, string CreatedAt, string Json)>(
            new CommandDefinition(sql[(sql.IndexOf(';', StringComparison.Ordinal) + 1)..], cancellationToken: cancellationToken));
        var codebooks = rows.Select(r => new CodebookInfo(r.Collection, (int)r.Version, r.ContentHash, r.CreatedAt,
            JsonSerializer.Deserialize<CodebookDefinition>(r.Json, Json)!)).ToList();
        cached = new CachedCodebooks(stamp, codebooks);
        return codebooks;
    }

    private sealed record CachedCodebooks(long Stamp, IReadOnlyList<CodebookInfo> Codebooks);

    /// <summary>The codebook that applies to a collection: its own, else its nearest parent's, else none.</summary>
    public async Task<CodebookInfo?> ForCollectionAsync(string collection, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        for (var folder = collection; ; folder = folder.Contains('/', StringComparison.Ordinal) ? folder[..folder.LastIndexOf('/')] : "")
        {
            if (current.FirstOrDefault(c => c.Collection == folder) is { } found)
            {
                return found;
            }

            if (folder.Length == 0)
            {
                return null;
            }
        }
    }
}
