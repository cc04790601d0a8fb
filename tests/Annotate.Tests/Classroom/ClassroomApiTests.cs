using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Classroom;

/// <summary>A teacher's class on a network server: join by code, blind work, reveal, the dashboard, anonymity.</summary>
public sealed class ClassroomApiTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    private Task<HttpClient> TeacherAsync() => ClassTeacher.SignInAsync(app);

    private async Task<(HttpClient Client, string Id)> JoinAsync(string code, string name, object? attributes = null)
    {
        var student = app.AnonymousClient();
        var response = await student.PostAsJsonAsync("/api/session/join", new { code, displayName = name, attributes });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (student, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!);
    }

    [Fact]
    public async Task Students_Join_By_Code_Work_Blind_And_See_Each_Other_After_The_Reveal()
    {
        var teacher = await TeacherAsync();
        var started = await (await teacher.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>();
        var code = started.GetProperty("code").GetString()!;

        // Codes are forgiving about case and separators when typed.
        var (ana, _) = await JoinAsync(code.ToLowerInvariant(), "Ana", new { group = "north" });
        var (ben, _) = await JoinAsync(code[..4] + "-" + code[4..], "Ben", new { group = "south" });
        var (cat, _) = await JoinAsync(code, "Cat");
        foreach (var (student, label) in new[] { (ana, "protest"), (ben, "blockade"), (cat, "protest") })
        {
            (await student.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label, start = 0, end = 20 })).EnsureSuccessStatusCode();
        }

        var anaBlind = await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");
        var teacherBlind = await teacher.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");
        var dashboard = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class");
        var studentDashboard = await ana.GetAsync("/api/projects/default/class");
        var studentStarts = await ana.PostAsync("/api/projects/default/class", null);
        var liveAgreement = await teacher.GetAsync("/api/projects/default/agreement?anonymous=true");
        (await teacher.PatchAsJsonAsync("/api/projects/default", new { visibility = "reveal" })).EnsureSuccessStatusCode();
        var anaRevealed = await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/annotations");

        Assert.Single(anaBlind.GetProperty("items").EnumerateArray());
        Assert.Equal(3, teacherBlind.GetProperty("items").GetArrayLength());
        var students = dashboard.GetProperty("students").EnumerateArray().Where(s => s.GetProperty("role").GetString() == "annotator").ToList();
        Assert.Equal(["Ana", "Ben", "Cat"], students.Select(s => s.GetProperty("name").GetString()));
        Assert.All(students, s => Assert.Equal(1, s.GetProperty("annotations").GetInt32()));
        Assert.Equal("blind", dashboard.GetProperty("visibility").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, studentDashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, studentStarts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveAgreement.StatusCode); // the teacher sees agreement while the class works blind
        var names = (await liveAgreement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("annotators").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
        Assert.All(names, n => Assert.StartsWith("Student ", n, StringComparison.Ordinal));
        Assert.DoesNotContain("Ana", names);
        Assert.Equal(3, anaRevealed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Wrong_And_Closed_Codes_Get_The_Same_Answer_And_Bad_Names_Are_Named()
    {
        var teacher = await TeacherAsync();
        var code = (await (await teacher.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var anonymous = app.AnonymousClient();

        var wrong = await anonymous.PostAsJsonAsync("/api/session/join", new { code = "ZZZZZZZZ", displayName = "Eve" });
        var badName = await anonymous.PostAsJsonAsync("/api/session/join", new { code, displayName = "\u202Eevil" });
        var noCode = await anonymous.PostAsJsonAsync("/api/session/join", new { displayName = "Eve" });
        (await teacher.PatchAsJsonAsync("/api/projects/default/class", new { open = false })).EnsureSuccessStatusCode();
        var closed = await anonymous.PostAsJsonAsync("/api/session/join", new { code, displayName = "Late" });

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(await wrong.Content.ReadFromJsonAsync<JsonElement>() is var w ? w.GetProperty("detail").GetString() : null,
            (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Contains("displayName", await badName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"code\"", await noCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Teacher_Removes_A_Student_Who_Then_Loses_Access_And_Roles_Are_Checked()
    {
        var teacher = await TeacherAsync();
        var code = (await (await teacher.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var (dan, danId) = await JoinAsync(code, "Dan");
        var (eva, _) = await JoinAsync(code, "Eva");
        var teacherId = (await teacher.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("userId").GetString()!;

        var studentLists = await eva.GetAsync("/api/projects/default/members");
        var badRole = await teacher.PutAsJsonAsync($"/api/projects/default/members/{danId}", new { role = "admin" });
        var lastOwner = await teacher.DeleteAsync($"/api/projects/default/members/{teacherId}");
        var promoted = await teacher.PutAsJsonAsync($"/api/projects/default/members/{danId}", new { role = "curator" });
        var removed = await teacher.DeleteAsync($"/api/projects/default/members/{danId}");
        var afterwards = await dan.GetAsync($"/api/documents/{Doc}");
        var members = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/members");

        Assert.Equal(HttpStatusCode.Forbidden, studentLists.StatusCode);
        Assert.Contains("role", await badRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, lastOwner.StatusCode);
        Assert.Equal("curator", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        Assert.DoesNotContain(members.EnumerateArray(), m => m.GetProperty("userId").GetString() == danId);
    }

    [Fact]
    public async Task Documents_Spread_So_Each_Gets_K_Annotators_And_Each_Sees_Only_Theirs()
    {
        var teacher = await TeacherAsync();
        var code = (await (await teacher.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var students = new List<HttpClient>();
        foreach (var name in new[] { "Ana", "Ben", "Cat" })
            students.Add((await JoinAsync(code, name)).Client);
        var all = (await teacher.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();

        var set = await teacher.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 2 });
        var bad = await teacher.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread" });
        var seen = new List<List<string>>();
        foreach (var student in students)
            seen.Add((await student.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList());

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("annotatorsPerDocument", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Every document has exactly two of the three annotators, and each annotator about 2/3 of the documents.
        Assert.All(all, d => Assert.Equal(2, seen.Count(list => list.Contains(d))));
        Assert.All(seen, list => Assert.InRange(list.Count, (all.Count * 2 / 3) - 1, (all.Count * 2 / 3) + 1));
        var unassigned = all.First(d => !seen[0].Contains(d));
        Assert.Equal(HttpStatusCode.NotFound, (await students[0].GetAsync($"/api/documents/{unassigned}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await students[0].PutAsJsonAsync($"/api/documents/{unassigned}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 })).StatusCode);
        Assert.Equal(all.Count, (await teacher.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("total").GetInt32());

        // A latecomer gets the documents with the fewest annotators.
        var (dan, _) = await JoinAsync(code, "Dan");
        var dans = (await dan.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("total").GetInt32();
        Assert.InRange(dans, 1, all.Count);

        (await teacher.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "all" })).EnsureSuccessStatusCode();
        Assert.Equal(all.Count, (await students[0].GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_Teacher_Sets_Students_Attributes_A_Student_Only_Their_Own()
    {
        var teacher = await TeacherAsync();
        var code = (await (await teacher.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var (ana, anaId) = await JoinAsync(code, "Ana", new { background = "journalism" });
        var (_, benId) = await JoinAsync(code, "Ben");

        var byTeacher = await teacher.PutAsJsonAsync($"/api/projects/default/annotators/{benId}/attributes", new { attributes = new { group = "reader-b" } });
        var byStudent = await ana.PutAsJsonAsync($"/api/projects/default/annotators/{benId}/attributes", new { attributes = new { group = "hacked" } });
        var annotators = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/annotators");

        Assert.Equal(HttpStatusCode.OK, byTeacher.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);
        var ben = annotators.EnumerateArray().Single(a => a.GetProperty("id").GetString() == benId);
        Assert.Equal("reader-b", ben.GetProperty("attributes").GetProperty("group").GetString());
        var anaRow = annotators.EnumerateArray().Single(a => a.GetProperty("id").GetString() == anaId);
        Assert.Equal("journalism", anaRow.GetProperty("attributes").GetProperty("background").GetString()); // self-declared at join
    }

    [Fact]
    public async Task Students_Added_From_A_List_Sign_In_With_Their_Personal_Links()
    {
        var teacher = await TeacherAsync();
        await teacher.PostAsync("/api/projects/default/class", null);

        var added = await teacher.PostAsJsonAsync("/api/projects/default/class/students", new { names = "Ana Alves\n\n  Ben Brook \nCat Cole\n" });
        var badList = await teacher.PostAsJsonAsync("/api/projects/default/class/students", new { names = "Ok\n\n\u202Eevil" });
        var students = (await added.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        (await teacher.PatchAsJsonAsync("/api/projects/default/class", new { open = false })).EnsureSuccessStatusCode();
        var ben = app.AnonymousClient();
        var joined = await ben.PostAsJsonAsync("/api/session/join", new { ticket = students[1].GetProperty("ticket").GetString()!.ToLowerInvariant() });
        var forged = await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { ticket = "ABCDEFGHJKMN" });

        Assert.Equal(["Ana Alves", "Ben Brook", "Cat Cole"], students.Select(s => s.GetProperty("name").GetString()));
        Assert.All(students, s => Assert.StartsWith("/join?ticket=", s.GetProperty("joinPath").GetString(), StringComparison.Ordinal));
        var badListText = await badList.Content.ReadAsStringAsync();
        Assert.Contains("names[2]", badListText, StringComparison.Ordinal); // the line the teacher sees, blank lines counted
        Assert.Contains("Line 3", badListText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode); // a personal link works even once joining is closed
        Assert.Equal(students[1].GetProperty("userId").GetString(), (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString());
        Assert.Equal(HttpStatusCode.Created, (await ben.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // A lost link is replaced by a new one; the old one stops working.
        var reissued = await (await teacher.PostAsync($"/api/projects/default/class/students/{students[0].GetProperty("userId").GetString()}/ticket", null)).Content.ReadFromJsonAsync<JsonElement>();
        var oldLink = await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { ticket = students[0].GetProperty("ticket").GetString() });
        var newLink = await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { ticket = reissued.GetProperty("ticket").GetString() });
        Assert.Equal(HttpStatusCode.NotFound, oldLink.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLink.StatusCode);
    }

    [Fact]
    public async Task A_Teacher_Can_Hide_The_Codebook_Examples_From_Students()
    {
        var teacher = await TeacherAsync();
        var code = (await (await teacher.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var (ana, _) = await JoinAsync(code, "Ana");
        static int Examples(JsonElement info) => info.GetProperty("codebook").GetProperty("layers").EnumerateArray()
            .SelectMany(l => l.GetProperty("labels").EnumerateArray()).Sum(l => l.GetProperty("examples").GetArrayLength());

        var before = Examples(await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/codebook"));
        var byStudent = await ana.PatchAsJsonAsync("/api/projects/default", new { showCodebookExamples = false });
        var hidden = await teacher.PatchAsJsonAsync("/api/projects/default", new { showCodebookExamples = false });
        var after = Examples(await ana.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/codebook"));
        var teacherSees = Examples(await teacher.GetFromJsonAsync<JsonElement>($"/api/documents/{Doc}/codebook"));

        Assert.True(before > 0);
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);
        Assert.False((await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("showCodebookExamples").GetBoolean());
        Assert.Equal(0, after);
        Assert.Equal(before, teacherSees);
    }
}
