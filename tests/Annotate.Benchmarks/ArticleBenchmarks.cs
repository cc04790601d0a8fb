using Annotate.Corpus;
using BenchmarkDotNet.Attributes;

namespace Annotate.Benchmarks;

/// <summary>
/// The per-article work of a corpus load (<see cref="Parse"/>) and of opening an article in the reader
/// (<see cref="ToHtml"/> + <see cref="Sanitize"/>), on a typical generated article of about 5 KB.
/// </summary>
[MemoryDiagnoser]
public class ArticleBenchmarks
{
    private string path = "";
    private byte[] bytes = [];
    private string body = "";
    private string html = "";
    private ArticleHtml sanitizer = null!;

    /// <summary>The size of the article measured, in bytes (shown in the report's parameters).</summary>
    public int ArticleBytes => bytes.Length;

    [GlobalSetup]
    public void Setup()
    {
        // The generated article (of the first 200) closest to 5,000 bytes: a typical one, the same on every run.
        (path, var text) = Enumerable.Range(0, 200).Select(CorpusGenerator.Article)
            .MinBy(a => Math.Abs(System.Text.Encoding.UTF8.GetByteCount(a.Text) - CorpusGenerator.TargetBytes));
        bytes = System.Text.Encoding.UTF8.GetBytes(text);
        body = ArticleParser.Parse(path, bytes).Body;
        html = ArticleRenderer.ToHtml(body, ArticleFormat.Markdown).Html;
        sanitizer = new ArticleHtml();
        Console.WriteLine($"// Article: {path}, {bytes.Length:N0} bytes, body {body.Length:N0} chars, HTML {html.Length:N0} chars");
    }

    /// <summary>What the loader does per changed file after reading it: decode, front matter, canonical text, hashes.</summary>
    [Benchmark(Baseline = true)]
    public object Parse() => ArticleParser.Parse(path, bytes);

    /// <summary>The canonical text alone (the Markdown walk without HTML), part of <see cref="Parse"/>.</summary>
    [Benchmark]
    public object ToText() => ArticleRenderer.ToText(body, ArticleFormat.Markdown);

    /// <summary>The reader's HTML before sanitising.</summary>
    [Benchmark]
    public string ToHtml() => ArticleRenderer.ToHtml(body, ArticleFormat.Markdown).Html;

    /// <summary>Sanitising that HTML with the app's singleton sanitiser.</summary>
    [Benchmark]
    public string Sanitize() => sanitizer.Sanitize(html);

    /// <summary>What the reader does on a cache miss: render and sanitise.</summary>
    [Benchmark]
    public string ToHtmlAndSanitize() => sanitizer.Sanitize(ArticleRenderer.ToHtml(body, ArticleFormat.Markdown).Html);

    /// <summary>Sanitising with a new <see cref="ArticleHtml"/> each time (what a non-singleton registration would cost).</summary>
    [Benchmark]
    public string NewSanitizerAndSanitize() => new ArticleHtml().Sanitize(html);
}
