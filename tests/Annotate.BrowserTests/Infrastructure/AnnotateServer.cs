using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Annotate.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a free local port (Kestrel), serving the repository's bundled corpus with a fresh SQLite file
/// in a temp folder. Start-up waits for the corpus to finish loading, so tests see the whole list.
/// </summary>
public class AnnotateServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public AnnotateServer() => UseKestrel();

    /// <summary>This server's own temp folder: the database, and any corpus a test writes.</summary>
    protected string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "annotate-tests", Guid.NewGuid().ToString("N"));

    protected virtual string CorpusFolder => RepositoryRoot.Corpus;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>A client signed in as "Test fixture", for reading the API the pages are checked against.</summary>
    public HttpClient Api { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A free port, as a setting: UseKestrel(0) edits the started server's addresses and can lose that race
        // (dotnet/aspnetcore#67714).
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("Annotate:Corpus", CorpusFolder);
        builder.UseSetting("Annotate:Database", Path.Combine(DataFolder, "annotate.db"));
        builder.UseSetting("Annotate:WatchCorpus", "false");
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        PrepareCorpus();
        StartServer();
        var cookies = new CookieContainerHandler();
        Api = CreateDefaultClient(BaseAddress, new AntiforgeryHandler(cookies.Container), new RedirectHandler(), cookies);
        using var signIn = await Api.PostAsJsonAsync("/api/session", await FixtureSignInAsync());
        signIn.EnsureSuccessStatusCode();
        await WaitForCorpusAsync();
    }

    /// <summary>The sign-in body of the fixture's own client: a display name on a local server.</summary>
    protected virtual Task<object> FixtureSignInAsync() => Task.FromResult<object>(new { displayName = "Test fixture" });

    public async Task<CorpusStatus> CorpusStatusAsync() =>
        (await Api.GetFromJsonAsync<CorpusStatus>("/api/corpus/status"))!;

    public async Task<IReadOnlyList<DocumentSummary>> DocumentsAsync(string query = "") =>
        (await Api.GetFromJsonAsync<DocumentList>($"/api/documents{query}"))!.Items;

    public async Task<DocumentDetail> DocumentAsync(string id) =>
        (await Api.GetFromJsonAsync<DocumentDetail>($"/api/documents/{Uri.EscapeDataString(id)}"))!;

    /// <summary>Writes the corpus before the server starts; the bundled corpus needs nothing.</summary>
    protected virtual void PrepareCorpus()
    {
    }

    private async Task WaitForCorpusAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await CorpusStatusAsync();
            if (status.State == "idle" && status.LastLoadedAt is not null)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The corpus did not finish loading within 60 s (state {status.State}, {status.Processed}/{status.Total}).");
            }

            await Task.Delay(100);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Api?.Dispose();
        await base.DisposeAsync();
        // Pooled SQLite connections keep the file open until the pools are cleared.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some systems; the folder is under the temp path, so it is only left over.
        }
    }
}

public sealed record CorpusStatus(string State, string Root, int Processed, int Total, int DocumentCount, string? LastLoadedAt, IReadOnlyList<CorpusProblem> Problems);

public sealed record CorpusProblem(string Path, string Code, string Message, string Severity);

public sealed record DocumentList(IReadOnlyList<DocumentSummary> Items, int Total);

public sealed record DocumentSummary(string Id, string Collection, string Title, string? Outlet, string? Date, string? Language, IReadOnlyList<string> Tags);

public sealed record Block(int Index, string Kind, int Level, int Start, int End);

public sealed record DocumentDetail(string Id, string Title, string? Language, string? Url, string Text, IReadOnlyList<Block> Blocks, string Html);
