using System.Diagnostics;
using System.Net.Http.Json;

namespace Annotate.Benchmarks;

/// <summary>One span to create, as the PUT body wants it.</summary>
internal sealed record SeedSpan(string Id, string Layer, string Label, int Start, int End, string Quote,
    Dictionary<string, object>? Attributes, Dictionary<string, string>? Attribution);

/// <summary>
/// Spreads spans evenly over the text (word-aligned, 1–20 words, so many overlap) over the bundled codebook's three
/// span layers, with claim attributes and some actor attributions, and creates them through the public API.
/// </summary>
internal static class LongArticleSeed
{
    private static readonly (string Layer, string[] Labels)[] Layers =
    [
        ("frame", ["blockade", "protest", "security", "economic", "humanitarian", "legal"]),
        ("claim", ["factual-claim", "accusation", "denial"]),
        ("source", ["official", "eyewitness", "anonymous-source", "expert", "media", "advocate", "social-media"]),
    ];

    private static readonly string[] Veracity = ["fake", "disputed", "accurate", "unverifiable"];
    private static readonly string[] Actors = ["dalmor-government", "varenia-government", "aldmere-federation", "celmar-civic-assembly"];

    public static List<SeedSpan> Plan(string text, int count)
    {
        var random = new Random(LongArticleText.Seed);
        var tokens = AppServer.Token().Matches(text);
        var spans = new List<SeedSpan>(count);
        for (var i = 0; i < count; i++)
        {
            var first = Math.Min(tokens.Count - 1, (int)((long)i * tokens.Count / count) + random.Next(0, 4));
            var last = Math.Min(tokens.Count - 1, first + random.Next(0, 20));
            var start = tokens[first].Index;
            var end = tokens[last].Index + tokens[last].Length;
            var pick = random.Next(10);
            var (layer, labels) = Layers[pick < 5 ? 0 : pick < 8 ? 1 : 2];
            Dictionary<string, object>? attributes = null;
            Dictionary<string, string>? attribution = null;
            if (layer == "claim")
            {
                attributes = new() { ["veracity"] = Veracity[random.Next(Veracity.Length)], ["confidence"] = random.Next(1, 6) };
                if (random.Next(3) == 0)
                {
                    attribution = new() { ["actor"] = Actors[random.Next(Actors.Length)] };
                }
            }

            var id = new byte[16];
            random.NextBytes(id);
            spans.Add(new SeedSpan(new Guid(id).ToString(), layer, labels[random.Next(labels.Length)], start, end, text[start..end], attributes, attribution));
        }

        return spans;
    }

    /// <summary>PUTs every span, a few at a time; returns how long it took.</summary>
    public static async Task<TimeSpan> PutAllAsync(HttpClient api, string documentId, IReadOnlyList<SeedSpan> spans, int parallel)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, parallel).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < spans.Count)
            {
                var s = spans[i];
                using var response = await api.PutAsJsonAsync($"/api/documents/{Uri.EscapeDataString(documentId)}/annotations/{s.Id}", new
                {
                    layer = s.Layer, label = s.Label, start = s.Start, end = s.End, quote = s.Quote, attributes = s.Attributes, attribution = s.Attribution,
                });
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"PUT of span {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                if (i % 1000 == 999)
                {
                    Console.Error.WriteLine(FormattableString.Invariant($"  {i + 1:N0} spans in {clock.Elapsed.TotalSeconds:F1} s"));
                }
            }
        });
        await Task.WhenAll(workers);
        return clock.Elapsed;
    }
}
