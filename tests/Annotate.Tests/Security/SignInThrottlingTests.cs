using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// Sign-in throttling as a weapon: failures sent on purpose must not lock the real person out, and an unknown name
/// must not answer faster than a known one. Client addresses are simulated with X-Forwarded-For, which the server
/// honours from a proxy on the loopback interface (as the tests' client is).
/// </summary>
public sealed class SignInThrottlingTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly SecurityServer server;

    public SignInThrottlingTests() => server = new SecurityServer(app);

    public void Dispose() => app.Dispose();

    private async Task<HttpResponseMessage> SignInFromAsync(string address, string userName, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return await app.AnonymousClient().SendAsync(request);
    }

    [Fact]
    public async Task An_Attackers_Failures_From_One_Address_Do_Not_Stop_The_Owner_Signing_In_From_Another()
    {
        await server.ServerOwnerAsync();

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            attempts.Add((await SignInFromAsync("203.0.113.7", "olga", $"guess number {i}")).StatusCode);
        var attackerWithRightPassword = await SignInFromAsync("203.0.113.7", "olga", SecurityServer.Password);
        var owner = await SignInFromAsync("198.51.100.2", "olga", SecurityServer.Password);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), attempts.Take(5));
        Assert.All(attempts.Skip(5), status => Assert.Equal(HttpStatusCode.TooManyRequests, status)); // the guesser waits
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerWithRightPassword.StatusCode);
        Assert.NotNull(attackerWithRightPassword.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode); // not a lock: the owner, elsewhere, gets in
    }

    [Fact]
    public async Task Unknown_Names_Take_As_Long_As_Wrong_Passwords()
    {
        await server.ServerOwnerAsync();
        await SignInFromAsync("192.0.2.99", "warm-up", "warm up the hasher");

        // Each attempt from its own address and name, so no throttling delay is involved; medians smooth out noise.
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            unknown.Add(await TimeAsync(() => SignInFromAsync($"192.0.2.{i + 1}", $"nobody-{i}", "not a password")));
            wrong.Add(await TimeAsync(() => SignInFromAsync($"198.51.100.{i + 1}", "olga", "not a password")));
        }

        // Without the dummy hash an unknown name answers in about a millisecond, a wrong password in tens of them.
        Assert.True(Median(unknown) > Median(wrong) / 3, $"unknown names: {Median(unknown):0.0} ms; wrong passwords: {Median(wrong):0.0} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> attempt)
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, (await attempt()).StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
