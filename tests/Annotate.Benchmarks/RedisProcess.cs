using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Annotate.Benchmarks;

/// <summary>A throw-away redis-server on a free loopback port (Debian's package), for runs with two app instances.</summary>
internal sealed class RedisProcess : IDisposable
{
    private static readonly string[] Executables = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];
    private readonly Process process;

    private RedisProcess(Process process, int port) => (this.process, Address) = (process, $"127.0.0.1:{port}");

    public string Address { get; }

    public static RedisProcess Start()
    {
        var executable = Executables.FirstOrDefault(File.Exists)
            ?? throw new ArgumentException("redis-server is not installed (apt-get install -y redis-server).");
        var port = AppServer.FreePort();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient("127.0.0.1", port);
                return new RedisProcess(process, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"redis-server did not listen on port {port}.");
    }

    public void Dispose()
    {
        process.Kill();
        process.WaitForExit();
        process.Dispose();
    }
}
