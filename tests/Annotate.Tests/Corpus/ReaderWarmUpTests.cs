using Annotate.Corpus;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Corpus;

/// <summary>
/// After a start, the longest article's reader HTML is rendered before anyone asks, so its first reader does not wait
/// for the renderer's first, unoptimised run.
/// </summary>
public sealed class ReaderWarmUpTests : IDisposable
{
    private readonly CorpusFolder corpus = new();

    public void Dispose() => corpus.Dispose();

    [Fact]
    public async Task The_Longest_Article_Is_Rendered_Ahead_Of_Its_First_Reader()
    {
        corpus.Write("news/short.md", CorpusFolder.Article("Short", "Two words."));
        corpus.Write("news/long.md", CorpusFolder.Article("Long", string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"Paragraph {i} of the *long* one, with a [link](https://example.org/{i})."))));
        corpus.Write("news/middle.md", CorpusFolder.Article("Middle", "A few more words than the short one."));

        using var app = AnnotateApp.ForCorpus(corpus.Root);
        await app.SignedInClientAsync();
        var store = app.Services.GetRequiredService<DocumentStore>();
        var html = app.Services.GetRequiredService<ReaderHtml>();
        var (_, longest) = (await store.GetAsync("news.long", null, CancellationToken.None))!.Value;
        var (_, shorter) = (await store.GetAsync("news.middle", null, CancellationToken.None))!.Value;

        // Nobody has opened a document: only the warm-up can have rendered it.
        await Eventually.TrueAsync(() => html.Holds(longest), "the longest article's reader HTML is cached", timeoutMilliseconds: 30_000);
        Assert.Equal("news.long", app.Services.GetRequiredService<ReaderWarmUp>().Rendered);
        Assert.False(html.Holds(shorter));
    }
}
