using System.Net;

namespace Annotate.Projects;

/// <summary>
/// Whether this server allows local mode at all: one that listens on this machine only (the README's `dotnet run`,
/// tests), or `Annotate:LocalMode=true`. `Annotate:LocalMode=false` forbids it. Allowing it is not enough: each request
/// must also qualify on its own (<see cref="Annotate.Hosting.LocalRequests"/>), since a server on 127.0.0.1 behind a
/// reverse proxy is reached from the whole network through that proxy.
/// </summary>
internal sealed class AccessMode(bool localAllowed, bool anyHost)
{
    public bool LocalAllowed { get; } = localAllowed;

    /// <summary>
    /// Local mode with AllowedHosts left open ("*"): only loopback names may be in the Host header, so a page on
    /// another site that rebinds its DNS name to 127.0.0.1 cannot reach a laptop's server.
    /// </summary>
    public bool LoopbackHostsOnly => LocalAllowed && anyHost;

    public static AccessMode From(IConfiguration configuration)
    {
        var allowedHosts = configuration["AllowedHosts"] ?? "";
        var anyHost = allowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is var hosts && (hosts.Length == 0 || hosts.Contains("*"));
        if (configuration.GetValue<bool?>("Annotate:LocalMode") is { } explicitMode)
        {
            return new AccessMode(explicitMode, anyHost);
        }

        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? configuration["URLS"];
        var loopbackOnly = string.IsNullOrWhiteSpace(urls) || urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopbackUrl);
        return new AccessMode(loopbackOnly, anyHost);
    }

    /// <summary>localhost, 127.0.0.0/8 or ::1, with or without brackets; Kestrel's wildcards ("*", "+", "0.0.0.0", "[::]") are not.</summary>
    public static bool IsLoopbackName(string host)
    {
        host = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static bool IsLoopbackUrl(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest.Split('/')[0] : url;
        host = host.StartsWith('[') ? host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)] : host.Split(':')[0];
        return IsLoopbackName(host);
    }
}
