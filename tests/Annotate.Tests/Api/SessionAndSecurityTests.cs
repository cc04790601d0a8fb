using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Api;

public sealed class SessionAndSecurityTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Theory]
    [InlineData("/api/documents")]
    [InlineData("/api/documents/wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass")]
    [InlineData("/api/collections")]
    [InlineData("/api/corpus/status")]
    [InlineData("/api/codebooks")]
    public async Task Anonymous_Requests_To_The_Api_Are_Refused_With_401_ProblemDetails(string url)
    {
        var client = app.AnonymousClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signing_In_With_A_Display_Name_Starts_A_Session_And_Signing_Out_Ends_It()
    {
        var client = app.AnonymousClient();

        var signIn = await client.PostAsJsonAsync("/api/session", new { displayName = "  Ana Lindqvist " });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/session");
        var signOut = await client.DeleteAsync("/api/session");
        var after = await client.GetAsync("/api/session");

        signIn.EnsureSuccessStatusCode();
        Assert.Equal("Ana Lindqvist", me.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, after.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("name\u0007with bell")]
    [InlineData("\u202Eevil")]
    [InlineData("zero\u200Bwidth")]
    public async Task Invalid_Display_Names_Are_Refused_With_The_Reason(string displayName)
    {
        var client = app.AnonymousClient();

        var response = await client.PostAsJsonAsync("/api/session", new { displayName });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("displayName", out _));
    }

    [Fact]
    public async Task A_Missing_Body_Is_Refused_With_An_Example_Of_What_To_Send()
    {
        var client = app.AnonymousClient();

        var response = await client.PostAsync("/api/session", new StringContent("null", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("displayName", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Wrong_Method_Answers_405_ProblemDetails()
    {
        var client = await app.SignedInClientAsync();

        var response = await client.PutAsync("/api/documents", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Overlong_Display_Name_Is_Refused()
    {
        var client = app.AnonymousClient();

        var response = await client.PostAsJsonAsync("/api/session", new { displayName = new string('n', 65) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_Json_Is_A_400_Not_A_Crash()
    {
        var client = app.AnonymousClient();

        var response = await client.PostAsync("/api/session", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static readonly string AnnotationUrl = $"/api/documents/wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass/annotations/{Guid.NewGuid()}";
    private static readonly object Span = new { layer = "frame", label = "protest", start = 0, end = 5 };

    [Fact]
    public async Task Writes_Without_The_Anti_Forgery_Token_Are_Refused()
    {
        // Like a form on another site: the cookies ride along (here it has none), no header.
        app.StartServer();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/session", new { displayName = "Mallory" });

        await AssertMissingTokenAsync(response);
    }

    [Fact]
    public async Task A_Signed_In_Write_Without_The_Header_Is_Refused_Even_With_The_Old_Constant_Header()
    {
        var (client, _) = await SignedInAsync("Header Check");
        using var request = new HttpRequestMessage(HttpMethod.Put, AnnotationUrl) { Content = JsonContent.Create(Span) };
        // A header value that is present but empty counts as missing; the constant X-Requested-With is no longer enough.
        request.Headers.Add(AntiforgeryHandler.HeaderName, "");
        request.Headers.Add("X-Requested-With", "annotate");

        var response = await client.SendAsync(request);

        await AssertMissingTokenAsync(response);
    }

    [Fact]
    public async Task A_Token_Issued_To_Another_Session_Is_Refused()
    {
        var (_, malloryCookies) = await SignedInAsync("Mallory");
        var (victim, _) = await SignedInAsync("Victim");
        var stolen = TokenOf(malloryCookies);
        using var request = new HttpRequestMessage(HttpMethod.Put, AnnotationUrl) { Content = JsonContent.Create(Span) };
        request.Headers.Add(AntiforgeryHandler.HeaderName, stolen);

        var response = await victim.SendAsync(request);

        await AssertMissingTokenAsync(response);
    }

    [Fact]
    public async Task A_Token_From_Before_Sign_In_Is_Refused_After_It_And_Sign_In_Hands_Out_A_New_One()
    {
        app.StartServer();
        var cookies = new CookieContainer();
        using var client = AntiforgeryHandler.Client(app.ClientOptions.BaseAddress, cookies);
        (await client.GetAsync("/api/antiforgery")).EnsureSuccessStatusCode();
        var anonymous = TokenOf(cookies);

        var signIn = await client.PostAsJsonAsync("/api/session", new { displayName = "Rebound" });
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/session");
        request.Headers.Add(AntiforgeryHandler.HeaderName, anonymous);
        var stale = await client.SendAsync(request);
        var fresh = await client.DeleteAsync("/api/session");

        signIn.EnsureSuccessStatusCode();
        Assert.NotEqual(anonymous, TokenOf(cookies));
        await AssertMissingTokenAsync(stale);
        Assert.Equal(HttpStatusCode.NoContent, fresh.StatusCode);
    }

    [Fact]
    public async Task The_Token_Cookie_Is_Readable_By_The_Page_And_SameSite_Strict()
    {
        app.StartServer();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/antiforgery");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var token = Assert.Single(cookies, c => c.StartsWith(AntiforgeryHandler.CookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", token, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", token, StringComparison.OrdinalIgnoreCase);
        var secret = Assert.Single(cookies, c => c.StartsWith("annotate.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("httponly", secret, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", secret, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(HttpClient Client, CookieContainer Cookies)> SignedInAsync(string displayName)
    {
        app.StartServer();
        var cookies = new CookieContainer();
        var client = AntiforgeryHandler.Client(app.ClientOptions.BaseAddress, cookies);
        (await client.PostAsJsonAsync("/api/session", new { displayName })).EnsureSuccessStatusCode();
        return (client, cookies);
    }

    private string TokenOf(CookieContainer cookies) => cookies.GetCookies(app.ClientOptions.BaseAddress)[AntiforgeryHandler.CookieName]!.Value;

    private static async Task AssertMissingTokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Missing anti-forgery token", problem.GetProperty("title").GetString());
        Assert.Contains("X-XSRF-TOKEN", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Session_Cookie_Is_HttpOnly_And_SameSite_Strict()
    {
        var client = app.AnonymousClient();

        var response = await client.PostAsJsonAsync("/api/session", new { displayName = "Cookie Check" });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("annotate.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_Api_Paths_Answer_404_ProblemDetails()
    {
        var client = await app.SignedInClientAsync();

        var response = await client.GetAsync("/api/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_And_OpenApi_Are_Public()
    {
        var client = app.AnonymousClient();

        var health = await client.GetStringAsync("/healthz");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal("Healthy", health);
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/documents", out _));
        Assert.True(paths.TryGetProperty("/api/documents/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/corpus/status", out _));
    }
}
