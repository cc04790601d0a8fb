using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Annotate.Tests.Classroom;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Grades;

/// <summary>
/// The grade sheet (issue 16, point 10): per student, documents done of those assigned, active minutes, and the mean
/// span F1 against the exercise key at the end of each round (kept then, so later edits never move it) and now; as
/// JSON and as a spreadsheet-safe CSV, for owners and curators only. No key means blank figures and a note.
/// </summary>
public sealed class GradeSheetTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Round_Keeps_The_Scores_It_Ended_With_While_Later_Edits_Move_Only_The_Current_Ones()
    {
        var (teacher, code) = await ClassAsync();
        var ana = await JoinAsync(code, "Ana");
        var doc = await FirstDocumentAsync(ana);
        await GoldAsync(teacher, doc, 0, 10);
        await GoldAsync(teacher, doc, 20, 30);
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "blind" })).EnsureSuccessStatusCode();
        var exact = await SpanAsync(ana, doc, 0, 10);
        await SpanAsync(ana, doc, 22, 30); // overlaps the key's 20–30, not exactly
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();

        // Act: the round ends; then Ana deletes her exact span and the teacher changes the key.
        (await teacher.PostAsync("/api/projects/default/rounds/end", null)).EnsureSuccessStatusCode();
        var atEnd = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/grades");
        (await ana.DeleteAsync($"/api/documents/{doc}/annotations/{exact}")).EnsureSuccessStatusCode();
        await GoldAsync(teacher, doc, 40, 50);
        var later = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/grades");

        // Assert: round 1 says F1 exact 1/2 and overlap 1 both times; now: exact 0, overlap 2·1/(1 + 3) = 0.5.
        foreach (var sheet in new[] { atEnd, later })
        {
            var round = sheet.GetProperty("rounds").EnumerateArray().Single();
            Assert.Equal((1, "Blind", true), (round.GetProperty("number").GetInt32(), round.GetProperty("name").GetString(), round.GetProperty("scored").GetBoolean()));
            var kept = ActiveTimeTests.Student(sheet, "Ana").GetProperty("rounds").EnumerateArray().Single();
            Assert.Equal(round.GetProperty("id").GetString(), kept.GetProperty("roundId").GetString());
            Assert.Equal((1, 1.0, 0.5), (kept.GetProperty("documents").GetInt32(), kept.GetProperty("spanF1Overlap").GetDouble(), kept.GetProperty("spanF1Exact").GetDouble()));
        }

        var now = ActiveTimeTests.Student(later, "Ana").GetProperty("current");
        Assert.Equal((0.5, 0.0), (now.GetProperty("spanF1Overlap").GetDouble(), now.GetProperty("spanF1Exact").GetDouble()));
        var ana1 = ActiveTimeTests.Student(later, "Ana");
        Assert.Equal(1, ana1.GetProperty("done").GetInt32());
        Assert.True(ana1.GetProperty("assigned").GetInt32() >= 1);
    }

    [Fact]
    public async Task Without_A_Key_The_Figures_Are_Blank_With_A_Note_In_Json_And_Csv()
    {
        var (teacher, code) = await ClassAsync();
        var ana = await JoinAsync(code, "Ana");
        var doc = await FirstDocumentAsync(ana);
        await SpanAsync(ana, doc, 0, 10);
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "blind" })).EnsureSuccessStatusCode();
        (await teacher.PostAsync("/api/projects/default/rounds/end", null)).EnsureSuccessStatusCode();

        var json = await teacher.GetAsync("/api/projects/default/grades");
        var csv = await teacher.GetStringAsync("/api/projects/default/grades.csv");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var sheet = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(sheet.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("gold layer is empty", StringComparison.Ordinal));
        var round = sheet.GetProperty("rounds").EnumerateArray().Single();
        Assert.False(round.GetProperty("scored").GetBoolean());
        Assert.Contains("gold layer is empty", round.GetProperty("note").GetString(), StringComparison.Ordinal);
        var current = ActiveTimeTests.Student(sheet, "Ana").GetProperty("current");
        Assert.Equal(JsonValueKind.Null, current.GetProperty("spanF1Overlap").ValueKind);
        Assert.Equal(0, current.GetProperty("documents").GetInt32());
        var line = csv.TrimStart('\uFEFF').Split("\r\n")[1];
        Assert.StartsWith("Ana,", line, StringComparison.Ordinal);
        Assert.EndsWith(",0,0.0,,,,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Csv_Has_A_Column_Per_Round_Quotes_Names_Guards_Formulas_And_Anonymises_On_Request()
    {
        var (teacher, code) = await ClassAsync();
        var ana = await JoinAsync(code, "Ana \"Bee\", Jr.");
        await JoinAsync(code, "=HYPERLINK(\"http://evil\")");
        var doc = await FirstDocumentAsync(ana);
        await GoldAsync(teacher, doc, 0, 10);
        await SpanAsync(ana, doc, 0, 10);
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "blind", name = "First try" })).EnsureSuccessStatusCode();
        (await teacher.PostAsync("/api/projects/default/rounds/end", null)).EnsureSuccessStatusCode();

        var response = await teacher.GetAsync("/api/projects/default/grades?format=csv");
        var anonymous = await teacher.GetByteArrayAsync("/api/projects/default/grades.csv?anonymous=true");
        var badFormat = await teacher.GetAsync("/api/projects/default/grades?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-grades.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Student,Documents assigned,Done,Active minutes,Round 1 First try: span F1 overlap,Round 1 First try: span F1 exact,Now: span F1 overlap,Now: span F1 exact", lines[0]);
        Assert.StartsWith("\"Ana \"\"Bee\"\", Jr.\",", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0,0.0,1,1,1,1", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",", lines[2], StringComparison.Ordinal);
        Assert.Equal("", lines[3]);
        var anonymousLines = Encoding.UTF8.GetString(anonymous[3..]).Split("\r\n");
        Assert.StartsWith("Student 1,", anonymousLines[1], StringComparison.Ordinal);
        Assert.StartsWith("Student 2,", anonymousLines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", Encoding.UTF8.GetString(anonymous), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.True((await badFormat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task Only_Owners_And_Curators_See_The_Grade_Sheet()
    {
        var (teacher, code) = await ClassAsync();
        var ana = await JoinAsync(code, "Ana");

        var student = await ana.GetAsync("/api/projects/default/grades");
        var studentCsv = await ana.GetAsync("/api/projects/default/grades.csv");
        var anonymous = await app.AnonymousClient().GetAsync("/api/projects/default/grades");
        var unknown = await teacher.GetAsync("/api/projects/no-such-project/grades");

        Assert.Equal(HttpStatusCode.Forbidden, student.StatusCode);
        Assert.Equal("application/problem+json", student.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, studentCsv.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<(HttpClient Teacher, string Code)> ClassAsync()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        (await teacher.PutAsJsonAsync("/api/projects/default/exercise", new { mode = "score", key = "gold" })).EnsureSuccessStatusCode();
        return (teacher, code);
    }

    private async Task<HttpClient> JoinAsync(string code, string name)
    {
        var student = app.AnonymousClient();
        (await student.PostAsJsonAsync("/api/session/join", new { code, displayName = name })).EnsureSuccessStatusCode();
        return student;
    }

    private static async Task<string> FirstDocumentAsync(HttpClient student) =>
        (await student.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents")).GetProperty("documents")[0].GetProperty("documentId").GetString()!;

    private static async Task<Guid> SpanAsync(HttpClient client, string doc, int start, int end)
    {
        var id = Guid.NewGuid();
        (await client.PutAsJsonAsync($"/api/documents/{doc}/annotations/{id}", new { layer = "frame", label = "protest", start, end })).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task GoldAsync(HttpClient teacher, string doc, int start, int end) =>
        (await teacher.PutAsJsonAsync($"/api/documents/{doc}/gold/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start, end, action = "created", sources = Array.Empty<string>() })).EnsureSuccessStatusCode();
}
