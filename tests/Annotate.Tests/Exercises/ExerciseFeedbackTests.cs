using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Classroom;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Exercises;

/// <summary>
/// Exercises beyond the score (issue 16, point 8): each Done while the exercise is on is an attempt whose score is
/// kept (first and latest beside the current score), and "where you differ" shows the key's spans beside the
/// student's (differ) or flags the student's spans and only the regions of missed ones (guided). The same rules as
/// the score: nothing before Done, while blind, in a blind round, or with exercises off; score-only mode shows no
/// differences.
/// </summary>
public sealed class ExerciseFeedbackTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Each_Done_Is_An_Attempt_And_The_Score_Shows_The_First_And_The_Latest()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("guided");
        await GoldAsync(teacher, doc, "protest", 0, 10);
        await GoldAsync(teacher, doc, "protest", 20, 30);
        await SpanAsync(ana, doc, "protest", 0, 10);
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode(); // Done again: the same mark
        var first = await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{doc}/exercise/score");

        (await ana.DeleteAsync($"/api/documents/{doc}/done")).EnsureSuccessStatusCode();
        await SpanAsync(ana, doc, "protest", 20, 30);
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();
        var second = await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{doc}/exercise/score");

        var attempts = first.GetProperty("attempts");
        Assert.Equal(1, attempts.GetProperty("count").GetInt32());
        Assert.Equal(1, attempts.GetProperty("first").GetProperty("number").GetInt32());
        Assert.Equal(2.0 / 3, attempts.GetProperty("latest").GetProperty("spanF1Exact").GetDouble(), 9);
        attempts = second.GetProperty("attempts");
        Assert.Equal(2, attempts.GetProperty("count").GetInt32());
        Assert.Equal(2.0 / 3, attempts.GetProperty("first").GetProperty("spanF1Exact").GetDouble(), 9);
        Assert.Equal((2, 1.0), (attempts.GetProperty("latest").GetProperty("number").GetInt32(), attempts.GetProperty("latest").GetProperty("spanF1Exact").GetDouble()));
        Assert.Equal(1.0, second.GetProperty("spanF1Exact").GetDouble());
    }

    [Fact]
    public async Task No_Attempt_Is_Recorded_While_Exercises_Are_Off()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("off");
        await SpanAsync(ana, doc, "protest", 0, 10);
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "score", key = "gold" })).EnsureSuccessStatusCode();

        var score = await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{doc}/exercise/score");

        Assert.Equal(0, score.GetProperty("attempts").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, score.GetProperty("attempts").GetProperty("first").ValueKind);
    }

    [Fact]
    public async Task Where_You_Differ_Shows_The_Keys_Spans_Beside_Yours_Each_Difference_Classified()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("differ");
        await GoldAsync(teacher, doc, "protest", 0, 10);   // matched
        await GoldAsync(teacher, doc, "protest", 20, 30);  // yours 22–30: boundary
        await GoldAsync(teacher, doc, "protest", 40, 50);  // yours economic 40–50: label
        await GoldAsync(teacher, doc, "economic", 60, 70); // missed
        await SpanAsync(ana, doc, "protest", 0, 10);
        await SpanAsync(ana, doc, "protest", 22, 30);
        await SpanAsync(ana, doc, "economic", 40, 50);
        await SpanAsync(ana, doc, "protest", 80, 90);      // extra
        (await ana.PutAsJsonAsync($"/api/documents/{doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync($"/api/documents/{doc}/gold-labels/{Guid.NewGuid()}", new { layer = "stance", label = "pro-dalmor", action = "created", sources = Array.Empty<string>() })).EnsureSuccessStatusCode();
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();

        var response = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rows = body.GetProperty("spans").EnumerateArray().Select(Row).ToList();
        Assert.Equal(
        [
            ("matched", "protest 0-10", "protest 0-10"),
            ("boundary", "protest 22-30", "protest 20-30"),
            ("label", "economic 40-50", "protest 40-50"),
            ("missed", null, "economic 60-70"),
            ("extra", "protest 80-90", null),
        ], rows);
        Assert.Empty(body.GetProperty("missedRegions").EnumerateArray());
        var stance = body.GetProperty("labels").EnumerateArray().Single(l => l.GetProperty("layer").GetString() == "stance");
        Assert.Equal("pro-dalmor", stance.GetProperty("key")[0].GetString());
        Assert.False(stance.GetProperty("agrees").GetBoolean());
    }

    [Fact]
    public async Task Guided_Fix_Flags_Your_Spans_And_Shows_Missed_Ones_Only_As_The_Paragraph_Holding_Them()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("guided");
        var blocks = (await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{doc}")).GetProperty("blocks").EnumerateArray()
            .Select(b => (Start: b.GetProperty("start").GetInt32(), End: b.GetProperty("end").GetInt32())).Where(b => b.End - b.Start > 30).ToList();
        var (start, end) = blocks[1];
        await GoldAsync(teacher, doc, "protest", 0, 10);
        await GoldAsync(teacher, doc, "economic", start + 5, start + 15); // missed, inside the second long block
        await SpanAsync(ana, doc, "protest", 2, 10);
        (await teacher.PutAsJsonAsync($"/api/documents/{doc}/gold-labels/{Guid.NewGuid()}", new { layer = "stance", label = "pro-dalmor", action = "created", sources = Array.Empty<string>() })).EnsureSuccessStatusCode();
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();

        var response = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal([("boundary", "protest 2-10", (string?)null)], body.GetProperty("spans").EnumerateArray().Select(Row).ToList());
        var region = Assert.Single(body.GetProperty("missedRegions").EnumerateArray());
        Assert.Equal((start, end, 1), (region.GetProperty("start").GetInt32(), region.GetProperty("end").GetInt32(), region.GetProperty("spans").GetInt32()));
        Assert.False(body.GetProperty("labels")[0].GetProperty("agrees").GetBoolean());
        // Neither the key's labels nor its offsets are in the answer.
        Assert.DoesNotContain("economic", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pro-dalmor", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{start + 5}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_Differences_Before_Done_While_Blind_In_A_Blind_Round_In_Score_Mode_Or_With_Exercises_Off()
    {
        var (teacher, ana, doc) = await ClassWithExerciseAsync("differ");
        await SpanAsync(ana, doc, "protest", 0, 10);
        await GoldAsync(teacher, doc, "protest", 0, 10);

        var beforeDone = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();
        (await teacher.PatchAsJsonAsync("/api/projects/default", new { visibility = "blind" })).EnsureSuccessStatusCode();
        var blind = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "blind" })).EnsureSuccessStatusCode();
        var blindRound = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "reveal" })).EnsureSuccessStatusCode();
        var revealed = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "score", key = "gold" })).EnsureSuccessStatusCode();
        var scoreOnly = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "off", key = "gold" })).EnsureSuccessStatusCode();
        var off = await ana.GetAsync($"/api/documents/{doc}/exercise/differences");

        await AssertProblemAsync(beforeDone, HttpStatusCode.Conflict, "Not done yet");
        await AssertProblemAsync(blind, HttpStatusCode.Conflict, "Blind project");
        await AssertProblemAsync(blindRound, HttpStatusCode.Conflict, "Blind project");
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        await AssertProblemAsync(scoreOnly, HttpStatusCode.Conflict, "Score only");
        await AssertProblemAsync(off, HttpStatusCode.NotFound, "No exercise");
    }

    // A class with one student, Ana, the project open, and the exercise in the given mode with the gold layer as key.
    private async Task<(HttpClient Teacher, HttpClient Ana, string Doc)> ClassWithExerciseAsync(string mode)
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        var ana = app.AnonymousClient();
        (await ana.PostAsJsonAsync("/api/session/join", new { code, displayName = "Ana" })).EnsureSuccessStatusCode();
        (await teacher.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode, key = "gold" })).EnsureSuccessStatusCode();
        var documents = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents");
        return (teacher, ana, documents.GetProperty("documents")[0].GetProperty("documentId").GetString()!);
    }

    private static (string Kind, string? Yours, string? Key) Row(JsonElement row) =>
        (row.GetProperty("kind").GetString()!, Describe(row.GetProperty("yours")), Describe(row.GetProperty("key")));

    private static string? Describe(JsonElement span) => span.ValueKind == JsonValueKind.Null ? null
        : $"{span.GetProperty("label").GetString()} {span.GetProperty("start").GetInt32()}-{span.GetProperty("end").GetInt32()}";

    private static async Task SpanAsync(HttpClient client, string doc, string label, int start, int end) =>
        (await client.PutAsJsonAsync($"/api/documents/{doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label, start, end })).EnsureSuccessStatusCode();

    private static async Task GoldAsync(HttpClient teacher, string doc, string label, int start, int end) =>
        (await teacher.PutAsJsonAsync($"/api/documents/{doc}/gold/{Guid.NewGuid()}", new { layer = "frame", label, start, end, action = "created", sources = Array.Empty<string>() })).EnsureSuccessStatusCode();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
