using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Classroom;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Rounds;

/// <summary>
/// Norming rounds on a network server: a discuss round freezes every annotator write at the server (spans, labels,
/// attributes, deletes: what an undo sends too) until a revise round opens; only the teacher starts and ends rounds;
/// an ended round keeps the agreement report exactly as it stood.
/// </summary>
public sealed class RoundsApiTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    private async Task<(HttpClient Teacher, string Code)> ClassAsync()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        return (teacher, await ClassTeacher.StartClassAsync(teacher));
    }

    private async Task<HttpClient> JoinAsync(string code, string name)
    {
        var student = app.AnonymousClient();
        var response = await student.PostAsJsonAsync("/api/session/join", new { code, displayName = name });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return student;
    }

    private static async Task<JsonElement> StartRoundAsync(HttpClient teacher, string kind, string? name = null)
    {
        var response = await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind, name });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PutSpanAsync(HttpClient client, string id, string label, int start, int end, int? version = null, object? attributes = null, string layer = "frame") =>
        client.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{id}", new { layer, label, start, end, version, attributes });

    private static async Task<int> VersionOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

    [Fact]
    public async Task A_Discuss_Round_Refuses_Every_Annotator_Write_Until_A_Revise_Round_Opens()
    {
        var (teacher, code) = await ClassAsync();
        var ana = await JoinAsync(code, "Ana");
        await StartRoundAsync(teacher, "blind");
        var (span, claim, label) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var spanVersion = await VersionOfAsync(await PutSpanAsync(ana, span, "protest", 0, 20));
        var claimVersion = await VersionOfAsync(await PutSpanAsync(ana, claim, "accusation", 30, 60, layer: "claim"));
        var labelVersion = await VersionOfAsync(await ana.PutAsJsonAsync($"/api/documents/{Doc}/labels/{label}", new { layer = "stance", label = "neutral" }));

        var discuss = await StartRoundAsync(teacher, "discuss");
        var refused = new[]
        {
            await PutSpanAsync(ana, Guid.NewGuid().ToString(), "security", 40, 50),
            await PutSpanAsync(ana, span, "blockade", 0, 20, spanVersion),
            await PutSpanAsync(ana, claim, "accusation", 30, 60, claimVersion, new { veracity = "disputed" }, "claim"),
            await ana.PutAsJsonAsync($"/api/documents/{Doc}/labels/{label}", new { layer = "stance", label = "pro-dalmor", version = labelVersion }),
            await ana.DeleteAsync($"/api/documents/{Doc}/annotations/{span}?version={spanVersion}"),
            await ana.DeleteAsync($"/api/documents/{Doc}/labels/{label}"),
            await teacher.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "legal", start = 0, end = 5 }),
        };
        var gold = await teacher.PutAsJsonAsync($"/api/documents/{Doc}/gold/{Guid.NewGuid()}",
            new { layer = "frame", label = "protest", start = 0, end = 20, action = "created", sources = Array.Empty<string>() });
        var studentSees = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/rounds");
        var whileFrozen = await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");

        await StartRoundAsync(teacher, "revise");
        var revised = await PutSpanAsync(ana, span, "blockade", 0, 20, spanVersion);
        var relabelled = await ana.PutAsJsonAsync($"/api/documents/{Doc}/labels/{label}", new { layer = "stance", label = "pro-dalmor", version = labelVersion });
        var deleted = await ana.DeleteAsync($"/api/documents/{Doc}/annotations/{claim}?version={claimVersion}");
        var afterRevise = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/rounds");

        Assert.True(discuss.GetProperty("frozen").GetBoolean());
        Assert.Equal("reveal", (await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default")).GetProperty("visibility").GetString());
        foreach (var response in refused)
        {
            Assert.Equal((HttpStatusCode)423, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Editing is frozen", problem.GetProperty("title").GetString());
            Assert.StartsWith("Editing is frozen while the class discusses.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(problem.GetProperty("frozen").GetBoolean());
            Assert.Equal("Discuss", problem.GetProperty("round").GetString());
        }

        Assert.Equal(HttpStatusCode.Created, gold.StatusCode); // the teacher settles the gold layer during the discussion
        Assert.True(studentSees.GetProperty("frozen").GetBoolean());
        Assert.StartsWith("Editing is frozen", studentSees.GetProperty("frozenMessage").GetString(), StringComparison.Ordinal);
        Assert.False(studentSees.GetProperty("mayManage").GetBoolean());
        Assert.Equal(["protest", "accusation"], whileFrozen.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("label").GetString()).Order().Reverse());
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, relabelled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(afterRevise.GetProperty("frozen").GetBoolean());
        Assert.Equal(JsonValueKind.Null, afterRevise.GetProperty("frozenMessage").ValueKind);
        Assert.Equal(["blind", "discuss", "revise"], afterRevise.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Only_The_Teacher_Starts_And_Ends_Rounds_And_Mistakes_Are_Named()
    {
        var (teacher, code) = await ClassAsync();
        var ana = await JoinAsync(code, "Ana");

        var studentStarts = await ana.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "discuss" });
        var endNothing = await teacher.PostAsync("/api/projects/default/rounds/end", null);
        var badKind = await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "debate" });
        var longName = await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "blind", name = new string('x', 61) });
        var blind = await StartRoundAsync(teacher, "blind", "  Before the reading  ");
        var studentEnds = await ana.PostAsync("/api/projects/default/rounds/end", null);
        var again = await StartRoundAsync(teacher, "blind");
        var ended = await teacher.PostAsync("/api/projects/default/rounds/end", null);
        var stranger = await app.AnonymousClient().GetAsync("/api/projects/default/rounds");

        foreach (var response in new[] { studentStarts, studentEnds })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Only the teacher", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Conflict, endNothing.StatusCode);
        Assert.Contains("No round is open", await endNothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("blind, reveal, discuss, revise", (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await longName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal("Before the reading", blind.GetProperty("current").GetProperty("name").GetString());
        Assert.Equal("Blind 2", again.GetProperty("current").GetProperty("name").GetString());
        Assert.Equal(2, again.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var after = await ended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, after.GetProperty("current").ValueKind);
        Assert.All(after.GetProperty("rounds").EnumerateArray(), r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("endedAt").ValueKind));
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
    }

    [Fact]
    public async Task An_Ended_Round_Keeps_The_Agreement_Report_As_It_Stood_And_Blind_Students_Do_Not_See_It()
    {
        var (teacher, code) = await ClassAsync();
        var students = new List<HttpClient>();
        foreach (var name in new[] { "Ana", "Ben", "Cat" })
            students.Add(await JoinAsync(code, name));
        await StartRoundAsync(teacher, "blind");
        foreach (var (student, label) in students.Zip(new[] { "protest", "blockade", "protest" }))
        {
            (await PutSpanAsync(student, Guid.NewGuid().ToString(), label, 0, 20)).EnsureSuccessStatusCode();
            (await PutSpanAsync(student, Guid.NewGuid().ToString(), "security", 100, 140)).EnsureSuccessStatusCode();
        }

        var atTheEnd = await teacher.GetStringAsync("/api/projects/default/agreement");
        var ended = await (await teacher.PostAsync("/api/projects/default/rounds/end", null)).Content.ReadFromJsonAsync<JsonElement>();
        var blindRound = ended.GetProperty("rounds")[0];
        var roundId = blindRound.GetProperty("id").GetString()!;
        var kept = await teacher.GetStringAsync($"/api/projects/default/rounds/{roundId}/agreement");
        var blindStudentList = await students[0].GetFromJsonAsync<JsonElement>("/api/projects/default/rounds");
        var blindStudentReport = await students[0].GetAsync($"/api/projects/default/rounds/{roundId}/agreement");
        var missing = await teacher.GetAsync($"/api/projects/default/rounds/{Guid.NewGuid()}/agreement");
        var anonymous = await teacher.GetFromJsonAsync<JsonElement>($"/api/projects/default/rounds/{roundId}/agreement?anonymous=true");

        // Later work changes the live figures, never the kept ones.
        (await PutSpanAsync(students[1], Guid.NewGuid().ToString(), "legal", 200, 230)).EnsureSuccessStatusCode();
        var keptLater = await teacher.GetStringAsync($"/api/projects/default/rounds/{roundId}/agreement");
        var liveLater = await teacher.GetStringAsync("/api/projects/default/agreement");

        Assert.Equal(atTheEnd, kept);
        Assert.Equal(kept, keptLater);
        Assert.NotEqual(kept, liveLater);
        var report = JsonDocument.Parse(kept).RootElement;
        var frame = report.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "frame");
        var measures = blindRound.GetProperty("measures");
        Assert.Equal(report.GetProperty("revision").GetInt64(), measures.GetProperty("revision").GetInt64());
        Assert.Equal(3, measures.GetProperty("annotators").GetInt32());
        var frameMeasures = measures.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "frame");
        Assert.Equal(frame.GetProperty("spans").GetProperty("tokenAlpha").GetDouble(), frameMeasures.GetProperty("tokenAlpha").GetDouble());
        Assert.Equal(frame.GetProperty("spans").GetProperty("spanF1Overlap").GetDouble(), frameMeasures.GetProperty("spanF1Overlap").GetDouble());
        Assert.Equal(JsonValueKind.Null, blindStudentList.GetProperty("rounds")[0].GetProperty("measures").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, blindStudentReport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.All(anonymous.GetProperty("annotators").EnumerateArray(), a => Assert.StartsWith("Student ", a.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_Acknowledged_Annotation_Is_Never_Lost_Across_A_Freeze()
    {
        var (teacher, code) = await ClassAsync();
        var ana = await JoinAsync(code, "Ana");
        var ben = await JoinAsync(code, "Ben");
        await StartRoundAsync(teacher, "blind");
        (await PutSpanAsync(ben, Guid.NewGuid().ToString(), "protest", 0, 20)).EnsureSuccessStatusCode();

        // Ana saves span after span while the teacher freezes the class: each save either lands or is refused whole.
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid().ToString()).ToList();
        var saves = Task.Run(async () =>
        {
            var answers = new List<(string Id, HttpStatusCode Status)>();
            for (var i = 0; i < ids.Count; i++)
                answers.Add((ids[i], (await PutSpanAsync(ana, ids[i], "protest", i * 10, (i * 10) + 5)).StatusCode));
            return answers;
        });
        await Task.Delay(50);
        var discuss = await StartRoundAsync(teacher, "discuss");
        var answers = await saves;
        var blindRoundId = discuss.GetProperty("rounds")[0].GetProperty("id").GetString()!;
        var kept = await teacher.GetFromJsonAsync<JsonElement>($"/api/projects/default/rounds/{blindRoundId}/agreement");
        await StartRoundAsync(teacher, "revise");
        var stored = (await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations")).GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("annotatorId").GetString() != null).Select(a => a.GetProperty("id").GetString()!).ToHashSet();

        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Id).ToList();
        var refused = answers.Where(a => a.Status == (HttpStatusCode)423).Select(a => a.Id).ToList();
        Assert.Equal(ids.Count, acknowledged.Count + refused.Count);
        Assert.All(acknowledged, id => Assert.Contains(id, stored));
        Assert.All(refused, id => Assert.DoesNotContain(id, stored));
        // Once one save was refused, no later one landed: the freeze is a clean cut.
        var firstRefused = answers.FindIndex(a => a.Status != HttpStatusCode.Created);
        Assert.True(firstRefused < 0 || answers.Skip(firstRefused).All(a => a.Status == (HttpStatusCode)423));
        // The blind round's figures count exactly the acknowledged spans (and Ben's one).
        Assert.Equal(acknowledged.Count + 1, kept.GetProperty("documents").EnumerateArray().Sum(d => d.GetProperty("spans").GetInt32()));
    }
}
