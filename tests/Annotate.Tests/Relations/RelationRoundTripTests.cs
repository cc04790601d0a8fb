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
}
