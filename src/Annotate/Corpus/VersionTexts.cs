using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Annotate.Corpus;

/// <summary>A version's text and blocks, as a write needs them to check offsets.</summary>
internal sealed record VersionText(VersionRow Row, IReadOnlyList<Block> Blocks);

/// <summary>
/// Document versions kept in memory for annotation writes: a version's text never changes, so each is read and its
/// blocks parsed once, not on every save (a long article is 600 KB of text). Bounded by size.
/// </summary>
internal sealed class VersionTexts(DocumentStore documents) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 128_000_000 });

    public async Task<VersionText?> GetAsync(string documentId, int version, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue((documentId, version), out VersionText? hit))
        {
            return hit;
        }

        if (await documents.VersionAsync(documentId, version, cancellationToken) is not { } row)
        {
            return null;
        }

        var text = new VersionText(row, JsonSerializer.Deserialize<List<Block>>(row.BlocksJson, JsonSerializerOptions.Web) ?? []);
        cache.Set((documentId, version), text, new MemoryCacheEntryOptions { Size = row.Text.Length + row.BlocksJson.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return text;
    }

    public void Dispose() => cache.Dispose();
}
