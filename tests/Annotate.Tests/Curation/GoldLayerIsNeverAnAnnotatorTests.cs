using System.Text.Json;
using Annotate.Curation;
using Annotate.Data;
using Annotate.Tests.Export;
using Dapper;

namespace Annotate.Tests.Curation;

/// <summary>
/// Every path that lists, counts or compares annotators, on one project where the gold layer has annotations
/// beside two people's: the gold layer is never one of the annotators, and appears only where it is meant to, as gold.
/// </summary>
public sealed class GoldLayerIsNeverAnAnnotatorTests(GoldLayerProject project) : IClassFixture<GoldLayerProject>
{
    private const string Doc = GoldLayerProject.Doc;
    private const string Gold = GoldLayerProject.Gold;

    /// <summary>The distinct ids in a JSON array (of objects, their <paramref name="property"/>; of strings, the strings), in order.</summary>
    private static string[] Ids(JsonElement items, string? property = "id") =>
        [.. items.EnumerateArray().Select(p => (property is null ? p : p.GetProperty(property)).GetString()!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_Human_Annotations_View_Holds_Every_Row_But_The_Gold_Layers()
    {
        var db = new Db(project.App.DatabasePath);
        await using var connection = await db.OpenAsync();

        var gold = new { Gold = GoldLayer.AnnotatorId };
        var all = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM Annotations;");
        var ofGold = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM Annotations WHERE AnnotatorId = @Gold;", gold);

        Assert.Equal(6, ofGold); // two gold spans, a gold label and a rejection; a span and a label on the other document
        Assert.Equal(all - ofGold, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM HumanAnnotations;"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM HumanAnnotations WHERE AnnotatorId = @Gold;", gold));
    }

    [Fact]
    public async Task The_Annotators_List_Holds_Only_The_People()
    {
        var annotators = await project.GetAsync("/api/projects/default/annotators");

        Assert.Equal(project.People, Ids(annotators));
    }

    [Fact]
    public async Task The_Project_Agreement_Report_Compares_Only_The_People_On_The_Documents_They_Annotated()
    {
        var report = await project.GetAsync("/api/projects/default/agreement");

        Assert.Equal(project.People, Ids(report.GetProperty("annotators")));
        var documents = report.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("annotators").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [Doc] = 2, [project.AnaOnlyDoc] = 1 }, documents);
        Assert.DoesNotContain(Gold, report.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Documents_Agreement_And_Heat_Map_Count_Only_The_People()
    {
        var report = await project.GetAsync($"/api/projects/default/agreement?document={Doc}");
        var heat = await project.GetAsync($"/api/documents/{Doc}/agreement/text");
        var goldOnly = await project.GetAsync($"/api/projects/default/agreement?document={project.GoldOnlyDoc}");

        Assert.Equal(2, Assert.Single(report.GetProperty("documents").EnumerateArray()).GetProperty("annotators").GetInt32());
        Assert.DoesNotContain(Gold, report.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(project.People, Ids(heat.GetProperty("annotators")));
        // The gold span at 40–50 nobody else marked is not a stretch someone labelled.
        Assert.DoesNotContain(heat.GetProperty("segments").EnumerateArray(), s => s.GetProperty("start").GetInt32() < 50 && s.GetProperty("end").GetInt32() > 40);
        Assert.DoesNotContain(Gold, heat.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(goldOnly.GetProperty("documents").EnumerateArray());
        Assert.Empty(goldOnly.GetProperty("layers").EnumerateArray());
    }

    [Fact]
    public async Task A_Documents_Annotations_Are_The_Peoples_Unless_The_Gold_Layer_Is_Asked_For()
    {
        var spans = await project.GetAsync($"/api/documents/{Doc}/annotations");
        var labels = await project.GetAsync($"/api/documents/{Doc}/labels");
        var goldSpans = await project.GetAsync($"/api/documents/{Doc}/annotations?annotator={Gold}");
        var goldLabels = await project.GetAsync($"/api/documents/{Doc}/labels?annotator={Gold}");
        var goldOnly = await project.GetAsync($"/api/documents/{project.GoldOnlyDoc}/annotations");

        Assert.Equal(4, spans.GetProperty("items").GetArrayLength());
        Assert.Equal(project.People, Ids(spans.GetProperty("items"), "annotatorId"));
        Assert.Equal(project.People, Ids(labels.GetProperty("items"), "annotatorId"));
        Assert.Equal(2, goldSpans.GetProperty("items").GetArrayLength());
        Assert.Equal([Gold], Ids(goldSpans.GetProperty("items"), "annotatorId"));
        Assert.Equal([Gold], Ids(goldLabels.GetProperty("items"), "annotatorId"));
        Assert.Empty(goldOnly.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_Curation_View_Shows_The_People_As_Annotators_And_The_Gold_Layer_Apart()
    {
        var view = await project.GetAsync($"/api/documents/{Doc}/curation");
        var goldOnly = await project.GetAsync($"/api/documents/{project.GoldOnlyDoc}/curation");

        Assert.Equal(project.People, Ids(view.GetProperty("annotators")));
        Assert.Equal(project.People, Ids(view.GetProperty("spans"), "annotatorId"));
        Assert.Equal(project.People, Ids(view.GetProperty("labels"), "annotatorId"));
        Assert.Equal((2, 1, 1), (view.GetProperty("gold").GetArrayLength(), view.GetProperty("goldLabels").GetArrayLength(), view.GetProperty("rejections").GetArrayLength()));
        // Clusters are the people's spans (0–10 and 20–30); the gold span nobody marked makes none, and nobody "missed" it.
        Assert.Equal([0, 20], view.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("start").GetInt32()));
        Assert.All(view.GetProperty("clusters").EnumerateArray(), c => Assert.DoesNotContain(Gold, Ids(c.GetProperty("missing"), null)));
        Assert.Equal(2, view.GetProperty("labelLayers").EnumerateArray().Single().GetProperty("labels").GetArrayLength());
        Assert.Empty(goldOnly.GetProperty("annotators").EnumerateArray());
        Assert.Empty(goldOnly.GetProperty("clusters").EnumerateArray());
        Assert.Equal(1, goldOnly.GetProperty("gold").GetArrayLength());
    }

    [Fact]
    public async Task The_Jsonl_Export_Lists_And_Votes_Only_The_People_And_Carries_The_Gold_Layer_As_Gold()
    {
        var lines = (await File.ReadAllLinesAsync(Path.Combine(await project.ExportAsync("jsonl"), "default.jsonl")))
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(d => d.GetProperty("id").GetString()!);

        var doc = lines[Doc];
        Assert.Equal(project.People, Ids(doc.GetProperty("annotators")));
        Assert.Equal(project.People, Ids(doc.GetProperty("spans"), "annotator"));
        Assert.Equal(project.People, Ids(doc.GetProperty("documentLabels"), "annotator"));
        // Soft labels: two voters per stretch, and no stretch for the gold span nobody marked.
        var soft = doc.GetProperty("softLabels").EnumerateArray().ToList();
        Assert.Equal([0, 20], soft.Select(s => s.GetProperty("start").GetInt32()));
        Assert.All(soft, s => Assert.Equal(2, s.GetProperty("annotators").GetInt32()));
        Assert.Equal(1.0, soft[0].GetProperty("distribution").GetProperty("protest").GetDouble());
        Assert.Equal((2, 1), (doc.GetProperty("gold").GetProperty("spans").GetArrayLength(), doc.GetProperty("gold").GetProperty("documentLabels").GetArrayLength()));
        var goldOnly = lines[project.GoldOnlyDoc];
        Assert.Empty(goldOnly.GetProperty("annotators").EnumerateArray());
        Assert.Empty(goldOnly.GetProperty("spans").EnumerateArray());
        Assert.Empty(goldOnly.GetProperty("softLabels").EnumerateArray());
        Assert.Equal(1, goldOnly.GetProperty("gold").GetProperty("spans").GetArrayLength());
        Assert.All(lines.Values, l => Assert.DoesNotContain(Gold, Ids(l.GetProperty("annotators"))));
    }

    [Fact]
    public async Task The_Csv_Export_Gives_Gold_Rows_Only_To_The_Gold_Layer()
    {
        var (_, rows) = CsvExportTests.Read(Path.Combine(await project.ExportAsync("csv"), "default.csv"));

        var byAnnotator = rows.GroupBy(r => r["annotator_id"]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal([.. project.People.Append(Gold).Order(StringComparer.Ordinal)], byAnnotator.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((4, 3), (byAnnotator[project.Ana.UserId].Count, byAnnotator[project.Ben.UserId].Count));
        Assert.Equal(5, byAnnotator[Gold].Count);
        Assert.All(byAnnotator[Gold], r => Assert.Equal(("", "cora"), (r["attr_group"], r["provenance_curator"])));
    }

    [Fact]
    public async Task The_Conll_Brat_And_Spacy_Exports_Have_One_File_Or_Key_Per_Person_And_One_For_Gold()
    {
        var everyone = project.People.Append(Gold).Order(StringComparer.Ordinal).ToList();

        var conll = await project.ExportAsync("conll");
        var brat = await project.ExportAsync("brat");
        var spacy = (await File.ReadAllLinesAsync(Directory.GetFiles(await project.ExportAsync("spacy"), "*.jsonl").Single()))
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(d => d.GetProperty("id").GetString()!);

        Assert.Equal(everyone, Directory.GetFiles(Path.Combine(conll, "conll", "frame"), "*.conll").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        Assert.Equal(everyone, Directory.GetDirectories(Path.Combine(brat, "brat")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Each folder holds the documents its person annotated; only the gold folder holds the curated-only one.
        int Documents(string who) => Directory.GetFiles(Path.Combine(brat, "brat", who), "*.ann", SearchOption.AllDirectories).Length;
        Assert.Equal((2, 1, 2), (Documents(project.Ana.UserId), Documents(project.Ben.UserId), Documents(Gold)));
        Assert.Equal(everyone, spacy[Doc].GetProperty("spans").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, spacy[Doc].GetProperty("spans").GetProperty(Gold).GetArrayLength());
        Assert.Equal([Gold], spacy[project.GoldOnlyDoc].GetProperty("spans").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_Agreement_Export_Is_Computed_From_The_People_Alone()
    {
        var folder = await project.ExportAsync("agreement");

        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "agreement.json"))).RootElement;
        Assert.Equal(project.People, Ids(report.GetProperty("annotators")));
        Assert.Equal(new[] { Doc, project.AnaOnlyDoc }.Order(StringComparer.Ordinal), report.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var (_, spans) = CsvExportTests.Read(Path.Combine(folder, "spans-frame.csv"));
        var (_, ratings) = CsvExportTests.Read(Path.Combine(folder, "ratings-stance.csv"));
        Assert.Equal(project.People, spans.Select(r => r["coder"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(5, spans.Count);
        Assert.Equal(project.People, ratings.Select(r => r["coder"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_Dataset_Card_Counts_The_People_And_The_Gold_Layer_Apart()
    {
        var card = await File.ReadAllLinesAsync(Path.Combine(await project.ExportAsync("jsonl"), "README.md"));

        string[] Table(string heading) => [.. card.SkipWhile(l => l != heading).Skip(1).SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|'))];
        var annotators = Table("## Annotators").Select(r => r.Split('|', StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal([project.Ana.UserId, project.Ben.UserId, Gold], annotators.Select(r => r[1]));
        Assert.Equal(["4", "3", "5"], annotators.Select(r => r[4]));
        Assert.EndsWith("(curated)", annotators[^1][2], StringComparison.Ordinal);
        // Per label: the people's count and the gold layer's, each in its own column.
        var labels = Table("## Counts per label").Select(r => r.Split('|', StringSplitOptions.TrimEntries)).ToDictionary(r => (r[1], r[2]), r => (r[4], r[5]));
        Assert.Equal(("3", "1"), labels[("frame", "protest")]);
        Assert.Equal(("0", "1"), labels[("frame", "security")]);
        Assert.Equal(("1", "0"), labels[("frame", "legal")]);
        Assert.Equal(("2", "1"), labels[("stance", "neutral")]);
        Assert.DoesNotContain(Table("### Per annotator"), r => r.Contains(Gold, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Documents with a gold layer: 2.", card);
    }
}
