using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Classroom;

/// <summary>
/// Pages offer a person only what they may do: the project list says whether the caller may switch the visibility
/// mode and manage the project, so a student who joined a class gets neither the mode control nor the class page,
/// and the corpus status keeps the server's folder to the server's owner.
/// </summary>
public sealed class StudentControlsTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Student_May_Neither_Change_The_Mode_Nor_Manage_While_The_Teacher_May_Both()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        var student = app.AnonymousClient();
        (await student.PostAsJsonAsync("/api/session/join", new { code, displayName = "Ana" })).EnsureSuccessStatusCode();

        var teachers = await teacher.GetFromJsonAsync<JsonElement>("/api/projects");
        var students = await student.GetFromJsonAsync<JsonElement>("/api/projects");
        var status = await student.GetFromJsonAsync<JsonElement>("/api/corpus/status");

        var mine = Assert.Single(teachers.EnumerateArray());
        Assert.True(mine.GetProperty("mayChangeVisibility").GetBoolean());
        Assert.True(mine.GetProperty("mayManage").GetBoolean());
        var theirs = Assert.Single(students.EnumerateArray());
        Assert.Equal("annotator", theirs.GetProperty("role").GetString());
        Assert.False(theirs.GetProperty("mayChangeVisibility").GetBoolean());
        Assert.False(theirs.GetProperty("mayManage").GetBoolean());
        Assert.True(!status.TryGetProperty("root", out var root) || root.ValueKind == JsonValueKind.Null || root.GetString() == "",
            $"A student is shown the server's folder: {status}");
    }

    [Fact]
    public async Task Anonymised_Figures_Number_The_Students_From_1_And_Never_The_Teacher()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        const string doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
        var people = new List<HttpClient> { teacher };
        foreach (var name in new[] { "Ana", "Ben" })
        {
            var student = app.AnonymousClient();
            (await student.PostAsJsonAsync("/api/session/join", new { code, displayName = name })).EnsureSuccessStatusCode();
            people.Add(student);
        }

        foreach (var person in people)
        {
            (await person.PutAsJsonAsync($"/api/documents/{doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 20 })).EnsureSuccessStatusCode();
        }

        var report = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/agreement?anonymous=true");

        var names = report.GetProperty("annotators").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Student 1", "Student 2", "Teacher"], names);
    }

    [Fact]
    public async Task Anonymous_Names_Number_Every_Member_For_The_Teacher_And_Give_A_Blind_Student_Only_Their_Own()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        var ids = new List<string>();
        HttpClient? ana = null;
        foreach (var name in new[] { "Ana", "Ben" })
        {
            var student = app.AnonymousClient();
            (await student.PostAsJsonAsync("/api/session/join", new { code, displayName = name })).EnsureSuccessStatusCode();
            ids.Add((await student.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("userId").GetString()!);
            ana ??= student;
        }

        (await teacher.PatchAsJsonAsync("/api/projects/default", new { visibility = "blind" })).EnsureSuccessStatusCode();
        var forTeacher = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/anonymous-names");
        var forAna = await ana!.GetFromJsonAsync<JsonElement>("/api/projects/default/anonymous-names");

        var byId = forTeacher.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("name").GetString());
        Assert.Equal("Student 1", byId[ids[0]]);
        Assert.Equal("Student 2", byId[ids[1]]);
        Assert.Equal(["Student 1", "Student 2", "Teacher"], byId.Values.Order(StringComparer.Ordinal).ToList());
        var own = Assert.Single(forAna.EnumerateArray());
        Assert.Equal(ids[0], own.GetProperty("id").GetString());
        Assert.Equal("Student 1", own.GetProperty("name").GetString());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/projects/default/anonymous-names")).StatusCode);
    }
}
