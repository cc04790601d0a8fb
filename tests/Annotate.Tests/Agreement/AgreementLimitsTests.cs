using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Agreement;

/// <summary>
/// Agreement requests cannot stall the server (issue 15, point 5): a bootstrap above its cost is refused with the
/// figures, a person's heavy requests (bootstrap, groups) are limited and each distinct one computed once, and the
/// plain report answers while a heavy one is still computing. On a real server (Kestrel on a free port).
/// </summary>
public sealed class AgreementLimitsTests
{
    // 12 documents of 400 words: about 4,800 tokens, so 4,000 samples cost about 19,200,000 unit-samples (under
    // 20,000,000, and seconds of work); 10,000 samples are over.
    private static async Task<(AnnotateApp App, HubUser Ana, HubUser Ben)> ProjectAsync()
    {
        var app = new AnnotateApp();
        var ana = await HubUser.SignInAsync(app, "Ana");
        var ben = await HubUser.SignInAsync(app, "Ben");
        (await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        (await ana.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group = "a" } })).EnsureSuccessStatusCode();
        await AgreementSeed.SeedAsync(app, [ana.UserId, ben.UserId], documents: 12, spansPerAnnotator: 10, words: 400);
        return (app, ana, ben);
    }

    [Fact]
    public async Task A_Bootstrap_Above_Its_Cost_Is_Refused_With_The_Limit_And_The_Figures()
    {
        var (app, ana, ben) = await ProjectAsync();
        using var _ = app;
        await using var __ = ana;
        await using var ___ = ben;

        var refused = await ana.Http.GetAsync("/api/projects/default/agreement?bootstrap=10000");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var (exit, _, error) = await AnnotateProcess.RunAsync("agreement", "--project", "default", "--db", app.DatabasePath, "--bootstrap", "1000000");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Bootstrap too large", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("10,000 samples", detail, StringComparison.Ordinal);
        Assert.Contains($"limit of {AgreementLimits.MaxBootstrapCost:N0}", detail, StringComparison.Ordinal);
        Assert.Matches(@"over [0-9,]+ units .* costs [0-9,]+ unit-samples", detail);
        // The command line allows more, and refuses above its own limit the same way (exit code 2).
        Assert.Equal(2, exit);
        Assert.Contains($"limit of {AgreementLimits.MaxCommandLineBootstrapCost:N0}", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ana.Http.GetAsync("/api/projects/default/agreement")).StatusCode);
    }

    [Fact]
    public async Task A_Persons_Heavy_Requests_Are_Limited_And_The_Same_Request_Is_Computed_Once()
    {
        var (app, ana, ben) = await ProjectAsync();
        using var _ = app;
        await using var __ = ana;
        await using var ___ = ben;
        await ana.Http.GetAsync("/api/projects/default/agreement"); // the plain pieces, so all sixteen start together

        // Sixteen distinct heavy requests at once: bootstraps of 3,985 … 4,000 samples, half of them by group too.
        // The heavy lane is held until every refused one has been answered, so the two admitted ones are still
        // computing when the others arrive however slowly the machine runs them (no timing involved).
        using var gate = new ManualResetEventSlim();
        var held = app.Services.GetRequiredService<AgreementService>().OnHeavyLaneAsync(() => gate.Wait(TimeSpan.FromMinutes(2)));
        var pending = Enumerable.Range(0, 16).Select(i =>
            ana.Http.GetAsync($"/api/projects/default/agreement?bootstrap={4000 - i}{(i % 2 == 0 ? "&groupBy=group" : "")}")).ToList();
        await AnsweredAsync(pending, 16 - AgreementLimits.MaxHeavyPerUser).WaitAsync(TimeSpan.FromMinutes(2));
        gate.Set();
        Assert.True(await held);
        var distinct = await Task.WhenAll(pending);
        // Four identical ones at once: one computation, one of Ana's places, every caller answered.
        var same = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ana.Http.GetAsync("/api/projects/default/agreement?bootstrap=3000")));
        // Ben has places of his own.
        var bens = await ben.Http.GetAsync("/api/projects/default/agreement?bootstrap=3001");

        Assert.Equal(AgreementLimits.MaxHeavyPerUser, distinct.Count(r => r.StatusCode == HttpStatusCode.OK));
        var busy = distinct.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(16 - AgreementLimits.MaxHeavyPerUser, busy.Count);
        foreach (var response in busy)
        {
            Assert.Equal(AgreementLimits.RetryAfter, response.Headers.RetryAfter?.Delta);
            Assert.Equal("Too many agreement computations", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.All(same, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(same.Select(r => r.Content.ReadAsStringAsync().Result).Distinct());
        Assert.Equal(HttpStatusCode.OK, bens.StatusCode);
    }

    // Identical requests at once all checked their cost before either had started, and each took one of the person's
    // two places: with one place already in use, one of the two was refused (429) for the other's place.
    [Fact]
    public async Task Identical_Heavy_Requests_At_Once_Share_One_Place()
    {
        var (app, ana, ben) = await ProjectAsync();
        using var _ = app;
        await using var __ = ana;
        await using var ___ = ben;
        await ana.Http.GetAsync("/api/projects/default/agreement");
        var service = app.Services.GetRequiredService<AgreementService>();
        using var gate = new ManualResetEventSlim();
        var held = service.OnHeavyLaneAsync(() => gate.Wait(TimeSpan.FromMinutes(2)));
        var first = ana.Http.GetAsync("/api/projects/default/agreement?bootstrap=2000");
        await Eventually.TrueAsync(() => service.HeavyCallers == 1, "the first heavy request is computing", 30_000);

        var same = Enumerable.Range(0, 2).Select(_ => ana.Http.GetAsync("/api/projects/default/agreement?bootstrap=1900")).ToList();
        await Eventually.TrueAsync(() => service.HeavyCallers == 3 || same.Any(r => r.IsCompleted), "both identical requests are waiting", 30_000);
        gate.Set();
        Assert.True(await held);

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.All(await Task.WhenAll(same), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    // Completes when `count` of the requests have been answered, whichever they are.
    private static async Task AnsweredAsync(List<Task<HttpResponseMessage>> requests, int count)
    {
        var waiting = requests.ToList();
        for (var answered = 0; answered < count; answered++)
        {
            waiting.Remove(await Task.WhenAny(waiting));
        }
    }

    [Fact]
    public async Task The_Plain_Report_Answers_While_A_Heavy_Request_Is_Still_Computing()
    {
        var (app, ana, ben) = await ProjectAsync();
        using var _ = app;
        await using var __ = ana;
        await using var ___ = ben;
        await ana.Http.GetAsync("/api/projects/default/agreement");

        // The heavy lane is held busy (by work of this test's own, released at the end), and a bootstrap is queued on it.
        using var gate = new ManualResetEventSlim();
        var held = app.Services.GetRequiredService<AgreementService>().OnHeavyLaneAsync(() => gate.Wait(TimeSpan.FromMinutes(2)));
        var heavy = ana.Http.GetAsync("/api/projects/default/agreement?bootstrap=1000&groupBy=group");

        // A save moves the figures, so the plain report has to be computed again, not served from the cache.
        await ben.PutSpanAsync("wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass", Guid.NewGuid().ToString(), "protest", 0, 10);
        var plain = await ana.Http.GetAsync("/api/projects/default/agreement").WaitAsync(TimeSpan.FromMinutes(1));
        var heavyDoneWhenPlainAnswered = heavy.IsCompleted;
        gate.Set();

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(heavyDoneWhenPlainAnswered, "the bootstrap ran although the heavy lane was held");
        Assert.True(await held);
        Assert.Equal(HttpStatusCode.OK, (await heavy).StatusCode);
    }
}
