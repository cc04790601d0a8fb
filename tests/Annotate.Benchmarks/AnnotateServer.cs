using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Annotate.Benchmarks;

/// <summary>The real `annotate serve` in its own process on a free loopback port, with a scratch database.</summary>
internal sealed class AnnotateServer : IDisposable
{
    private readonly Process process;
    private readonly string folder;

    private AnnotateServer(Process process, Uri address, string folder) => (this.process, Address, this.folder) = (process, address, folder);

    public Uri Address { get; }

    public int ProcessId => process.Id;

    public static async Task<AnnotateServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "annotate-hub-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "annotate.dll"), "serve", "--corpus", RepositoryCorpus(), "--db", Path.Combine(folder, "annotate.db"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"[server] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AnnotateServer(process, new Uri($"http://127.0.0.1:{port}"), folder);
        using var probe = new HttpClient { BaseAddress = server.Address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new InvalidOperationException("The server did not start within 30 s.");
    }

    /// <summary>CPU seconds (user + system) the server has used so far, from /proc.</summary>
    public double CpuSeconds()
    {
        var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The server's peak resident memory in MiB (VmHWM).</summary>
    public double PeakMemoryMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static string RepositoryCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Annotate.sln")))
            {
                return Path.Combine(dir.FullName, "corpus");
            }
        }

        throw new InvalidOperationException("Cannot find the repository (Annotate.sln) above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
