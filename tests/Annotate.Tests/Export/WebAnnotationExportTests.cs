using System.Text.Json;

namespace Annotate.Tests.Export;

/// <summary>The W3C Web Annotation export: a JSON-LD AnnotationCollection with position and quote selectors.</summary>
public sealed class WebAnnotationExportTests
{
    private static List<JsonElement> Items(JsonElement collection) => [.. collection.GetProperty("first").GetProperty("items").EnumerateArray()];

    private static string Body(JsonElement annotation, string purpose) =>
        annotation.GetProperty("body").EnumerateArray().Single(b => b.GetProperty("purpose").GetString() == purpose).GetProperty("value").GetString()!;

    private static JsonElement Selector(JsonElement annotation, string type) =>
        annotation.GetProperty("target").GetProperty("selector").EnumerateArray().Single(s => s.GetProperty("type").GetString() == type);

    [Fact]
    public async Task Every_Annotation_Is_A_Web_Annotation_With_Creator_Bodies_And_Selectors()
    {
        await using var scenario = await ExportScenario.CreateAsync();

        var one = await scenario.ExportAsync("webanno", "one");
        var two = await scenario.ExportAsync("webanno", "two");

        ExportScenario.AssertSameFiles(one, two);
        var collection = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(one, "default.jsonld"))).RootElement;
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", collection.GetProperty("@context").GetString());
        Assert.Equal("AnnotationCollection", collection.GetProperty("type").GetString());
        Assert.Equal("AnnotationPage", collection.GetProperty("first").GetProperty("type").GetString());
        var items = Items(collection);
        Assert.Equal(items.Count, collection.GetProperty("total").GetInt32());
        Assert.All(items, a => Assert.Equal("Annotation", a.GetProperty("type").GetString()));
        Assert.All(items, a => Assert.StartsWith("urn:uuid:", a.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.Equal(items.Count, items.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(ExportScenario.CodebookLabels(), l => Assert.Contains(items, a => Body(a, "tagging") == l.Label && Body(a, "classifying") == l.Layer));

        var spans = items.Where(a => a.GetProperty("target").GetProperty("source").GetString() == $"urn:annotate:document:{ExportScenario.Doc}"
            && a.GetProperty("target").TryGetProperty("selector", out _)).ToList();
        Assert.All(spans, a =>
        {
            var (start, end) = (Selector(a, "TextPositionSelector").GetProperty("start").GetInt32(), Selector(a, "TextPositionSelector").GetProperty("end").GetInt32());
            var quote = Selector(a, "TextQuoteSelector");
            Assert.Equal(scenario.Text[start..end], quote.GetProperty("exact").GetString());
            Assert.EndsWith(quote.GetProperty("prefix").GetString()!, scenario.Text[..start], StringComparison.Ordinal);
            Assert.StartsWith(quote.GetProperty("suffix").GetString()!, scenario.Text[end..], StringComparison.Ordinal);
        });
        var ana = spans.Where(a => a.GetProperty("creator").GetProperty("name").GetString() == "Ana" && Body(a, "classifying") == "frame")
            .Select(a => (Start: Selector(a, "TextPositionSelector").GetProperty("start").GetInt32(), End: Selector(a, "TextPositionSelector").GetProperty("end").GetInt32())).ToList();
        Assert.Contains(ana, a => ana.Any(b => a != b && a.Start < b.End && b.Start < a.End));
        var denial = spans.Single(a => Body(a, "tagging") == "denial" && a.GetProperty("body").GetArrayLength() > 2);
        Assert.Equal(ExportScenario.Note, Body(denial, "commenting"));
        Assert.Equal("disputed", JsonDocument.Parse(Body(denial, "describing")).RootElement.GetProperty("veracity").GetString());

        var gold = Assert.Single(items, a => a.TryGetProperty("provenance", out var p) && p.GetProperty("action").GetString() == "accepted");
        Assert.Equal($"urn:uuid:{scenario.GoldSpan.Gold}", gold.GetProperty("id").GetString());
        Assert.Equal("cora", gold.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal($"urn:uuid:{scenario.GoldSpan.Source}", gold.GetProperty("provenance").GetProperty("sources")[0].GetString());
        Assert.Contains(items, a => !a.GetProperty("target").TryGetProperty("selector", out _) && Body(a, "classifying") == "stance");
    }

    [Fact]
    public async Task Text_Positions_Count_Code_Points_As_The_W3C_Model_Says()
    {
        await using var scenario = await NonBmpScenario.CreateAsync();

        var collection = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(await scenario.ExportAsync("webanno", "out"), "default.jsonld"))).RootElement;

        var items = Items(collection);
        Assert.Equal(NonBmpScenario.Quotes.Length, items.Count);
        Assert.All(items, a => Assert.Equal(Selector(a, "TextQuoteSelector").GetProperty("exact").GetString(), NonBmpScenario.SliceByCodePoints(scenario.Text,
            Selector(a, "TextPositionSelector").GetProperty("start").GetInt32(), Selector(a, "TextPositionSelector").GetProperty("end").GetInt32())));
    }
}
