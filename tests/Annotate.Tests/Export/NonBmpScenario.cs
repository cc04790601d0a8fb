using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Export;

/// <summary>
/// A corpus of one document with characters outside the Basic Multilingual Plane ("𝔸 road 😀 closed": 𝔸 and 😀
/// are two UTF-16 units but one code point each), under the bundled codebook, with spans after and around them.
/// </summary>
internal sealed class NonBmpScenario : IAsyncDisposable
{
    public const string Doc = "news.emoji";
    public static readonly string[] Quotes = ["road", "😀", "closed", "𝔸 road 😀"];

    private readonly CorpusFolder corpus = new();

    private NonBmpScenario() => corpus.Write("codebook.yaml", File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml")));

    public AnnotateApp App { get; private set; } = null!;

    /// <summary>The corpus folder, for a second app (a fresh database) on the same texts.</summary>
    public string CorpusRoot => corpus.Root;

    public string Folder { get; } = TempFolder.Create();

    public string Text { get; private set; } = "";

    public static async Task<NonBmpScenario> CreateAsync()
    {
        var scenario = new NonBmpScenario();
        scenario.corpus.Write("news/emoji.md", CorpusFolder.Article("Emoji", "𝔸 road 😀 closed"));
        scenario.App = AnnotateApp.ForCorpus(scenario.corpus.Root);
        await using var ana = await HubUser.SignInAsync(scenario.App, "Ana");
        scenario.Text = (await ana.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}")).GetProperty("text").GetString()!;
        foreach (var quote in Quotes)
        {
            var start = scenario.Text.IndexOf(quote, StringComparison.Ordinal);
            await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", start, start + quote.Length);
        }

        return scenario;
    }

    /// <summary>The text between two code point offsets, counted as Python's str and spaCy count them.</summary>
    public static string SliceByCodePoints(string text, int start, int end)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Skip(start).Take(end - start))
            builder.Append(rune.ToString());
        return builder.ToString();
    }

    public Task<string> ExportAsync(string format, string name) => ExportScenario.ExportAsync(App, Folder, format, name);

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        corpus.Dispose();
        TempFolder.Delete(Folder);
        return ValueTask.CompletedTask;
    }
}
