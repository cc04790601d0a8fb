using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Agreement.Spans;
using Annotate.Agreement.Spans.Gamma;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Agreement;

/// <summary>`GET /api/projects/{id}/agreement/gamma` on a real app: computed in the background, 202 then 200.</summary>
public sealed class GammaApiTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    private static async Task<JsonElement> ReadyAsync(HubUser user, string query = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await user.Http.GetAsync($"/api/projects/default/agreement/gamma{query}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("ready", body.GetProperty("status").GetString());
                return body;
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("computing", body.GetProperty("status").GetString());
            Assert.True(DateTime.UtcNow < deadline, "gamma was not ready within 30 s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Gamma_Is_Computing_First_Then_Ready_With_The_Figures_Of_The_Core()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        (await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 20, 30);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 8);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 20, 30);

        var first = await ana.Http.GetAsync("/api/projects/default/agreement/gamma");
        var report = await ReadyAsync(ana);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var layer = report.GetProperty("layers").EnumerateArray().Single();
        Assert.Equal("frame", layer.GetProperty("layer").GetString());
        LabelledSpan[] spans = [new(Doc, ana.UserId, 0, 10, "protest"), new(Doc, ana.UserId, 20, 30, "security"), new(Doc, ben.UserId, 0, 8, "protest"), new(Doc, ben.UserId, 20, 30, "protest")];
        var expected = GammaAgreement.Compute(spans, [new(Doc, 0, 100)]);
        Assert.Equal(expected.ObservedDisorder, layer.GetProperty("observedDisorder").GetDouble(), 12);
        Assert.Equal(expected.ExpectedDisorder, layer.GetProperty("expectedDisorder").GetDouble(), 12);
        Assert.Equal(expected.Gamma.Value, layer.GetProperty("gamma").GetDouble(), 12);
        Assert.Equal(expected.ExpectedStandardError, layer.GetProperty("precision").GetDouble(), 12);
        Assert.Equal(30, layer.GetProperty("samples").GetInt32());
        Assert.Equal(report.GetProperty("revision").GetInt64(), (await (await ana.Http.GetAsync("/api/projects/default/agreement")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task A_Change_Starts_A_New_Computation_For_The_New_Revision()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        (await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        var before = await ReadyAsync(ana);

        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "security", 40, 50);
        var after = await ReadyAsync(ana);

        Assert.Equal(1.0, before.GetProperty("layers")[0].GetProperty("gamma").GetDouble());
        Assert.True(after.GetProperty("revision").GetInt64() > before.GetProperty("revision").GetInt64());
        Assert.True(after.GetProperty("layers")[0].GetProperty("gamma").GetDouble() < 1.0);
    }

    [Fact]
    public async Task Gamma_Follows_The_Blind_And_Document_Rules_Of_The_Report()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");

        var blind = await ana.Http.GetAsync("/api/projects/default/agreement/gamma");
        (await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        var unknown = await ana.Http.GetAsync("/api/projects/default/agreement/gamma?document=no.such-document");
        var anonymous = await app.AnonymousClient().GetAsync("/api/projects/default/agreement/gamma");
        var empty = await ReadyAsync(ana);

        Assert.Equal(HttpStatusCode.Forbidden, blind.StatusCode);
        Assert.Equal("Blind project", (await blind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(empty.GetProperty("layers").EnumerateArray());
    }
    // A class on the same words makes 2^(n−1) candidate alignments; the server's tighter limit refuses 20 annotators
    // (524,288 candidates) with the reason within a fraction of a second, instead of building them on the agreement thread.
    [Fact]
    public async Task A_Class_On_The_Same_Words_Gets_Gamma_Undefined_With_The_Server_Limit_Named()
    {
        using var app = new AnnotateApp();
        var students = new List<HubUser>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                students.Add(await HubUser.SignInAsync(app, $"Student {i}"));
            }

            (await students[0].Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
            foreach (var student in students)
            {
                await student.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
            }

            var layer = (await ReadyAsync(students[0])).GetProperty("layers")[0];

            Assert.Equal(JsonValueKind.Null, layer.GetProperty("gamma").ValueKind);
            Assert.Contains(layer.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("250,000 candidate", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var student in students)
            {
                await student.DisposeAsync();
            }
        }
    }
}
