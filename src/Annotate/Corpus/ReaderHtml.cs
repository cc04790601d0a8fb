using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Annotate.Corpus;

/// <summary>
/// The reader's HTML for a document version, rendered from its stored source and sanitised, cached per version
/// (versions never change). If the renderer's text ever differs from the stored canonical text (a newer build
/// renders differently), the stored blocks are shown as plain paragraphs, so offsets stay true.
/// </summary>
internal sealed class ReaderHtml(ArticleHtml sanitizer) : IDisposable
{
    // Its own cache, bounded by size: about 64 million characters of HTML (some 13,000 typical articles).
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 64_000_000 });
    private readonly ConcurrentDictionary<(string, long, int, int), Lazy<string>> rendering = new();

    public void Dispose() => cache.Dispose();

    public string For(VersionRow version, IReadOnlyList<Block> blocks)
    {
        var key = Key(version);
        if (cache.TryGetValue(key, out string? html))
        {
            return html!;
        }

        // One render per version at a time: a reader arriving while the warm-up (or another reader) renders a long
        // article waits for that render instead of starting a second one on the same cores.
        var render = rendering.GetOrAdd(key, _ => new Lazy<string>(() => sanitizer.Sanitize(Render(version, blocks))));
        try
        {
            html = render.Value;
            cache.Set(key, html, new MemoryCacheEntryOptions { Size = html.Length, SlidingExpiration = TimeSpan.FromHours(1) });
            return html;
        }
        finally
        {
            rendering.TryRemove(KeyValuePair.Create(key, render));
        }
    }

    /// <summary>Whether this version's HTML is rendered and cached.</summary>
    public bool Holds(VersionRow version) => cache.TryGetValue(Key(version), out _);

    // The source is part of the key: a markup-only edit refreshes a version's source without a new version number.
    private static (string, long, int, int) Key(VersionRow version) =>
        (version.DocumentId, version.Version, version.Source.Length, version.Source.GetHashCode(StringComparison.Ordinal));

    private static string Render(VersionRow version, IReadOnlyList<Block> blocks)
    {
        var format = version.Format == "text" ? ArticleFormat.PlainText : ArticleFormat.Markdown;
        var (text, html) = ArticleRenderer.ToHtml(version.Source, format);
        return text.Text == version.Text ? html : PlainBlocks(version.Text, blocks);
    }

    private static string PlainBlocks(string text, IReadOnlyList<Block> blocks)
    {
        var html = new StringBuilder(text.Length + (blocks.Count * 48));
        foreach (var block in blocks)
        {
            html.Append("<p").Append(ArticleRenderer.BlockAttributes(block)).Append('>');
            ArticleRenderer.AppendWithHardBreaks(html, text[block.Start..block.End]);

            html.Append("</p>");
        }

        return html.ToString();
    }
}
