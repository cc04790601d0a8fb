using System.Net;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>The enforced Content-Security-Policy and the hub's refusal of foreign origins.</summary>
public sealed class HeadersAndOriginTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/documents/anything")]
    [InlineData("/api/session")]
    public async Task Every_Answer_Carries_An_Enforced_Policy_Without_Inline_Script(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Content-Security-Policy-Report-Only"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_Hub_Refuses_A_Foreign_Origin_And_Accepts_Its_Own()
    {
        var client = await app.SignedInClientAsync("Origin Tester");
        var own = new Uri(app.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/hubs/annotations/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "https://evil.example");
        using var same = new HttpRequestMessage(HttpMethod.Post, "/hubs/annotations/negotiate?negotiateVersion=1");
        same.Headers.Add("Origin", own.ToString().TrimEnd('/'));

        var refused = await client.SendAsync(foreign);
        var accepted = await client.SendAsync(same);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Foreign origin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Errors_Never_Show_Stack_Traces_Or_Sql()
    {
        var client = await app.SignedInClientAsync("Error Tester");

        var response = await client.PutAsync("/api/documents/x/annotations/y", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(" at Annotate.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT", body, StringComparison.OrdinalIgnoreCase);
    }
}
