using System.Net;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>Defaults that hold without any configuration: owner-only data files, uncacheable API answers, HSTS over HTTPS.</summary>
public sealed class HardeningDefaultsTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;
    private readonly AnnotateApp local = new();
    private readonly AnnotateApp network = AnnotateApp.NetworkServer();

    public void Dispose()
    {
        local.Dispose();
        network.Dispose();
    }

    [Fact]
    public async Task The_Database_Its_Wal_And_The_Cookie_Keys_Are_Readable_By_The_Owner_Only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Signing in writes (a new person) and makes the first cookie key.
        await local.SignedInClientAsync("Owner Only");

        var keys = Path.Combine(local.Folder, "data", "keys");
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(keys));
        var keyFiles = Directory.GetFiles(keys);
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
        }

        if (TestDatabase.UsePostgres)
        {
            return;
        }

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.GetDirectoryName(local.DatabasePath)!));
        foreach (var file in new[] { local.DatabasePath, local.DatabasePath + "-wal", local.DatabasePath + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
        }
    }

    [Theory]
    [InlineData("GET", "/api/documents")]
    [InlineData("GET", "/api/session")]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("POST", "/hubs/annotations/negotiate?negotiateVersion=1")]
    public async Task Api_Answers_And_The_Hub_Negotiation_Are_Never_Stored_By_A_Cache(string method, string path)
    {
        var client = await local.SignedInClientAsync("Cache Tester");
        // The first GET hands out the anti-forgery cookie (whose answer is uncacheable anyway); ask again with it held.
        await client.GetAsync("/api/session");

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await client.SendAsync(request);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{method} {path} answered {(int)response.StatusCode} with Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Https_Answers_Through_The_Proxy_Carry_Hsts_And_Plain_Http_Ones_Do_Not()
    {
        var client = network.AnonymousClient();

        using var https = Proxied("https");
        using var http = Proxied("http");
        var viaHttps = await client.SendAsync(https);
        var viaHttp = await client.SendAsync(http);
        var direct = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, viaHttps.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(viaHttps.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(viaHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    // A page request as nginx in the README relays it.
    private static HttpRequestMessage Proxied(string scheme)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "annotate.example.edu";
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", scheme);
        return request;
    }
}
