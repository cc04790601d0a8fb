using System.Text.Json;
using Annotate.Tests.Export;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Relations;

/// <summary>Relations of several annotators and of the gold layer survive export → fresh database → import → export.</summary>
public sealed class RelationRoundTripTests : IAsyncLifetime
{
    private const string Password = "relations curator passphrase";
    private readonly AnnotateApp app = new();
    private readonly string folder = TempFolder.Create();
    private HubUser ana = null!;
    private HubUser ben = null!;
    private HubUser cora = null!;

    public async Task InitializeAsync()
    {
        ana = await HubUser.SignInAsync(app, "Ana");
        ben = await HubUser.SignInAsync(app, "Ben");
        var (added, _, error) = await AnnotateProcess.RunWithInputAsync(Password, "user", "add", "cora", "--db", app.DatabasePath);
        Assert.True(added == 0, error);
        var (member, _, memberError) = await AnnotateProcess.RunAsync("project", "add-member", "default", "cora", "--role", "curator", "--db", app.DatabasePath);
        Assert.True(member == 0, memberError);
        cora = await HubUser.SignInWithPasswordAsync(app, "cora", Password);

        var anas = await RelationWork.CreateAsync(ana);
        await anas.RelateAsync("said-by", anas.Claim, anas.Source, new { mode = "reported-speech" });
        await anas.RelateAsync("denies", anas.Denial, anas.Claim);
        var bens = await RelationWork.CreateAsync(ben);
        await bens.RelateAsync("restates", bens.OtherClaim, bens.Claim);
        var gold = await RelationWork.CreateAsync(cora.Http, gold: true);
        await gold.RelateAsync("attacks", gold.Claim, gold.OtherClaim, new { @explicit = true }, path: "gold-relations");
    }

    public async Task DisposeAsync()
    {
        await ana.DisposeAsync();
        await ben.DisposeAsync();
        await cora.DisposeAsync();
        app.Dispose();
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task Jsonl_Carries_Every_Relation_And_Imports_Into_A_Fresh_Database_Byte_For_Byte()
    {
        var original = Path.Combine(await ExportScenario.ExportAsync(app, folder, "jsonl", "one"), "default.jsonl");
        using var fresh = new AnnotateApp();
        await fresh.SignedInClientAsync();

        var first = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "jsonl", original, "--db", fresh.DatabasePath);
        var again = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "jsonl", original, "--db", fresh.DatabasePath);
        var copy = Path.Combine(await ExportScenario.ExportAsync(fresh, folder, "jsonl", "two"), "default.jsonl");

        var line = JsonDocument.Parse((await File.ReadAllLinesAsync(original)).Single(l => l.Contains(RelationWork.Doc, StringComparison.Ordinal))).RootElement;
        var relations = line.GetProperty("relations").EnumerateArray().ToList();
        Assert.Equal(3, relations.Count);
        Assert.Equal(["denies", "said-by"], relations.Where(r => r.GetProperty("annotator").GetString() == ana.UserId).Select(r => r.GetProperty("type").GetString()).Order(StringComparer.Ordinal));
        var saidBy = relations.Single(r => r.GetProperty("type").GetString() == "said-by");
        Assert.Equal("reported-speech", saidBy.GetProperty("attributes").GetProperty("mode").GetString());
        Assert.Contains(line.GetProperty("spans").EnumerateArray(), s => s.GetProperty("id").GetString() == saidBy.GetProperty("source").GetString());
        var goldRelation = Assert.Single(line.GetProperty("gold").GetProperty("relations").EnumerateArray());
        Assert.Equal(("gold", "attacks", true), (goldRelation.GetProperty("annotator").GetString(), goldRelation.GetProperty("type").GetString(), goldRelation.GetProperty("attributes").GetProperty("explicit").GetBoolean()));

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.EndsWith("skipped 0. Relations: 4 imported.", first.Output.Trim(), StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.StartsWith("Imported 0 span(s) and 0 document label(s);", again.Output, StringComparison.Ordinal);
        Assert.EndsWith("Relations: 0 imported.", again.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(original), await File.ReadAllTextAsync(copy));
    }

