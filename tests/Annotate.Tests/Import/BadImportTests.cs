using System.IO.Compression;
using System.Text.Json.Nodes;
using Annotate.Tests.Export;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Import;

/// <summary>What an import refuses: each annotation that does not fit is named and left out; bad input stops it all.</summary>
public sealed class BadImportTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string DocPath = "wire/2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    [Fact]
    public async Task A_Quote_That_Does_Not_Match_And_An_Unknown_Label_Are_Reported_And_Not_Imported()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        var moved = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 5);
        var renamed = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 6, 14);
        var kept = await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 15, 21);
        var folder = TempFolder.Create();
        try
        {
            await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "export"), "--db", app.DatabasePath);
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "export", "default.jsonl"));
            var number = Array.FindIndex(lines, l => l.Contains(Doc, StringComparison.Ordinal));
            var line = JsonNode.Parse(lines[number])!;
            foreach (var span in line["spans"]!.AsArray())
            {
                if ((string?)span!["id"] == moved.Id)
                    span["quote"] = "Last";
                if ((string?)span["id"] == renamed.Id)
                    span["label"] = "no-such-frame";
            }

            lines[number] = line.ToJsonString();
            var bad = Path.Combine(folder, "bad.jsonl");
            await File.WriteAllLinesAsync(bad, lines);
            using var fresh = new AnnotateApp();
            await fresh.SignedInClientAsync();

            var (exit, output, error) = await AnnotateProcess.RunAsync("import", "--project", "default", bad, "--db", fresh.DatabasePath);
            await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "after"), "--db", fresh.DatabasePath);

            Assert.Equal(1, exit);
            Assert.Contains($"bad.jsonl:{number + 1}: {Doc}: quote mismatch: expected \"Last\" at 0–5, found \"First\"", error, StringComparison.Ordinal);
            Assert.Contains("unknown label", error, StringComparison.Ordinal);
            Assert.Contains("no-such-frame", error, StringComparison.Ordinal);
            Assert.Contains("Imported 1 span(s) and 0 document label(s); 0 already there unchanged; skipped 2 (1 quote mismatch, 1 unknown label)", output, StringComparison.Ordinal);
            var after = await File.ReadAllTextAsync(Path.Combine(folder, "after", "default.jsonl"));
            Assert.Contains(kept.Id, after, StringComparison.Ordinal);
            Assert.DoesNotContain(moved.Id, after, StringComparison.Ordinal);
            Assert.DoesNotContain(renamed.Id, after, StringComparison.Ordinal);

            // The same checks hold for brat: a T whose quote is not the .txt's there is named by file and line.
            var brat = Path.Combine(folder, "brat");
            Directory.CreateDirectory(Path.Combine(brat, "wire"));
            File.Copy(Path.Combine(RepositoryRoot.Corpus, DocPath + ".txt"), Path.Combine(brat, DocPath + ".txt"));
            await File.WriteAllTextAsync(Path.Combine(brat, DocPath + ".ann"), "T1\tframe__protest 0 5\tFirst\nT2\tframe__protest 6 14\tWrong\nT3\tsecurity 15 21\tconvoy\n");
            var fromBrat = await AnnotateProcess.RunAsync("import", "--project", "default", "--format", "brat", "--annotator", "cleo", brat, "--db", fresh.DatabasePath);

            Assert.Equal(1, fromBrat.ExitCode);
            Assert.Contains($"{DocPath}.ann:2: {DocPath}: quote mismatch: the .ann expects \"Wrong\" but the .txt reads \"escorted\"", fromBrat.Error, StringComparison.Ordinal);
            Assert.Contains("Imported 2 span(s)", fromBrat.Output, StringComparison.Ordinal); // "security" alone is found in the codebook's frame layer
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task Bad_Input_Is_Refused_Whole_With_Exit_Code_2()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 5);
        var folder = TempFolder.Create();
        try
        {
            await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "export"), "--db", app.DatabasePath);
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "export", "default.jsonl"));
            var malformed = Path.Combine(folder, "malformed.jsonl");
            await File.WriteAllLinesAsync(malformed, [lines.Single(l => l.Contains(Doc, StringComparison.Ordinal)), "{\"id\": \"x\", oops"]);
            using var fresh = new AnnotateApp();
            await fresh.SignedInClientAsync();
            Task<(int ExitCode, string Output, string Error)> Import(params string[] args) => AnnotateProcess.RunAsync(["import", "--project", "default", .. args, "--db", fresh.DatabasePath]);

            var broken = await Import(malformed);
            var missing = await Import(Path.Combine(folder, "nothing.jsonl"));
            var unknownFormat = await Import("--format", "xml", malformed);
            var noProject = await AnnotateProcess.RunAsync("import", "--project", "nope", malformed, "--db", fresh.DatabasePath);

            var escaping = Path.Combine(folder, "escaping");
            Directory.CreateDirectory(Path.Combine(escaping, "ana"));
            await File.WriteAllTextAsync(Path.Combine(folder, "secret.ann"), "T1\tframe__protest 0 5\tFirst\n");
            File.CreateSymbolicLink(Path.Combine(escaping, "ana", "x.ann"), Path.Combine(folder, "secret.ann"));
            var symlink = await Import("--format", "brat", escaping);

            var zip = Path.Combine(folder, "climbing.zip");
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            {
                await using var entry = await archive.CreateEntry("ana/../../x.ann").OpenAsync();
                await entry.WriteAsync("T1\tframe__protest 0 5\tFirst\n"u8.ToArray());
            }

            var climbing = await Import("--format", "brat", zip);

            Assert.Equal(2, broken.ExitCode);
            Assert.Contains("malformed.jsonl:2:", broken.Error, StringComparison.Ordinal);
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("There is no file or folder", missing.Error, StringComparison.Ordinal);
            Assert.Equal(2, unknownFormat.ExitCode);
            Assert.Equal(1, noProject.ExitCode);
            Assert.Equal(2, symlink.ExitCode);
            Assert.Contains("leads outside", symlink.Error, StringComparison.Ordinal);
            Assert.Equal(2, climbing.ExitCode);
            Assert.Contains("refusing", climbing.Error, StringComparison.Ordinal);
            await using var connection = await new Annotate.Data.Db(fresh.DatabasePath).OpenAsync();
            Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM Annotations;")); // not even the good line 1 of the malformed file
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
