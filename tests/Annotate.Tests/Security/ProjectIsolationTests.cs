using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Security;

/// <summary>Two projects on one server: the wire collection becomes its own project; neither side reaches the other.</summary>
public sealed class ProjectIsolationTests : IDisposable
{
    private const string Password = "isolation passphrase";
    private const string WireDoc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string OtherDoc = "highland-monitor.2026-03-07-sarn-pass-social-media-reactions";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    private async Task<HttpClient> AccountAsync(string name, params string[] extra)
    {
        var (exit, _, error) = await AnnotateProcess.RunWithInputAsync(Password, ["user", "add", name, "--db", app.DatabasePath, .. extra]);
        Assert.True(exit == 0, error);
        var client = app.AnonymousClient();
        (await client.PostAsJsonAsync("/api/session", new { userName = name, password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    [Fact]
    public async Task A_Member_Of_One_Project_Reaches_Nothing_Of_Another_Even_By_Guessing_Ids()
    {
        app.StartServer();
        var owner = await AccountAsync("owner", "--owner");
        await AnnotateApp.WaitForCorpusAsync(owner);
        var wireTeacher = await AccountAsync("wteacher");
        var (exit, output, error) = await AnnotateProcess.RunAsync("project", "add", "wire-class", "--collection", "wire", "--name", "Wire class", "--owner", "wteacher", "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        Assert.Contains("Project 'wire-class' owns 'wire'", output, StringComparison.Ordinal);

        var defaultList = await owner.GetFromJsonAsync<JsonElement>("/api/documents");
        var wireList = await wireTeacher.GetFromJsonAsync<JsonElement>("/api/documents");
        var projects = await wireTeacher.GetFromJsonAsync<JsonElement>("/api/projects");
        var crossRead = await wireTeacher.GetAsync($"/api/documents/{OtherDoc}");
        var crossWrite = await wireTeacher.PutAsJsonAsync($"/api/documents/{OtherDoc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 });
        var crossProject = await wireTeacher.GetAsync("/api/projects/default/agreement");
        var ownWrite = await wireTeacher.PutAsJsonAsync($"/api/documents/{WireDoc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 });
        var ownerIntoWire = await owner.GetAsync($"/api/documents/{WireDoc}");
        var ownerIntoWireProject = await owner.GetAsync("/api/projects/wire-class");

        Assert.DoesNotContain(defaultList.GetProperty("items").EnumerateArray(), d => d.GetProperty("collection").GetString() == "wire");
        Assert.All(wireList.GetProperty("items").EnumerateArray(), d => Assert.Equal("wire", d.GetProperty("collection").GetString()));
        Assert.NotEqual(0, wireList.GetProperty("total").GetInt32());
        var project = Assert.Single(projects.EnumerateArray());
        Assert.Equal("Wire class", project.GetProperty("name").GetString());
        Assert.Equal("owner", project.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NotFound, crossRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossWrite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossProject.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownWrite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ownerIntoWire.StatusCode); // owning 'default' gives nothing in another project
        Assert.Equal(HttpStatusCode.NotFound, ownerIntoWireProject.StatusCode);

        // The annotation belongs to the document's project, so that project's agreement sees it.
        var agreement = await wireTeacher.GetFromJsonAsync<JsonElement>("/api/projects/wire-class/agreement");
        Assert.Equal(WireDoc, Assert.Single(agreement.GetProperty("documents").EnumerateArray()).GetProperty("id").GetString());

        // Mode changes reach only the project's own live connections.
        var (_, token, _) = await AnnotateProcess.RunAsync("token", "create", "wteacher", "--db", app.DatabasePath);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token.Trim())).Build();
        var modes = new System.Collections.Concurrent.ConcurrentQueue<string>();
        hub.On<string>("VisibilityChanged", modes.Enqueue);
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("JoinDocument", WireDoc, 0L);
        (await owner.PatchAsJsonAsync("/api/projects/default", new { visibility = "reveal" })).EnsureSuccessStatusCode();
        (await wireTeacher.PatchAsJsonAsync("/api/projects/wire-class", new { visibility = "open" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => modes.Contains("open"), "the wire teacher hears of their own project's change");
        Assert.DoesNotContain("reveal", modes);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task Bad_Project_Commands_Get_Clear_Errors()
    {
        app.StartServer();
        await AccountAsync("owner2", "--owner");

        var badId = await AnnotateProcess.RunAsync("project", "add", "Bad Id", "--collection", "wire", "--db", app.DatabasePath);
        var badFolder = await AnnotateProcess.RunAsync("project", "add", "ok", "--collection", "../etc", "--db", app.DatabasePath);
        var taken = await AnnotateProcess.RunAsync("project", "add", "default", "--collection", "wire", "--db", app.DatabasePath);

        Assert.Equal(2, badId.ExitCode);
        Assert.Contains("not a project id", badId.Error, StringComparison.Ordinal);
        Assert.Equal(2, badFolder.ExitCode);
        Assert.Contains("not a collection", badFolder.Error, StringComparison.Ordinal);
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("exists already", taken.Error, StringComparison.Ordinal);
    }
}
