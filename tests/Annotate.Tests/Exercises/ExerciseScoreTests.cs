using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Classroom;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Exercises;

/// <summary>
/// Exercises against a teacher's key (issue 16, point 8), "score only": after Done, a student sees their score on a
/// document against the key (the gold layer or a chosen member's work), computed as the agreement report computes
/// its pair figures, and never the key's spans. No feedback before Done, while blind, or with exercises off.
/// </summary>
public sealed class ExerciseScoreTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Students_Score_Against_The_Gold_Key_Equals_A_Hand_Count_Exact_And_By_Overlap()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("gold");
        // The student: protest 0–10 (exact), protest 20–30 (overlaps the key's 22–35), economic 40–50 (the key has none).
        await SpanAsync(ana, doc, "protest", 0, 10);
        await SpanAsync(ana, doc, "protest", 20, 30);
        await SpanAsync(ana, doc, "economic", 40, 50);
        (await ana.PutAsJsonAsync($"/api/documents/{doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        // The key: protest 0–10, protest 22–35, protest 60–70 (the student missed it); stance pro-dalmor.
        await GoldAsync(teacher, doc, "protest", 0, 10);
        await GoldAsync(teacher, doc, "protest", 22, 35);
        await GoldAsync(teacher, doc, "protest", 60, 70);
        (await teacher.PutAsJsonAsync($"/api/documents/{doc}/gold-labels/{Guid.NewGuid()}", new { layer = "stance", label = "pro-dalmor", action = "created", sources = Array.Empty<string>() })).EnsureSuccessStatusCode();
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();

        var response = await ana.GetAsync($"/api/documents/{doc}/exercise/score");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var score = JsonDocument.Parse(body).RootElement;
        Assert.Equal(3, score.GetProperty("keySpans").GetInt32());
        Assert.Equal(3, score.GetProperty("yourSpans").GetInt32());
        // F1 = 2 · matches / (3 + 3): one exact match, two by overlap.
        Assert.Equal(2.0 / 6, score.GetProperty("spanF1Exact").GetDouble(), 9);
        Assert.Equal(4.0 / 6, score.GetProperty("spanF1Overlap").GetDouble(), 9);
        var disagreements = score.GetProperty("disagreements");
        Assert.Equal(1, disagreements.GetProperty("agreements").GetInt64());
        Assert.Equal(1, disagreements.GetProperty("boundary").GetInt64());
        Assert.Equal(0, disagreements.GetProperty("label").GetInt64());
        Assert.Equal(2, disagreements.GetProperty("missed").GetInt64());
        var protest = ByLabel(score, "protest");
        Assert.Equal((3, 2), (protest.GetProperty("keySpans").GetInt32(), protest.GetProperty("yourSpans").GetInt32()));
        Assert.Equal(2.0 / 5, protest.GetProperty("spanF1Exact").GetDouble(), 9);
        Assert.Equal(4.0 / 5, protest.GetProperty("spanF1Overlap").GetDouble(), 9);
        Assert.Equal(0.0, ByLabel(score, "economic").GetProperty("spanF1Overlap").GetDouble());
        Assert.False(score.GetProperty("labels").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "stance").GetProperty("agrees").GetBoolean());
        // The key's spans and labels are never in the answer.
        Assert.DoesNotContain("pro-dalmor", body, StringComparison.Ordinal);
        Assert.DoesNotContain("start", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_Feedback_Before_Done_While_Blind_Or_In_A_Blind_Round_After_Reopening_Or_With_Exercises_Off()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("gold");
        await SpanAsync(ana, doc, "protest", 0, 10);
        await GoldAsync(teacher, doc, "protest", 0, 10);

        var beforeDone = await ana.GetAsync($"/api/documents/{doc}/exercise/score");
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();
        (await teacher.PatchAsJsonAsync("/api/projects/default", new { visibility = "blind" })).EnsureSuccessStatusCode();
        var blind = await ana.GetAsync($"/api/documents/{doc}/exercise/score");
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "blind" })).EnsureSuccessStatusCode();
        var blindRound = await ana.GetAsync($"/api/documents/{doc}/exercise/score");
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "reveal" })).EnsureSuccessStatusCode();
        var revealed = await ana.GetAsync($"/api/documents/{doc}/exercise/score");
        (await ana.DeleteAsync($"/api/documents/{doc}/done")).EnsureSuccessStatusCode();
        var reopened = await ana.GetAsync($"/api/documents/{doc}/exercise/score");
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "off", key = "gold" })).EnsureSuccessStatusCode();
        var off = await ana.GetAsync($"/api/documents/{doc}/exercise/score");

        await AssertProblemAsync(beforeDone, HttpStatusCode.Conflict, "Not done yet");
        await AssertProblemAsync(blind, HttpStatusCode.Conflict, "Blind project");
        await AssertProblemAsync(blindRound, HttpStatusCode.Conflict, "Blind project");
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(1.0, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("spanF1Exact").GetDouble());
        await AssertProblemAsync(reopened, HttpStatusCode.Conflict, "Not done yet");
        await AssertProblemAsync(off, HttpStatusCode.NotFound, "No exercise");
    }

    [Fact]
    public async Task Another_Members_Work_Can_Be_The_Key()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("gold");
        var teacherId = (await teacher.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("userId").GetString()!;
        var put = await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "score", key = teacherId });
        await SpanAsync(teacher, doc, "protest", 5, 15);
        await GoldAsync(teacher, doc, "protest", 0, 10); // the gold layer is not the key now
        await SpanAsync(ana, doc, "protest", 0, 10);
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();

        var score = await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{doc}/exercise/score");
        var teachersOwn = await teacher.GetAsync($"/api/documents/{doc}/exercise/score");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(teacherId, (await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/exercise")).GetProperty("key").GetString());
        Assert.Equal(teacherId, score.GetProperty("key").GetString());
        Assert.Equal(0.0, score.GetProperty("spanF1Exact").GetDouble());
        Assert.Equal(1.0, score.GetProperty("spanF1Overlap").GetDouble());
        await AssertProblemAsync(teachersOwn, HttpStatusCode.Conflict, "You are the key");
    }

    [Fact]
    public async Task A_Key_Member_Who_Left_The_Project_Leaves_No_Key()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("gold");
        var ben = app.AnonymousClient();
        var code = (await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class")).GetProperty("class").GetProperty("code").GetString()!;
        var benId = (await (await ben.PostAsJsonAsync("/api/session/join", new { code, displayName = "Ben" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "score", key = benId })).EnsureSuccessStatusCode();
        await SpanAsync(ana, doc, "protest", 0, 10);
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();

        (await teacher.DeleteAsync($"/api/projects/default/members/{benId}")).EnsureSuccessStatusCode();
        var score = await ana.GetAsync($"/api/documents/{doc}/exercise/score");

        await AssertProblemAsync(score, HttpStatusCode.Conflict, "No key");
    }

    [Fact]
    public async Task Bad_Settings_Answer_400_Naming_The_Field_And_Only_The_Owner_Sets_Them()
    {
        var (teacher, ana, _) = await ClassWithExerciseAsync("gold");

        var badMode = await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "sometimes", key = "gold" });
        var badKey = await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "score", key = "nobody" });
        var missing = await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { });
        var studentPut = await ana.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "off", key = "gold" });
        var studentGet = await ana.GetAsync("/api/projects/default/exercise");
        // Not shown yet, but stored, so the next views need no new setting.
        var guided = await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "guided", key = "gold" });

        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Equal(["mode"], Fields(await badMode.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(["key"], Fields(await badKey.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(["key", "mode"], Fields(await missing.Content.ReadFromJsonAsync<JsonElement>()));
        await AssertProblemAsync(studentPut, HttpStatusCode.Forbidden, "Not allowed");
        await AssertProblemAsync(studentGet, HttpStatusCode.Forbidden, "Not allowed");
        Assert.Equal(HttpStatusCode.OK, guided.StatusCode);
        var settings = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/exercise");
        Assert.Equal(("guided", "gold"), (settings.GetProperty("mode").GetString(), settings.GetProperty("key").GetString()));
    }

    // A class with one student, Ana, the project open, and the exercise on in score mode with the given key.
    private async Task<(HttpClient Teacher, HttpClient Ana, string Doc)> ClassWithExerciseAsync(string key)
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        Assert.Equal("off", (await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/exercise")).GetProperty("mode").GetString());
        var code = await ClassTeacher.StartClassAsync(teacher);
        var ana = app.AnonymousClient();
        (await ana.PostAsJsonAsync("/api/session/join", new { code, displayName = "Ana" })).EnsureSuccessStatusCode();
        (await teacher.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "score", key })).EnsureSuccessStatusCode();
        var documents = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents");
        return (teacher, ana, documents.GetProperty("documents")[0].GetProperty("documentId").GetString()!);
    }

    private static async Task SpanAsync(HttpClient client, string doc, string label, int start, int end) =>
        (await client.PutAsJsonAsync($"/api/documents/{doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label, start, end })).EnsureSuccessStatusCode();

    private static async Task GoldAsync(HttpClient teacher, string doc, string label, int start, int end) =>
        (await teacher.PutAsJsonAsync($"/api/documents/{doc}/gold/{Guid.NewGuid()}", new { layer = "frame", label, start, end, action = "created", sources = Array.Empty<string>() })).EnsureSuccessStatusCode();

    private static JsonElement ByLabel(JsonElement score, string label) =>
        score.GetProperty("byLabel").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "frame" && l.GetProperty("label").GetString() == label);

    private static string[] Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
