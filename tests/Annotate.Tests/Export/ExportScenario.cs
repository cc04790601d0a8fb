using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Codebook;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Export;

/// <summary>
/// A project annotated as a class would, for the export tests: Ana and Ben (with a "group" attribute) use every label
/// of the bundled codebook, spans overlap (Ana's own, and Ben's shifted against Ana's), a claim carries attributes
/// and a note with a comma, a quote and a line break, and the curator Cora accepts one span and one document label
/// into the gold layer. Exports run through the real `annotate export` command.
/// </summary>
internal sealed class ExportScenario : IAsyncDisposable
{
    public const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    public const string Note = "checked, \"twice\"\nsee the fact check";
    private const string Password = "export curator passphrase";

    private ExportScenario(AnnotateApp app) => App = app;

    public AnnotateApp App { get; }

    public string Folder { get; } = TempFolder.Create();

    public string Text { get; private set; } = "";

    public HubUser Ana { get; private set; } = null!;

    public HubUser Ben { get; private set; } = null!;

    public HubUser Cora { get; private set; } = null!;

    /// <summary>Ana's span accepted into the gold layer, and the gold span's id.</summary>
    public (string Source, string Gold) GoldSpan { get; private set; }

    /// <summary>Every (layer, label) of the bundled codebook.</summary>
    public static IReadOnlyList<(string Layer, string Label, string Scope)> CodebookLabels()
    {
        var (codebook, errors) = CodebookParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml")));
        Assert.Empty(errors);
        return [.. codebook!.Layers.SelectMany(l => l.Labels.Select(x => (l.Id, x.Id, l.Scope)))];
    }

    public static async Task<ExportScenario> CreateAsync()
    {
        var scenario = new ExportScenario(new AnnotateApp());
        await scenario.AnnotateAsync();
        return scenario;
    }

    private async Task AnnotateAsync()
    {
        Ana = await HubUser.SignInAsync(App, "Ana");
        Ben = await HubUser.SignInAsync(App, "Ben");
        (await Ana.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group = "reader-a" } })).EnsureSuccessStatusCode();
        (await Ben.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group = "reader-b", background = "law" } })).EnsureSuccessStatusCode();
        Text = (await Ana.Http.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}")).GetProperty("text").GetString()!;

        var spanLabels = CodebookLabels().Where(l => l.Scope == "span").ToList();
        string? first = null;
        for (var i = 0; i < spanLabels.Count; i++)
        {
            var (layer, label, _) = spanLabels[i];
            var id = (await Ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), label, i * 12, (i * 12) + 10, layer: layer)).Id;
            first ??= id;
            await Ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), label, (i * 12) + 3, (i * 12) + 13, layer: layer); // overlaps Ana's
        }

        await Ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "legal", 5, 30); // overlaps Ana's own frame spans
        (await Ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}",
            new { layer = "claim", label = "denial", start = 200, end = 240, note = Note, attributes = new { veracity = "disputed", confidence = 4 } })).EnsureSuccessStatusCode();

        // Stance allows one label per person and document: spread the four over documents.
        var documents = (await Ana.Http.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray()
            .Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        var stances = CodebookLabels().Where(l => l.Scope == "document").ToList();
        for (var i = 0; i < stances.Count; i++)
        {
            (await Ana.Http.PutAsJsonAsync($"/api/documents/{documents[i]}/labels/{Guid.NewGuid()}", new { layer = stances[i].Layer, label = stances[i].Label })).EnsureSuccessStatusCode();
            (await Ben.Http.PutAsJsonAsync($"/api/documents/{documents[i]}/labels/{Guid.NewGuid()}", new { layer = stances[i].Layer, label = stances[(i + 1) % stances.Count].Label })).EnsureSuccessStatusCode();
        }

        Cora = await CuratorAsync("cora");
        var gold = Guid.NewGuid().ToString();
        (await Cora.Http.PutAsJsonAsync($"/api/documents/{Doc}/gold/{gold}",
            new { layer = "frame", label = spanLabels[0].Label, start = 0, end = 10, action = "accepted", sources = new[] { first } })).EnsureSuccessStatusCode();
        (await Cora.Http.PutAsJsonAsync($"/api/documents/{documents[0]}/gold-labels/{Guid.NewGuid()}",
            new { layer = "stance", label = stances[0].Label, action = "created", sources = Array.Empty<string>() })).EnsureSuccessStatusCode();
        GoldSpan = (first!, gold);
    }

    private async Task<HubUser> CuratorAsync(string name)
    {
        var (added, _, error) = await AnnotateProcess.RunWithInputAsync(Password, "user", "add", name, "--db", App.DatabasePath);
        Assert.True(added == 0, error);
        var (member, _, memberError) = await AnnotateProcess.RunAsync("project", "add-member", "default", name, "--role", "curator", "--db", App.DatabasePath);
        Assert.True(member == 0, memberError);
        return await HubUser.SignInWithPasswordAsync(App, name, Password);
    }

    /// <summary>Runs `annotate export` into a new folder (or a .zip) under the scenario's folder; returns its path.</summary>
    public async Task<string> ExportAsync(string format, string name) => await ExportAsync(App, Folder, format, name);

    public static async Task<string> ExportAsync(AnnotateApp app, string folder, string format, string name)
    {
        var target = Path.Combine(folder, name);
        var (exit, _, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", format, "--out", target, "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        return target;
    }

    /// <summary>Every file of two exports, byte for byte the same.</summary>
    public static void AssertSameFiles(string one, string two)
    {
        var files = Directory.GetFiles(one).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(two).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(one, f!)), File.ReadAllBytes(Path.Combine(two, f!))));
    }

    public async ValueTask DisposeAsync()
    {
        await Ana.DisposeAsync();
        await Ben.DisposeAsync();
        if (Cora is not null)
            await Cora.DisposeAsync();
        App.Dispose();
        TempFolder.Delete(Folder);
    }
}
