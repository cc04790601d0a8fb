using System.Net.Http.Json;
using Annotate.Corpus;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Annotate.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port with its own SQLite file in a temp folder (or its own PostgreSQL database, see
/// <see cref="TestDatabase"/>). Serves the bundled corpus unless
/// given another folder.
/// </summary>
public sealed class AnnotateApp : WebApplicationFactory<Program>
{
    public AnnotateApp()
        : this(corpusPath: null)
    {
    }

    private AnnotateApp(string? corpusPath)
    {
        Folder = TempFolder.Create();
        CorpusPath = corpusPath ?? RepositoryRoot.Corpus;
        DatabasePath = TestDatabase.Create(Folder);
        UseKestrel();
    }

    private AnnotateApp(string folder, string database)
    {
        (Folder, CorpusPath, DatabasePath, IsTemplate) = (folder, RepositoryRoot.Corpus, database, true);
        UseKestrel();
    }

    /// <summary>The app that makes <see cref="DatabaseTemplate"/>'s database, which outlives it.</summary>
    internal static AnnotateApp TemplateBuilder(string folder, string database) => new(folder, database);

    private bool IsTemplate { get; }

    /// <summary>An app serving a corpus folder of the test's own (xUnit fixtures may have one public constructor).</summary>
    public static AnnotateApp ForCorpus(string corpusPath) => new(corpusPath);

    /// <summary>An app that behaves as if reachable from the network: accounts only, no display-name sign-in.</summary>
    public static AnnotateApp NetworkServer() => new(corpusPath: null) { LocalMode = false };

    /// <summary>A network server with services of the test's own (e.g. a clock it moves).</summary>
    public static AnnotateApp NetworkServer(Action<IServiceCollection> testServices) => new(corpusPath: null) { LocalMode = false, TestServices = testServices };

    private bool LocalMode { get; init; } = true;

    public string Folder { get; }

    public string CorpusPath { get; }

    /// <summary>The SQLite file, or the postgres:// URL of this app's database: what --db takes.</summary>
    public string DatabasePath { get; }

    /// <summary>A Redis backplane (host:port) to share live messages through, if any.</summary>
    public string? Redis { get; init; }

    /// <summary>Services a test adds to the real app's (e.g. a change subscriber of its own), after the app's.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>
    /// How often the app checks live connections and project modes (Annotate:LiveCheckSeconds; 1 s in production):
    /// shorter here, so tests of "a lost right closes the connection within two seconds" wait less and keep a margin
    /// on a loaded machine.
    /// </summary>
    public static TimeSpan LiveCheck { get; } = TimeSpan.FromSeconds(0.2);

    /// <summary>Everything the app logged, at every level.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Before the app's start-up migrates the database: a fresh one on the bundled corpus starts as a copy of the
        // state every such app reaches after its first load.
        if (!IsTemplate && CorpusPath == RepositoryRoot.Corpus)
        {
            DatabaseTemplate.FillIfUntouched(DatabasePath);
        }

        // A free port, as a setting: UseKestrel(0) sets it by editing the server's addresses after the app has started
        // Kestrel on its own thread, and lost that race now and then ("Addresses cannot be modified after the server has
        // started", dotnet/aspnetcore#67714).
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("Annotate:Corpus", CorpusPath);
        builder.UseSetting("Annotate:Database", DatabasePath);
        builder.UseSetting("Annotate:Keys", Path.Combine(Folder, "data", "keys"));
        builder.UseSetting("Annotate:LocalMode", LocalMode ? "true" : "false");
        builder.UseSetting("Annotate:LiveCheckSeconds", LiveCheck.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
        if (Redis is not null)
        {
            builder.UseSetting("Annotate:Redis", Redis);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    /// <summary>A client with no session (anonymous).</summary>
    public HttpClient AnonymousClient()
    {
        StartServer();
        var cookies = new CookieContainerHandler();
        return CreateDefaultClient(ClientOptions.BaseAddress, new AntiforgeryHandler(cookies.Container), new RedirectHandler(), cookies);
    }

    /// <summary>A client signed in with a display name, once the corpus has finished loading.</summary>
    public async Task<HttpClient> SignedInClientAsync(string displayName = "Tester")
    {
        var client = AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/session", new { displayName });
        response.EnsureSuccessStatusCode();
        await WaitForCorpusAsync(client);
        return client;
    }

    /// <summary>Waits until a corpus load has finished (and, if given, until the status satisfies a condition).</summary>
    public static async Task<CorpusStatusSnapshot> WaitForCorpusAsync(HttpClient client, Func<CorpusStatusSnapshot, bool>? until = null, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        CorpusStatusSnapshot? status = null;
        while (DateTime.UtcNow < deadline)
        {
            status = await client.GetFromJsonAsync<CorpusStatusSnapshot>("/api/corpus/status");
            if (status is { State: CorpusStatusSnapshot.Idle, LastLoadedAt: not null } && (until is null || until(status)))
            {
                return status;
            }

            // Short: a load of the bundled corpus into a database made from the template takes milliseconds.
            await Task.Delay(25);
        }

        throw new TimeoutException($"The corpus did not reach the expected state in {timeoutSeconds} s; last status: {status}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (IsTemplate)
        {
            TestDatabase.ReleaseConnections();
            return;
        }

        TestDatabase.Drop(DatabasePath);
        TempFolder.Delete(Folder);
    }
}
