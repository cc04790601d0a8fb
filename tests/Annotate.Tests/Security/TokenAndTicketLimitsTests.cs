using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Data;
using Annotate.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Security;

/// <summary>Secrets that must not pile up or live for ever: API tokens per person, and students' personal links.</summary>
public sealed class TokenAndTicketLimitsTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly SecurityServer server;

    public TokenAndTicketLimitsTests() => server = new SecurityServer(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Person_Holds_At_Most_Fifty_Live_Api_Tokens_In_The_App_And_On_The_Command_Line()
    {
        var (olga, _) = await server.ServerOwnerAsync();
        for (var i = 0; i < 50; i++)
            Assert.Equal(HttpStatusCode.Created, (await olga.PostAsJsonAsync("/api/tokens", new { name = $"script {i}" })).StatusCode);

        var fiftyFirst = await olga.PostAsJsonAsync("/api/tokens", new { name = "one too many" });
        var (exit, output, error) = await AnnotateProcess.RunAsync("token", "create", "olga", "--db", app.DatabasePath);
        var first = (await olga.GetFromJsonAsync<JsonElement>("/api/tokens")).EnumerateArray().First().GetProperty("id").GetString();
        (await olga.DeleteAsync($"/api/tokens/{first}")).EnsureSuccessStatusCode();
        var afterRevoking = await olga.PostAsJsonAsync("/api/tokens", new { name = "replacement" });

        Assert.Equal(HttpStatusCode.Conflict, fiftyFirst.StatusCode);
        Assert.Contains("at most 50 live API tokens", (await fiftyFirst.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.Equal("", output.Trim());
        Assert.Contains("at most 50 live API tokens", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, afterRevoking.StatusCode); // revoked tokens do not count
    }

    [Fact]
    public async Task An_Expired_Personal_Link_Gets_The_Same_Answer_As_An_Unknown_One_And_The_Teacher_Can_Issue_A_New_One()
    {
        var (olga, _) = await server.ServerOwnerAsync();
        var (anaId, ticket) = (await SecurityServer.AddStudentsAsync(olga, "default", "Ana")).Single();
        // The link was issued 31 days ago (the default lifetime, Annotate:TicketLifetimeDays, is 30).
        await app.Services.GetRequiredService<Db>().WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE StudentTickets SET CreatedAt = @Then WHERE UserId = @UserId;", new { Then = DateTimeOffset.UtcNow.AddDays(-31).ToString("O"), UserId = anaId }, t));

        var expired = await server.RedeemAsync(ticket);
        var unknown = await server.RedeemAsync("ABCDEFGHJKMN");
        var reissued = await (await olga.PostAsync($"/api/projects/default/class/students/{anaId}/ticket", null)).Content.ReadFromJsonAsync<JsonElement>();
        var fresh = await server.RedeemAsync(reissued.GetProperty("ticket").GetString()!);

        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync() is var u ? JsonDocument.Parse(u).RootElement.GetProperty("detail").GetString() : null,
            (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
