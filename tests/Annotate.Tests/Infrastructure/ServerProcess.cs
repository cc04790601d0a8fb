using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Annotate.Tests.Infrastructure;

/// <summary>The real `annotate serve` in its own process, so a test can kill it hard and start it again.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri address) => (this.process, Address) = (process, address);

    public Uri Address { get; }

    /// <param name="redis">A Redis server's address for the backplane (several instances), or null for one instance.</param>
    public static async Task<ServerProcess> StartAsync(string databasePath, int port, string? redis = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "annotate.dll"), "serve", "--corpus", RepositoryRoot.Corpus, "--db", databasePath, "--urls", $"http://127.0.0.1:{port}"];
        if (Annotate.Data.DatabaseTarget.IsPostgres(databasePath))
        {
            // No file to keep the cookie keys beside: instances on one database share a folder named after it.
            var keys = Path.Combine(Path.GetTempPath(), "annotate-tests", "keys-" + new Uri(databasePath).AbsolutePath.Trim('/'));
            args = [.. args, $"--Annotate:Keys={keys}"];
        }

        foreach (var arg in redis is null ? args : [.. args, "--redis", redis])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = server.Address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new TimeoutException("The server process did not start within 30 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as in a crash or an out-of-memory kill.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillHard();
        }

        process.Dispose();
    }
}
