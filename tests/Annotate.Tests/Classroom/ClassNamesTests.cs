using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Classroom;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Classroom;

/// <summary>
/// One class, distinct names: a second Ana joins as "Ana (2)" (also from the teacher's list), groups typed with
/// another case or spaces are one group, and the class page knows who actually arrived and can issue a new link.
/// </summary>
public sealed class ClassNamesTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public void A_Taken_Name_Gets_The_First_Free_Number_Compared_Without_Case_Or_Spaces_And_Within_The_Length_Limit()
    {
        Assert.Equal("Ana", ClassNames.Pick("Ana", ["Ben"]));
        Assert.Equal("ana (2)", ClassNames.Pick("ana", ["Ana"]));
        Assert.Equal("Ana  Lee (3)", ClassNames.Pick("Ana  Lee", ["ana lee", "ANA LEE (2)"]));
        var long64 = new string('x', 64);
        var picked = ClassNames.Pick(long64, [long64]);
        Assert.Equal(64, picked.Length);
        Assert.EndsWith(" (2)", picked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_Students_Of_One_Name_Are_Numbered_Visibly_Whether_Joining_Or_Listed()
    {
        var teacher = await TeacherAsync();
        var code = await StartAsync(teacher);

        var first = await JoinAsync(code, "Ana");
        var second = await JoinAsync(code, "Ana");
        var third = await JoinAsync(code, "  ana ");
        var listed = await teacher.PostAsJsonAsync("/api/projects/default/class/students", new { names = "Ben\nBen\nANA" });
        listed.EnsureSuccessStatusCode();
        var dashboard = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class");

        Assert.Equal(["Ana", "Ana (2)", "ana (3)"], [first.Name, second.Name, third.Name]);
        var added = (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Ben", "Ben (2)", "ANA (4)"], added);
        var names = dashboard.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Count, names.Select(Annotate.Sessions.NameRules.Comparable).Distinct().Count());
    }

    [Fact]
    public async Task Groups_Typed_With_Another_Case_Or_Spaces_Are_One_Perspective_Group()
    {
        var teacher = await TeacherAsync();
        var code = await StartAsync(teacher);
        await JoinAsync(code, "Ana", new { group = "North" });
        var ben = await JoinAsync(code, "Ben", new { group = "  north " });
        await JoinAsync(code, "Cat", new { group = "NORTH" });
        await JoinAsync(code, "Dan", new { group = "South" });

        var annotators = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");

        var groups = annotators.EnumerateArray().Where(a => a.TryGetProperty("attributes", out var x) && x.TryGetProperty("group", out _))
            .Select(a => a.GetProperty("attributes").GetProperty("group").GetString()).ToList();
        Assert.Equal(["North", "North", "North", "South"], groups.Order(StringComparer.Ordinal));
        Assert.NotNull(ben.Client);
    }

    [Fact]
    public async Task The_Class_Page_Knows_Who_Arrived_And_A_New_Link_Replaces_The_Old_One()
    {
        var teacher = await TeacherAsync();
        var code = await StartAsync(teacher);
        var joined = await JoinAsync(code, "Eve");
        var listed = (await (await teacher.PostAsJsonAsync("/api/projects/default/class/students", new { names = "Fay" })).Content.ReadFromJsonAsync<JsonElement>())[0];
        var fayId = listed.GetProperty("userId").GetString()!;

        var before = await StudentAsync(teacher, fayId);
        var reissued = await (await teacher.PostAsync($"/api/projects/default/class/students/{fayId}/ticket", null)).Content.ReadFromJsonAsync<JsonElement>();
        var oldLink = await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { ticket = listed.GetProperty("ticket").GetString() });
        var newLink = await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { ticket = reissued.GetProperty("ticket").GetString() });
        var after = await StudentAsync(teacher, fayId);
        var eve = await StudentAsync(teacher, joined.Id);

        Assert.Equal(JsonValueKind.Null, before.GetProperty("arrivedAt").ValueKind);
        Assert.True(before.GetProperty("personalLink").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, oldLink.StatusCode);
        newLink.EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.String, after.GetProperty("arrivedAt").ValueKind);
        Assert.Equal(JsonValueKind.String, eve.GetProperty("arrivedAt").ValueKind);
        var teacherRow = (await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class")).GetProperty("students").EnumerateArray().Single(s => s.GetProperty("role").GetString() == "owner");
        Assert.False(teacherRow.GetProperty("personalLink").GetBoolean());
    }

    private Task<HttpClient> TeacherAsync() => ClassTeacher.SignInAsync(app);

    private static Task<string> StartAsync(HttpClient teacher) => ClassTeacher.StartClassAsync(teacher);

    private async Task<(HttpClient Client, string Id, string Name)> JoinAsync(string code, string name, object? attributes = null)
    {
        var student = app.AnonymousClient();
        var response = await student.PostAsJsonAsync("/api/session/join", new { code, displayName = name, attributes });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (student, user.GetProperty("userId").GetString()!, user.GetProperty("displayName").GetString()!);
    }

    private static async Task<JsonElement> StudentAsync(HttpClient teacher, string userId) =>
        (await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class")).GetProperty("students").EnumerateArray().Single(s => s.GetProperty("userId").GetString() == userId);
}
