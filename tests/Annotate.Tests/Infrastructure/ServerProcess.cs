using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Annotate.Tests.Infrastructure;

/// <summary>The real `annotate serve` in its own process, so a test can kill it hard and start it again.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    private ServerProcess(Process process, Uri address) => (this.process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>Every line the process wrote to standard output and standard error so far (its console log).</summary>
    public IReadOnlyCollection<string> Output => output;

    /// <param name="redis">A Redis server's address for the backplane (several instances), or null for one instance.</param>
    /// <param name="workingDirectory">Where the command is typed (default: the test's own).</param>
    public static async Task<ServerProcess> StartAsync(string databasePath, int port, string? redis = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
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
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => server.Collect(line.Data);
        process.ErrorDataReceived += (_, line) => server.Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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

    private void Collect(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// SIGTERM, then waits for the process to end: the host shuts down in order and the console logger drains its queue
    /// first, so afterwards <see cref="Output"/> holds every line the server was ever going to write.
    /// </summary>
    public async Task StopAsync()
    {
        if (Terminate(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to the server (errno {Marshal.GetLastPInvokeError()}).");
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        process.WaitForExit(); // and the redirected output has been read to its end
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);

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
