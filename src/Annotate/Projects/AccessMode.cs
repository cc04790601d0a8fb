using System.Net;

namespace Annotate.Projects;

/// <summary>
/// Local mode: a server that listens on this machine only (the README's `dotnet run`, tests). There, signing in with
/// a display name makes one an annotator of the served corpus's project, so the run command leads straight to
/// annotating. A server reachable from the network (`--urls http://0.0.0.0:8080`) needs accounts or a class code.
/// `Annotate:LocalMode` true/false overrides the guess.
/// </summary>
internal sealed class AccessMode(bool isLocal)
{
    public bool IsLocal { get; } = isLocal;

    public static AccessMode From(IConfiguration configuration)
    {
        if (configuration.GetValue<bool?>("Annotate:LocalMode") is { } explicitMode)
        {
            return new AccessMode(explicitMode);
        }

        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? configuration["URLS"];
        return new AccessMode(string.IsNullOrWhiteSpace(urls) || urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopback));
    }

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards ("*", "+", "0.0.0.0", "[::]") listen on every interface.
        var host = url.Split("://", 2) is [_, var rest] ? rest.Split('/')[0] : url;
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
