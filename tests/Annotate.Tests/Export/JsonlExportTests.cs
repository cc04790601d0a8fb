using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Export;

/// <summary>The JSONL export: every perspective kept, soft labels, deterministic bytes, CLI and API alike.</summary>
public sealed class JsonlExportTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    [Fact]
    public async Task Every_Annotators_Spans_And_The_Soft_Labels_Are_Exported_The_Same_Way_Each_Time()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 0, 10); // stacked on the same stretch
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 20, 30);
        (await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral", note = "<b>balanced</b>" })).EnsureSuccessStatusCode();
        var folder = TempFolder.Create();
        try
        {
            var (exit, output, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "jsonl", "--out", Path.Combine(folder, "one"), "--db", app.DatabasePath);
            await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "two"), "--db", app.DatabasePath);
            await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "three.zip"), "--db", app.DatabasePath);
            await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "four.zip"), "--db", app.DatabasePath);

            Assert.True(exit == 0, error);
            Assert.Contains("Exported 12 document(s)", output, StringComparison.Ordinal);
            var first = Path.Combine(folder, "one", "default.jsonl");
            Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(Path.Combine(folder, "two", "default.jsonl")));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "three.zip")), await File.ReadAllBytesAsync(Path.Combine(folder, "four.zip")));
            Assert.Contains("# Dataset card: project default", await File.ReadAllTextAsync(Path.Combine(folder, "one", "README.md")), StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(first);
            Assert.Equal(12, lines.Length);
            var line = JsonDocument.Parse(lines.Single(l => l.Contains($"\"id\":\"{Doc}\"", StringComparison.Ordinal))).RootElement;

            Assert.Equal("utf16", line.GetProperty("offsets").GetString());
            Assert.Equal(4, line.GetProperty("spans").GetArrayLength());
            Assert.Equal(["Ana", "Ben"], line.GetProperty("annotators").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order());
            var text = line.GetProperty("text").GetString()!;
            Assert.All(line.GetProperty("spans").EnumerateArray(), s =>
                Assert.Equal(text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()], s.GetProperty("quote").GetString()));
            var label = Assert.Single(line.GetProperty("documentLabels").EnumerateArray());
            Assert.Equal("<b>balanced</b>", label.GetProperty("note").GetString());

            // Soft labels: at 0–10 Ana votes protest, Ben splits his vote over protest and blockade; at 20–30 Ben marked nothing.
            var soft = line.GetProperty("softLabels").EnumerateArray().ToList();
            var opening = soft.Single(s => s.GetProperty("start").GetInt32() == 0).GetProperty("distribution");
            Assert.Equal(0.75, opening.GetProperty("protest").GetDouble(), 12);
            Assert.Equal(0.25, opening.GetProperty("blockade").GetDouble(), 12);
            var later = soft.Single(s => s.GetProperty("start").GetInt32() == 20).GetProperty("distribution");
            Assert.Equal(0.5, later.GetProperty("security").GetDouble(), 12);
            Assert.Equal(0.5, later.GetProperty("none").GetDouble(), 12);

            // The API gives owners and curators the same bytes; annotators may not export.
            var refused = await ana.Http.GetAsync("/api/projects/default/export?format=jsonl");
            var (added, _, addError) = await AnnotateProcess.RunWithInputAsync("export owner passphrase", "user", "add", "exporter", "--owner", "--db", app.DatabasePath);
            Assert.True(added == 0, addError);
            var owner = app.AnonymousClient();
            (await owner.PostAsJsonAsync("/api/session", new { userName = "exporter", password = "export owner passphrase" })).EnsureSuccessStatusCode();
            var viaApi = await owner.GetAsync("/api/projects/default/export?format=jsonl");
            var badFormat = await owner.GetAsync("/api/projects/default/export?format=xml");

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
            Assert.Equal("application/zip", viaApi.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "three.zip")), await viaApi.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task A_Project_Nobody_Annotated_Exports_Its_Documents_And_Card()
    {
        using var app = new AnnotateApp();
        await app.SignedInClientAsync("Starter");
        var target = Path.Combine(app.Folder, "empty-export");

        var (exit, _, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", target, "--db", app.DatabasePath);

        Assert.True(exit == 0, error);
        Assert.Equal(12, (await File.ReadAllLinesAsync(Path.Combine(target, "default.jsonl"))).Length);
        Assert.Contains("Documents with a gold layer: 0.", await File.ReadAllTextAsync(Path.Combine(target, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_Export_Commands_Say_What_Is_Wrong()
    {
        using var app = new AnnotateApp();
        await app.SignedInClientAsync("Starter");

        var noProject = await AnnotateProcess.RunAsync("export", "--project", "nope", "--out", Path.Combine(app.Folder, "x"), "--db", app.DatabasePath);
        var newFolders = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(app.Folder, "missing", "deeper", "x.zip"), "--db", app.DatabasePath);
        var badFormat = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "xml", "--out", Path.Combine(app.Folder, "x.xml"), "--db", app.DatabasePath);
        await File.WriteAllTextAsync(Path.Combine(app.Folder, "notes.txt"), "mine");
        var underAFile = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(app.Folder, "notes.txt", "x.zip"), "--db", app.DatabasePath);
        var notAFolder = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(app.Folder, "notes.txt"), "--db", app.DatabasePath);
        var foreignFolder = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", app.Folder, "--db", app.DatabasePath);
        var badLayer = await AnnotateProcess.RunAsync("export", "--project", "default", "--layer", "nope", "--out", Path.Combine(app.Folder, "y"), "--db", app.DatabasePath);

        Assert.Equal(1, noProject.ExitCode);
        Assert.Contains("no project 'nope'", noProject.Error, StringComparison.Ordinal);
        Assert.True(newFolders.ExitCode == 0, newFolders.Error); // missing folders are made
        Assert.True(File.Exists(Path.Combine(app.Folder, "missing", "deeper", "x.zip")));
        Assert.Equal(2, underAFile.ExitCode);
        Assert.Contains("is a file", underAFile.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badFormat.ExitCode);
        Assert.Equal(2, notAFolder.ExitCode);
        Assert.Contains("is a file", notAFolder.Error, StringComparison.Ordinal);
        Assert.Equal(2, foreignFolder.ExitCode);
        Assert.Contains("is not empty", foreignFolder.Error, StringComparison.Ordinal);
        Assert.Equal(2, badLayer.ExitCode);
        Assert.Contains("no span layer 'nope'", badLayer.Error, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(app.Folder, "notes.txt")));
    }

    [Fact]
    public async Task One_Document_Is_Exported_Alone_Over_The_Api_And_The_Command_Line()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        var (added, _, addError) = await AnnotateProcess.RunWithInputAsync("export owner passphrase", "user", "add", "one-doc-owner", "--owner", "--db", app.DatabasePath);
        Assert.True(added == 0, addError);
        var owner = app.AnonymousClient();
        (await owner.PostAsJsonAsync("/api/session", new { userName = "one-doc-owner", password = "export owner passphrase" })).EnsureSuccessStatusCode();
        var target = Path.Combine(app.Folder, "one-doc");

        var viaApi = await owner.GetAsync($"/api/projects/default/export?format=jsonl&document={Doc}");
        var unknown = await owner.GetAsync("/api/projects/default/export?format=jsonl&document=wire.nope");
        var (exit, output, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--document", Doc, "--out", target, "--db", app.DatabasePath);
        var badCli = await AnnotateProcess.RunAsync("export", "--project", "default", "--document", "wire.nope", "--out", Path.Combine(app.Folder, "nope"), "--db", app.DatabasePath);

        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
        Assert.Equal($"{Doc}-jsonl.zip", viaApi.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using (var zip = new System.IO.Compression.ZipArchive(await viaApi.Content.ReadAsStreamAsync()))
        {
            using var reader = new StreamReader(zip.GetEntry("default.jsonl")!.Open());
            var line = Assert.Single((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(Doc, JsonDocument.Parse(line).RootElement.GetProperty("id").GetString());
        }

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no document 'wire.nope'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        Assert.Contains("Exported 1 document(s)", output, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(target, "default.jsonl")));
        Assert.Contains($"This export holds one document of the project: `{Doc}`", await File.ReadAllTextAsync(Path.Combine(target, "README.md")), StringComparison.Ordinal);
        Assert.Equal(2, badCli.ExitCode);
        Assert.Contains("has no document", badCli.Error, StringComparison.Ordinal);
    }
}
