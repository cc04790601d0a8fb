using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Annotate.Tests.Export;

/// <summary>The CSV export: one row per annotation, read back as spreadsheets and R read it.</summary>
public sealed class CsvExportTests
{
    internal static (string[] Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        Assert.True(csv.Read() && csv.ReadHeader());
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!, StringComparer.Ordinal));
        return (header, rows);
    }

    [Fact]
    public async Task Every_Annotation_And_The_Gold_Layer_Become_Rows_With_Attributes_And_Provenance()
    {
        await using var scenario = await ExportScenario.CreateAsync();

        var one = await scenario.ExportAsync("csv", "one");
        var two = await scenario.ExportAsync("csv", "two");

        ExportScenario.AssertSameFiles(one, two);
        var path = Path.Combine(one, "default.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(path)[..3]);
        Assert.StartsWith("document,collection,", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("provenance_sources\r\n", File.ReadAllText(path), StringComparison.Ordinal);
        var (header, rows) = Read(path);
        Assert.Equal(["document", "collection", "annotation_id", "annotator_id", "annotator_name", "attr_background", "attr_group", "kind", "layer", "label",
            "start", "end", "start_cp", "end_cp", "quote", "note", "attributes", "attribution", "provenance_action", "provenance_curator", "provenance_sources"], header);
        var people = rows.Where(r => r["annotator_id"] != "gold").ToList();
        Assert.All(ExportScenario.CodebookLabels(), l => Assert.Contains(people, r => r["layer"] == l.Layer && r["label"] == l.Label));
        Assert.All(people.Where(r => r["annotator_name"] == "Ana"), r => Assert.Equal(("reader-a", ""), (r["attr_group"], r["attr_background"])));
        Assert.All(people.Where(r => r["annotator_name"] == "Ben"), r => Assert.Equal(("reader-b", "law"), (r["attr_group"], r["attr_background"])));

        var spans = rows.Where(r => r["document"] == ExportScenario.Doc && r["kind"] == "span").ToList();
        Assert.All(spans, r => Assert.Equal(scenario.Text[int.Parse(r["start"], CultureInfo.InvariantCulture)..int.Parse(r["end"], CultureInfo.InvariantCulture)], r["quote"]));
        var ana = spans.Where(r => r["annotator_name"] == "Ana" && r["layer"] == "frame").ToList();
        Assert.Contains(ana, a => ana.Any(b => a != b && int.Parse(a["start"], CultureInfo.InvariantCulture) < int.Parse(b["end"], CultureInfo.InvariantCulture)
            && int.Parse(b["start"], CultureInfo.InvariantCulture) < int.Parse(a["end"], CultureInfo.InvariantCulture)));
        var denial = Assert.Single(spans, r => r["label"] == "denial" && r["note"].Length > 0);
        Assert.Equal(ExportScenario.Note, denial["note"]);
        Assert.Equal("disputed", JsonDocument.Parse(denial["attributes"]).RootElement.GetProperty("veracity").GetString());
        Assert.All(rows.Where(r => r["kind"] == "document"), r => Assert.Equal(("", "", ""), (r["start"], r["end"], r["quote"])));

        var gold = Assert.Single(rows, r => r["annotator_id"] == "gold" && r["kind"] == "span");
        Assert.Equal(("0", "10", "accepted", scenario.GoldSpan.Source, scenario.GoldSpan.Gold), (gold["start"], gold["end"], gold["provenance_action"], gold["provenance_sources"], gold["annotation_id"]));
        Assert.Equal("cora", gold["provenance_curator"]);
        var goldLabel = Assert.Single(rows, r => r["annotator_id"] == "gold" && r["kind"] == "document");
        Assert.Equal(("stance", "created", ""), (goldLabel["layer"], goldLabel["provenance_action"], goldLabel["provenance_sources"]));
    }

    [Fact]
    public async Task Code_Point_Columns_Slice_The_Text_Past_Emoji_And_Mathematical_Letters()
    {
        await using var scenario = await NonBmpScenario.CreateAsync();

        var (_, rows) = Read(Path.Combine(await scenario.ExportAsync("csv", "out"), "default.csv"));

        Assert.Equal(NonBmpScenario.Quotes.Order(StringComparer.Ordinal), rows.Select(r => r["quote"]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(r["quote"], NonBmpScenario.SliceByCodePoints(scenario.Text,
            int.Parse(r["start_cp"], CultureInfo.InvariantCulture), int.Parse(r["end_cp"], CultureInfo.InvariantCulture))));
        Assert.Contains(rows, r => r["start"] != r["start_cp"]);
    }
}
