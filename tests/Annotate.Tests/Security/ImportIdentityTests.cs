using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// `annotate import` and the class join as ways to plant people: names that pass for others, identities that are
/// not names, accounts pulled into a project unseen, and self-declared attributes beyond the API's limits.
/// </summary>
public sealed class ImportIdentityTests : IDisposable
{
    // Not in the wire collection, which the second project ('wire-class') takes over.
    private const string Doc = "highland-monitor.2026-03-07-sarn-pass-social-media-reactions";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly SecurityServer server;
    private readonly string folder = TempFolder.Create();

    public ImportIdentityTests() => server = new SecurityServer(app);

    public void Dispose()
    {
        app.Dispose();
        TempFolder.Delete(folder);
    }

    /// <summary>The server owner's annotation exported as jsonl, then rewritten to stand for someone else.</summary>
    private async Task<(HttpClient Olga, string OlgaId, string Export)> OlgasExportAsync()
    {
        var (olga, olgaId) = await server.ServerOwnerAsync();
        (await olga.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 })).EnsureSuccessStatusCode();
        var (exit, _, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(folder, "export"), "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        return (olga, olgaId, await File.ReadAllTextAsync(Path.Combine(folder, "export", "default.jsonl")));
    }

    private async Task<(int ExitCode, string Output, string Error)> ImportAsync(string name, string content, params string[] extra)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, content);
        return await AnnotateProcess.RunAsync(["import", "--project", "default", "--format", "jsonl", path, "--db", app.DatabasePath, .. extra]);
    }

    [Fact]
    public async Task An_Import_Never_Makes_An_Existing_Account_Of_Another_Project_A_Member_Silently()
    {
        var (olga, olgaId, export) = await OlgasExportAsync();
        var (_, ninaId) = await server.OtherProjectOwnerAsync(); // 'wteacher', owner of wire-class only
        var asNina = export.Replace(olgaId, ninaId, StringComparison.Ordinal);

        var refused = await ImportAsync("as-nina.jsonl", asNina);
        var membersAfterRefusal = await olga.GetFromJsonAsync<JsonElement>("/api/projects/default/members");
        var allowed = await ImportAsync("as-nina.jsonl", asNina, "--add-members");
        var membersAfterFlag = await olga.GetFromJsonAsync<JsonElement>("/api/projects/default/members");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--add-members", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(membersAfterRefusal.EnumerateArray(), m => m.GetProperty("userId").GetString() == ninaId);
        Assert.True(allowed.ExitCode == 0, allowed.Output + allowed.Error);
        Assert.Contains($"Existing people made annotators of 'default': wteacher ({ninaId})", allowed.Output, StringComparison.Ordinal);
        Assert.Contains(membersAfterFlag.EnumerateArray(), m => m.GetProperty("userId").GetString() == ninaId);
    }

    [Fact]
    public async Task An_Import_Refuses_Names_And_Ids_The_Api_Would_Refuse()
    {
        var (olga, olgaId, export) = await OlgasExportAsync();

        var bidiName = await ImportAsync("bidi.jsonl", export.Replace(olgaId, "new-person", StringComparison.Ordinal).Replace("\"olga\"", "\"\\u202Eaglo\"", StringComparison.Ordinal));
        var longId = await ImportAsync("long.jsonl", export.Replace(olgaId, new string('x', 65), StringComparison.Ordinal));
        var controlId = await ImportAsync("control.jsonl", export.Replace(olgaId, "bad\\u0007id", StringComparison.Ordinal));
        var members = await olga.GetFromJsonAsync<JsonElement>("/api/projects/default/members");

        foreach (var (result, expected) in new[] { (bidiName, "invisible formatting characters"), (longId, "at most 64 characters"), (controlId, "control characters") })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("invalid", result.Error, StringComparison.Ordinal);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        }

        Assert.Single(members.EnumerateArray()); // nobody was created or added
    }

    [Fact]
    public async Task Joining_A_Class_Enforces_The_Same_Attribute_Limits_As_The_Attributes_Endpoint()
    {
        var (olga, _) = await server.ServerOwnerAsync();
        var code = (await (await olga.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var tooMany = Enumerable.Range(0, 21).ToDictionary(i => $"a{i}", i => (string?)"x");

        var joined = await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { code, displayName = "Flood", attributes = tooMany });
        var annotators = await olga.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");

        Assert.Equal(HttpStatusCode.BadRequest, joined.StatusCode);
        Assert.Contains("At most 20 attributes per person.", await joined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(annotators.EnumerateArray(), a => a.GetProperty("name").GetString() == "Flood");
    }
}
