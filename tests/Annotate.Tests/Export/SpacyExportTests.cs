using System.Text.Json;

namespace Annotate.Tests.Export;

/// <summary>The spaCy export: code point offsets that Python's doc.char_span finds, every perspective kept.</summary>
public sealed class SpacyExportTests
{
    private static List<JsonElement> Lines(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "default.spacy.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task Each_Annotator_And_The_Gold_Layer_Get_Their_Own_Span_List()
    {
        await using var scenario = await ExportScenario.CreateAsync();

        var one = await scenario.ExportAsync("spacy", "one");
        var two = await scenario.ExportAsync("spacy", "two");

        ExportScenario.AssertSameFiles(one, two);
        var lines = Lines(one);
        Assert.Equal(12, lines.Count);
        var line = lines.Single(l => l.GetProperty("id").GetString() == ExportScenario.Doc);
        Assert.Equal("codepoints", line.GetProperty("offsets").GetString());
        var annotators = line.GetProperty("annotators").EnumerateObject().ToDictionary(a => a.Value.GetProperty("name").GetString()!, a => a.Name);
        Assert.Equal("reader-a", line.GetProperty("annotators").GetProperty(annotators["Ana"]).GetProperty("attributes").GetProperty("group").GetString());
        var spans = line.GetProperty("spans");
        var text = line.GetProperty("text").GetString()!;
        var ana = spans.GetProperty(annotators["Ana"]).EnumerateArray().Select(s => (Start: s[0].GetInt32(), End: s[1].GetInt32(), Label: s[2].GetString()!, Layer: s[3].GetString()!)).ToList();
        Assert.All(ExportScenario.CodebookLabels().Where(l => l.Scope == "span"), l => Assert.Contains(ana, s => s.Layer == l.Layer && s.Label == l.Label));
        Assert.Contains(ana, a => ana.Any(b => a != b && a.Layer == b.Layer && a.Start < b.End && b.Start < a.End));
        Assert.All(ana, s => Assert.Equal(scenario.Text[s.Start..s.End], NonBmpScenario.SliceByCodePoints(text, s.Start, s.End)));
        var gold = Assert.Single(spans.GetProperty("gold").EnumerateArray());
        Assert.Equal([0, 10], new[] { gold[0].GetInt32(), gold[1].GetInt32() });
        Assert.Equal("blockade", gold[2].GetString());

        var stances = lines.SelectMany(l => l.GetProperty("documentLabels").EnumerateObject()).SelectMany(p => p.Value.EnumerateArray()).Select(l => l[0].GetString()).ToHashSet();
        Assert.All(ExportScenario.CodebookLabels().Where(l => l.Scope == "document"), l => Assert.Contains(l.Label, stances));
        Assert.Contains(lines, l => l.GetProperty("documentLabels").GetProperty("gold").GetArrayLength() == 1);
    }

    [Fact]
    public async Task Offsets_Count_Code_Points_So_Text_Past_An_Emoji_Is_Found_As_Python_Slices_It()
    {
        await using var scenario = await NonBmpScenario.CreateAsync();

        var line = Assert.Single(Lines(await scenario.ExportAsync("spacy", "out")));

        var text = line.GetProperty("text").GetString()!;
        Assert.Equal(scenario.Text, text);
        var spans = line.GetProperty("spans").EnumerateObject().First(p => p.Name != "gold").Value.EnumerateArray()
            .Select(s => NonBmpScenario.SliceByCodePoints(text, s[0].GetInt32(), s[1].GetInt32())).ToList();
        Assert.Equal(NonBmpScenario.Quotes.Order(StringComparer.Ordinal), spans.Order(StringComparer.Ordinal));
        var closed = line.GetProperty("spans").EnumerateObject().First().Value.EnumerateArray().Single(s => NonBmpScenario.SliceByCodePoints(text, s[0].GetInt32(), s[1].GetInt32()) == "closed");
        Assert.Equal(text.IndexOf("closed", StringComparison.Ordinal) - 2, closed[0].GetInt32()); // 𝔸 and 😀 are one code point each
    }
}