    [Fact]
    public async Task Brat_Writes_Relations_As_R_Lines_With_Their_Types_In_Annotation_Conf_And_Imports_Them_Back()
    {
        var original = Path.Combine(await ExportScenario.ExportAsync(app, folder, "jsonl", "original"), "default.jsonl");
        var brat = await ExportScenario.ExportAsync(app, folder, "brat", "brat");
        using var fresh = new AnnotateApp();
        await fresh.SignedInClientAsync();

        var imported = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "brat", brat, "--db", fresh.DatabasePath);
        var copy = Path.Combine(await ExportScenario.ExportAsync(fresh, folder, "jsonl", "copy"), "default.jsonl");

        var conf = await File.ReadAllLinesAsync(Path.Combine(brat, "brat", "annotation.conf"));
        Assert.Contains("said-by\tArg1:claim__factual-claim|claim__accusation|claim__denial, Arg2:source__official|source__eyewitness|source__anonymous-source|source__expert|source__media|source__advocate|source__social-media", conf);
        Assert.Contains("denies\tArg1:claim__denial, Arg2:claim__factual-claim|claim__accusation", conf);
        Assert.Contains("mode\tArg:<RELATION>, Value:direct-quote|reported-speech|paraphrase", conf);
        Assert.Contains("explicit\tArg:<RELATION>, Value:true|false", conf);
        var path = RelationWork.Doc.Replace('.', '/');
        var anas = await File.ReadAllLinesAsync(Path.Combine(brat, "brat", ana.UserId, path + ".ann"));
        var saidBy = Assert.Single(anas, l => l.StartsWith('R') && l.Contains("\tsaid-by Arg1:T", StringComparison.Ordinal));
        var r = saidBy.Split('\t')[0];
        Assert.Contains(anas, l => l.StartsWith('A') && l.EndsWith($"\tmode {r} reported-speech", StringComparison.Ordinal));
        Assert.Contains(anas, l => l.StartsWith('#') && l.Contains($"AnnotateId {r}\t", StringComparison.Ordinal));
        var gold = await File.ReadAllLinesAsync(Path.Combine(brat, "brat", "gold", path + ".ann"));
        Assert.Contains(gold, l => l.StartsWith('R') && l.Contains("\tattacks Arg1:T", StringComparison.Ordinal));

        Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
        Assert.EndsWith("skipped 0. Relations: 4 imported.", imported.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(original), await File.ReadAllTextAsync(copy));
    }

    [Fact]
    public async Task Csv_Webanno_And_The_Dataset_Card_Carry_The_Relations()
    {
        var csv = await ExportScenario.ExportAsync(app, folder, "csv", "csv");
        var webanno = await ExportScenario.ExportAsync(app, folder, "webanno", "webanno");

        var rows = await File.ReadAllLinesAsync(Path.Combine(csv, "default.relations.csv"));
        Assert.Equal("document,collection,relation_id,annotator_id,annotator_name,type,source_id,source_layer,source_label,source_quote,target_id,target_layer,target_label,target_quote,note,attributes", rows[0]);
        Assert.Equal(4, rows.Count(r => r.StartsWith(RelationWork.Doc + ",", StringComparison.Ordinal))); // a quote across a line break spans two lines
        var content = string.Join('\n', rows);
        Assert.Contains($",{ana.UserId},Ana,said-by,", content, StringComparison.Ordinal);
        Assert.Contains(",claim,factual-claim,", content, StringComparison.Ordinal);
        Assert.Contains(",source,official,", content, StringComparison.Ordinal);
        Assert.Contains("\"{\"\"mode\"\":\"\"reported-speech\"\"}\"", content, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains(",gold,Gold standard,attacks,", StringComparison.Ordinal));

        var items = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(webanno, "default.jsonld"))).RootElement.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        var links = items.Where(i => i.GetProperty("motivation").GetString() == "linking").ToList();
        Assert.Equal(4, links.Count);
        var attack = links.Single(l => l.GetProperty("body")[0].GetProperty("value").GetString() == "attacks");
        var targets = attack.GetProperty("target").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Contains(items, i => i.GetProperty("id").GetString() == t));

        var card = await File.ReadAllTextAsync(Path.Combine(csv, "README.md"));
        Assert.Contains("## Relations", card, StringComparison.Ordinal);
        Assert.Contains("| attacks | 0 | 1 |", card, StringComparison.Ordinal);
        Assert.Contains("| said-by | 1 | 0 |", card, StringComparison.Ordinal);
        Assert.Contains("`default.relations.csv`", card, StringComparison.Ordinal);
    }
}
