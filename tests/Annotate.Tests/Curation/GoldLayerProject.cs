using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Curation;

/// <summary>
/// One project where two people and the gold layer have annotations: Ana and Ben mark the same document (they agree
/// on one frame span and on its stance, and differ on a second span); the curator Cora accepts what they agree on,
/// adds a gold span nobody marked, rejects the span they differ on, and curates a second document nobody annotated.
/// Ana alone marks a third document, which nobody curates.
/// Were the gold layer counted as an annotator anywhere, that place would see a third person, an extra span or a
/// document someone annotated.
/// </summary>
public sealed class GoldLayerProject : IAsyncLifetime
{
    public const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    public const string Gold = "gold";
    private const string Password = "gold layer curator passphrase";

    internal AnnotateApp App { get; } = new();

    public string Folder { get; } = TempFolder.Create();

    internal HubUser Ana { get; private set; } = null!;

    internal HubUser Ben { get; private set; } = null!;

    internal HubUser Cora { get; private set; } = null!;

    /// <summary>A document only the gold layer has annotations on.</summary>
    public string GoldOnlyDoc { get; private set; } = "";

    /// <summary>A document only Ana annotated (one span), with no gold.</summary>
    public string AnaOnlyDoc { get; private set; } = "";

    /// <summary>The people's ids, in ordinal order.</summary>
    public string[] People => [.. new[] { Ana.UserId, Ben.UserId }.Order(StringComparer.Ordinal)];

    public async Task InitializeAsync()
    {
        Ana = await HubUser.SignInAsync(App, "Ana");
        Ben = await HubUser.SignInAsync(App, "Ben");
        (await Ana.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group = "a" } })).EnsureSuccessStatusCode();
        (await Ben.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group = "b" } })).EnsureSuccessStatusCode();
        var others = (await Ana.Http.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray()
            .Select(d => d.GetProperty("id").GetString()!).Where(d => d != Doc).Order(StringComparer.Ordinal).ToList();
        (GoldOnlyDoc, AnaOnlyDoc) = (others[0], others[1]);

        await Ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await Ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        var anas = await Ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 20, 30);
        await Ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);
        await Ana.PutSpanAsync(AnaOnlyDoc, Guid.NewGuid().ToString(), "legal", 0, 10);
        foreach (var who in new[] { Ana, Ben })
            (await who.Http.PutAsJsonAsync($"/api/documents/{Doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();

        Cora = await CuratorAsync("cora");
        // Gold: the agreed span and stance, a span nobody marked, a rejection, and a document nobody annotated.
        var accepted = (await (await Cora.Http.PostAsJsonAsync($"/api/documents/{Doc}/gold/accept-agreed", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created");
        Assert.Equal(2, accepted.GetArrayLength());
        await PutAsync($"/api/documents/{Doc}/gold/{Guid.NewGuid()}", new { layer = "frame", label = "security", start = 40, end = 50, action = "created", sources = Array.Empty<string>() });
        await PutAsync($"/api/documents/{Doc}/rejections/{Guid.NewGuid()}", new { layer = "frame", label = "blockade", start = 20, end = 30, sources = new[] { anas.Id } });
        await PutAsync($"/api/documents/{GoldOnlyDoc}/gold/{Guid.NewGuid()}", new { layer = "frame", label = "economic", start = 0, end = 10, action = "created", sources = Array.Empty<string>() });
        await PutAsync($"/api/documents/{GoldOnlyDoc}/gold-labels/{Guid.NewGuid()}", new { layer = "stance", label = "pro-dalmor", action = "created", sources = Array.Empty<string>() });
    }

    private async Task PutAsync(string path, object body)
    {
        var response = await Cora.Http.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HubUser> CuratorAsync(string name)
    {
        var (added, _, error) = await AnnotateProcess.RunWithInputAsync(Password, "user", "add", name, "--db", App.DatabasePath);
        Assert.True(added == 0, error);
        var (member, _, memberError) = await AnnotateProcess.RunAsync("project", "add-member", "default", name, "--role", "curator", "--db", App.DatabasePath);
        Assert.True(member == 0, memberError);
        return await HubUser.SignInWithPasswordAsync(App, name, Password);
    }

    /// <summary>GET as the curator, as JSON.</summary>
    public async Task<JsonElement> GetAsync(string path) => await Cora.Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>The project exported through the API in a format, unzipped into a folder of its own.</summary>
    public async Task<string> ExportAsync(string format)
    {
        var response = await Cora.Http.GetAsync($"/api/projects/default/export?format={format}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var folder = Path.Combine(Folder, $"{format}-{Guid.NewGuid():N}");
        await using var zip = await response.Content.ReadAsStreamAsync();
        await ZipFile.ExtractToDirectoryAsync(zip, folder);
        return folder;
    }

    public async Task DisposeAsync()
    {
        await Ana.DisposeAsync();
        await Ben.DisposeAsync();
        if (Cora is not null)
            await Cora.DisposeAsync();
        App.Dispose();
        TempFolder.Delete(Folder);
    }
}
