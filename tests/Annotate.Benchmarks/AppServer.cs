using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Annotate.Benchmarks;

/// <summary>
/// The app as a child process (the same build the benchmark was built with), on a free local port: used by the
/// long-article benchmark and the hub load tool.
/// </summary>
internal sealed partial class AppServer : IAsyncDisposable
{
    /// <summary>The configuration this benchmark was built in; the app it starts is the same build.</summary>
#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    private readonly Process process;

    private AppServer(Process process, Uri baseAddress, HttpClient api, CookieContainer cookies)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Api = api;
        Cookies = cookies;
    }

    public Uri BaseAddress { get; }

    /// <summary>Signed in as the benchmark's annotator; sends the cross-site header.</summary>
    public HttpClient Api { get; }

    public CookieContainer Cookies { get; }

    /// <summary>Starts the app; with <paramref name="session"/> (cookies of an earlier run on the same database) it keeps that user.</summary>
    /// <param name="redis">A Redis address: the instance shares live messages with others through it (--redis).</param>
    public static async Task<AppServer> StartAsync(string corpus, string database, string configuration, CookieContainer? session = null,
        string displayName = "Long-article benchmark", string? redis = null)
    {
        var root = RepositoryRoot();
        var app = Path.Combine(root, "src", "Annotate", "bin", configuration, "net10.0", "annotate.dll");
        if (!File.Exists(app))
        {
            throw new ArgumentException($"{app} is missing: build the app first (dotnet build src/Annotate -c {configuration}).");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Annotate"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { app, "serve", "--corpus", corpus, "--db", database, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Annotate__WatchCorpus"] = "false";
        if (redis is not null)
        {
            start.Environment["Annotate__Redis"] = redis;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [app] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var cookies = session ?? new CookieContainer();
        var api = new HttpClient(new AntiforgeryHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies, AutomaticDecompression = DecompressionMethods.All } })
        {
            BaseAddress = baseAddress,
        };
        var server = new AppServer(process, baseAddress, api, cookies);
        await server.WaitUntilReadyAsync(signIn: session is null, displayName);
        return server;
    }

    private async Task WaitUntilReadyAsync(bool signIn, string displayName)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} during start-up.");
            }

            try
            {
                using var health = await Api.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The app did not answer within 60 s.");
            }

            await Task.Delay(200);
        }

        if (signIn)
        {
            using var response = await Api.PostAsJsonAsync("/api/session", new { displayName });
            response.EnsureSuccessStatusCode();
        }

        // The corpus loads in the background after start-up.
        while (true)
        {
            using var status = await Api.GetFromJsonAsync<JsonDocument>("/api/corpus/status");
            var root = status!.RootElement;
            if (root.GetProperty("state").GetString() == "idle" && root.GetProperty("lastLoadedAt").ValueKind != JsonValueKind.Null)
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Signs in another person by display name, as the sign-in page does: a client with cookies of its own.</summary>
    public async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(string displayName)
    {
        var cookies = new CookieContainer();
        var http = AntiforgeryHandler.Client(BaseAddress, cookies);
        using var response = await http.PostAsJsonAsync("/api/session", new { displayName });
        response.EnsureSuccessStatusCode();
        return (http, cookies);
    }

    /// <summary>CPU seconds (user + system) the app has used so far, from /proc.</summary>
    public double CpuSeconds()
    {
        var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The app's peak resident memory in MiB (VmHWM).</summary>
    public double PeakMemoryMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Annotate.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from a clone of the repository (no Annotate.sln found above it).");
    }

    [GeneratedRegex(@"\S+")]
    internal static partial Regex Token();
}
