using System.Text.Json;
using Annotate.Agreement.Spans;
using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Curation;
using Annotate.Sessions;
using Annotate.Tests.Export;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Import;

/// <summary>Export, import into a fresh database, export again: the annotations come back the same, twice over.</summary>
public sealed class RoundTripTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Other = "dalmor-standard.2026-03-03-sarn-pass-blockade-strands-drivers";

    [Fact]
    public async Task Jsonl_And_Brat_Exports_Import_Into_A_Fresh_Database_And_Export_The_Same_Annotations()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await AnnotateEverythingAsync(app, ana, ben);
        var folder = TempFolder.Create();
        try
        {
            string Out(string name) => Path.Combine(folder, name);
            await ExportAsync(app, "jsonl", Out("one"));
            await ExportAsync(app, "jsonl", Out("one.zip"));
            await ExportAsync(app, "brat", Out("brat"));
            var original = Path.Combine(Out("one"), "default.jsonl");

            using var fresh = new AnnotateApp();
            await fresh.SignedInClientAsync();
            var first = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "jsonl", Out("one"), "--db", fresh.DatabasePath);
            var again = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "jsonl", Out("one.zip"), "--db", fresh.DatabasePath);
            await ExportAsync(fresh, "jsonl", Out("two"));

            Assert.True(first.ExitCode == 0, first.Output + first.Error);
            Assert.Matches("^Imported [1-9][0-9]* span\\(s\\) and 5 document label\\(s\\); 0 already there unchanged; skipped 0", first.Output);
            Assert.True(again.ExitCode == 0, again.Error);
            Assert.StartsWith("Imported 0 span(s) and 0 document label(s);", again.Output, StringComparison.Ordinal);
            Assert.Equal(await ExportTestData.ContentAsync(original, withIds: true), await ExportTestData.ContentAsync(Path.Combine(Out("two"), "default.jsonl"), withIds: true));

            using var viaBrat = new AnnotateApp();
            await viaBrat.SignedInClientAsync();
            var dry = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "brat", Out("brat"), "--dry-run", "--db", viaBrat.DatabasePath);
            var fromBrat = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "brat", Out("brat"), "--db", viaBrat.DatabasePath);
            var bratAgain = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "brat", Path.Combine(Out("brat"), "brat"), "--db", viaBrat.DatabasePath);
            await ExportAsync(viaBrat, "jsonl", Out("three"));

            Assert.True(dry.ExitCode == 0, dry.Error);
            Assert.StartsWith("Dry run: would import", dry.Output, StringComparison.Ordinal);
            Assert.True(fromBrat.ExitCode == 0, fromBrat.Output + fromBrat.Error);
            Assert.True(bratAgain.ExitCode == 0, bratAgain.Error);
            Assert.StartsWith("Imported 0 span(s) and 0 document label(s);", bratAgain.Output, StringComparison.Ordinal);
            // Annotate's brat export carries each annotation's id (an AnnotateId note), so ids survive it too.
            Assert.Equal(await ExportTestData.ContentAsync(original, withIds: true), await ExportTestData.ContentAsync(Path.Combine(Out("three"), "default.jsonl"), withIds: true));

            var home = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "brat", Out("brat"), "--db", app.DatabasePath);
            Assert.True(home.ExitCode == 0, home.Error);
            Assert.StartsWith("Imported 0 span(s) and 0 document label(s);", home.Output, StringComparison.Ordinal); // back where it came from: nothing to do
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task An_Older_Export_With_Span_Attributions_Imports_Them_As_Said_By_Relations()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await AnnotateEverythingAsync(app, ana, ben);
        var folder = TempFolder.Create();
        try
        {
            string Out(string name) => Path.Combine(folder, name);
            await ExportAsync(app, "jsonl", Out("new"));
            await ExportAsync(app, "brat", Out("brat"));
            var expected = await ExportTestData.ContentAsync(Path.Combine(Out("new"), "default.jsonl"), withIds: false);
            Directory.CreateDirectory(Out("old"));
            var links = await OldJsonlAsync(Path.Combine(Out("new"), "default.jsonl"), Path.Combine(Out("old"), "default.jsonl"));
            var oldLines = OldBrat(Out("brat"));

            foreach (var (format, source) in new[] { ("jsonl", Out("old")), ("brat", Out("brat")) })
            {
                using var fresh = new AnnotateApp();
                await fresh.SignedInClientAsync();
                var imported = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", format, source, "--db", fresh.DatabasePath);
                await ExportAsync(fresh, "jsonl", Out("again-" + format));

                Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
                Assert.Contains($"Relations: {links.Count} imported.", imported.Output, StringComparison.Ordinal);
                Assert.Equal(expected, await ExportTestData.ContentAsync(Path.Combine(Out("again-" + format), "default.jsonl"), withIds: false));
            }

            Assert.True(links.Count >= 2);
            Assert.Equal(links.Count, oldLines);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    /// <summary>The jsonl export as a build before schema step 0022 wrote it: each said-by relation as its claim's attribution.span.</summary>
    private static async Task<List<string>> OldJsonlAsync(string from, string to)
    {
        var links = new List<string>();
        var lines = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(from))
        {
            var document = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            var relations = document["relations"]!.AsArray();
            foreach (var relation in relations.Where(r => (string?)r!["type"] == "said-by").ToList())
            {
                var claim = document["spans"]!.AsArray().Single(s => (string?)s!["id"] == (string?)relation!["source"])!;
                claim["attribution"] = new System.Text.Json.Nodes.JsonObject { ["span"] = (string?)relation!["target"] };
                links.Add((string)relation["source"]!);
                relations.Remove(relation);
            }

            lines.Add(document.ToJsonString());
        }

        await File.WriteAllLinesAsync(to, lines);
        return links;
    }

    /// <summary>The brat export as a build before schema step 0022 wrote it: said-by arcs as "Attribution" arcs, without ids.</summary>
    private static int OldBrat(string folder)
    {
        var count = 0;
        foreach (var ann in Directory.GetFiles(folder, "*.ann", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(ann).ToList();
            var arcs = lines.Where(l => l.StartsWith('R') && l.Contains("\tsaid-by Arg1:", StringComparison.Ordinal)).Select(l => l.Split('\t')[0]).ToHashSet();
            count += arcs.Count;
            lines = lines.Where(l => !(l.StartsWith('#') && arcs.Contains(l.Split('\t')[1].Split(' ')[^1])))
                .Select(l => l.Replace("\tsaid-by Arg1:", "\tAttribution Arg1:", StringComparison.Ordinal)).ToList();
            File.WriteAllLines(ann, lines);
        }

        return count;
    }

    [Fact]
    public async Task Text_Outside_The_Basic_Multilingual_Plane_Round_Trips_Through_Jsonl_And_Brat()
    {
        await using var scenario = await NonBmpScenario.CreateAsync();
        var original = Path.Combine(await scenario.ExportAsync("jsonl", "original"), "default.jsonl");
        var brat = await scenario.ExportAsync("brat", "brat");
        foreach (var (format, source) in new[] { ("jsonl", Path.GetDirectoryName(original)!), ("brat", brat) })
        {
            using var fresh = AnnotateApp.ForCorpus(scenario.CorpusRoot);
            await fresh.SignedInClientAsync();
            var imported = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", format, source, "--db", fresh.DatabasePath);
            var again = Path.Combine(scenario.Folder, "again-" + format);
            await ExportAsync(fresh, "jsonl", again);

            Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
            Assert.Equal(await ExportTestData.ContentAsync(original, withIds: true), await ExportTestData.ContentAsync(Path.Combine(again, "default.jsonl"), withIds: true));
        }
    }

    private static async Task ExportAsync(AnnotateApp app, string format, string target)
    {
        var (exit, _, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", format, "--out", target, "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
    }

    /// <summary>Every span label of the codebook, overlaps, attributes, notes, attributions, said-by relations, document labels and gold.</summary>
    private static async Task AnnotateEverythingAsync(AnnotateApp app, HubUser ana, HubUser ben)
    {
        var text = await ExportTestData.TextAsync(ana.Http, Doc);
        var tokens = TextTokenizer.Tokenize(Doc, text);
        var codebook = (await app.Services.GetRequiredService<CodebookStore>().CurrentAsync(CancellationToken.None))[0].Codebook;
        var labels = codebook.Layers.Where(l => l.Scope == LayerDefinition.SpanScope).SelectMany(l => l.Labels.Select(x => (Layer: l.Id, Label: x.Id)))
            .OrderBy(l => l.Layer == "source" ? 0 : 1).ToList(); // sources first: a claim is attributed to one
        string? source = null;
        var claims = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var (layer, label) = labels[i];
            object? attributes = layer == "claim" ? new Dictionary<string, object> { ["veracity"] = "disputed", ["confidence"] = 3, ["note"] = "per the fact check" } : null;
            var saidBy = layer == "claim" && claims > 0;
            object? attribution = layer == "claim" && claims++ == 0 ? new { actor = "dalmor-government" } : null;
            var id = await ExportTestData.PutAsync(ana.Http, Doc, new
            {
                layer, label, start = tokens[3 * i].Start, end = tokens[(3 * i) + 1].End, attributes, attribution,
                note = i == 0 ? "seen\tin \\ both\nlines" : null
            });
            source ??= layer == "source" ? id : null;
            if (saidBy)
                await ExportTestData.PutAsync(ana.Http, Doc, new { type = "said-by", source = id, target = source }, "relations");
            // Ben's spans overlap Ana's and, on the first stretch, each other.
            await ExportTestData.PutAsync(ben.Http, Doc, new
            {
                layer, label, start = tokens[(3 * i) + 1].Start, end = tokens[(3 * i) + 2].End,
                attributes = layer == "claim" ? new Dictionary<string, object> { ["veracity"] = "fake" } : null
            });
        }

        Assert.NotNull(source);
        await ExportTestData.PutAsync(ben.Http, Doc, new { layer = "frame", label = "legal", start = tokens[1].Start, end = tokens[4].End });
        var paragraph = text.IndexOf("\n\n", StringComparison.Ordinal);
        await ExportTestData.PutAsync(ben.Http, Doc, new { layer = "frame", label = "humanitarian", start = paragraph - 5, end = paragraph + 7, note = "across a paragraph" });
        await ExportTestData.PutAsync(ana.Http, Doc, new { layer = "stance", label = "neutral", note = "balanced" }, "labels");
        await ExportTestData.PutAsync(ben.Http, Doc, new { layer = "stance", label = "pro-dalmor" }, "labels");
        await ExportTestData.PutAsync(ana.Http, Other, new { layer = "stance", label = "pro-varenia" }, "labels");

        var writer = app.Services.GetRequiredService<AnnotationWriter>();
        var gold = new SessionUser(GoldLayer.AnnotatorId, GoldLayer.Name);
        var merged = JsonSerializer.Serialize(new Provenance(CurationActions.Merged, ben.UserId, "Ben",
            [new ProvenanceSource(source!, ana.UserId, "Ana", "official", 1, 9)]), JsonSerializerOptions.Web);
        var created = JsonSerializer.Serialize(new Provenance(CurationActions.Created, ben.UserId, "Ben", []), JsonSerializerOptions.Web);
        var goldSpan = new AnnotationRequest("frame", "protest", tokens[0].Start, tokens[2].End, null, null, new AttributionRequest("celmar-civic-assembly"), "gold note", null, null);
        Assert.IsType<WriteOutcome.Saved>(await writer.UpsertAsync(Doc, Guid.NewGuid().ToString(), Annotation.SpanKind, goldSpan, gold, CancellationToken.None, merged));
        var goldLabel = new AnnotationRequest("stance", "mixed", null, null, null, null, null, null, null, null);
        Assert.IsType<WriteOutcome.Saved>(await writer.UpsertAsync(Doc, Guid.NewGuid().ToString(), Annotation.DocumentKind, goldLabel, gold, CancellationToken.None, created));
        var goldLabel2 = goldLabel with { Label = "pro-dalmor" };
        Assert.IsType<WriteOutcome.Saved>(await writer.UpsertAsync(Other, Guid.NewGuid().ToString(), Annotation.DocumentKind, goldLabel2, gold, CancellationToken.None, created));
    }
}
