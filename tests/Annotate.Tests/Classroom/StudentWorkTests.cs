using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Collaboration;
using Annotate.Tests.Infrastructure;
using Annotate.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Classroom;

/// <summary>
/// A student's side of a class (issue 16, point 4): "Your documents" with the teacher's instruction, Done and Reopen
/// per document, and the teacher's dashboard showing done / in progress and whether a stance was given. Done is only
/// ever one's own, on a document one may annotate; viewers, other students and strangers get problem details.
/// </summary>
public sealed class StudentWorkTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Student_Sees_Their_Documents_And_The_Instruction_Marks_One_Done_And_Reopens_It_As_The_Teacher_Watches()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        (await teacher.PutAsJsonAsync("/api/projects/default/class/instruction", new { text = "Read each article, then give its stance.\r\nPress Done when finished." })).EnsureSuccessStatusCode();
        var ana = await JoinAsync(code, "Ana");
        var ben = await JoinAsync(code, "Ben");
        (await teacher.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 })).EnsureSuccessStatusCode();

        // Arrange: Ana's documents are the ones assigned to her, with the instruction above them.
        var mine = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents");
        Assert.True(mine.GetProperty("student").GetBoolean());
        Assert.False((await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents")).GetProperty("student").GetBoolean());
        Assert.Equal("Read each article, then give its stance.\nPress Done when finished.", mine.GetProperty("instruction").GetString());
        var documents = mine.GetProperty("documents").EnumerateArray().ToList();
        var dashboard = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class");
        Assert.Equal(Student(dashboard, "Ana").GetProperty("assigned").GetInt32(), documents.Count);
        Assert.All(documents, d => Assert.False(d.GetProperty("done").GetBoolean()));
        var doc = documents[0].GetProperty("documentId").GetString()!;
        Assert.False(string.IsNullOrEmpty(documents[0].GetProperty("title").GetString()));

        // Act: she annotates, gives the stance and presses Done.
        (await ana.PutAsJsonAsync($"/api/documents/{doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 20 })).EnsureSuccessStatusCode();
        (await ana.PutAsJsonAsync($"/api/documents/{doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        var done = await ana.PutAsync($"/api/documents/{doc}/done", null);
        var again = await ana.PutAsync($"/api/documents/{doc}/done", null);

        // Assert: done for her, on the teacher's dashboard too (stance given); Ben has done nothing.
        var mark = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(mark.GetProperty("done").GetBoolean());
        Assert.Equal(mark.GetProperty("doneAt").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("doneAt").GetString());
        var item = Item(await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents"), doc);
        Assert.True(item.GetProperty("done").GetBoolean());
        Assert.True(item.GetProperty("stance").GetBoolean());
        Assert.Equal(2, item.GetProperty("annotations").GetInt32());
        dashboard = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class");
        Assert.Equal("Read each article, then give its stance.\nPress Done when finished.", dashboard.GetProperty("instruction").GetString());
        var anaWork = Item(Student(dashboard, "Ana").GetProperty("work"), doc);
        Assert.True(anaWork.GetProperty("done").GetBoolean());
        Assert.True(anaWork.GetProperty("stance").GetBoolean());
        Assert.All(Student(dashboard, "Ben").GetProperty("work").EnumerateArray(), w => Assert.False(w.GetProperty("done").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, Student(dashboard, "teacher").GetProperty("work").ValueKind);

        // Act: Reopen.
        var reopened = await ana.DeleteAsync($"/api/documents/{doc}/done");
        Assert.False((await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").GetBoolean());
        dashboard = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class");
        anaWork = Item(Student(dashboard, "Ana").GetProperty("work"), doc);
        Assert.False(anaWork.GetProperty("done").GetBoolean());
        Assert.Equal(2, anaWork.GetProperty("annotations").GetInt32()); // still in progress
        _ = ben;
    }

    [Fact]
    public async Task Done_Is_Only_Ones_Own_On_A_Document_One_May_Annotate_And_Others_Get_Problem_Details()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        var ana = await JoinAsync(code, "Ana");
        var ben = await JoinAsync(code, "Ben");
        // Dealt out now, over both: each document goes to one of them only.
        (await teacher.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 })).EnsureSuccessStatusCode();
        await AddAccountAsync("vera", "viewer");
        await AddAccountAsync("nora", null);
        var vera = await SignInAsync("vera");
        var nora = await SignInAsync("nora");
        var anasDoc = Item0(await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents"));
        (await ana.PutAsync($"/api/documents/{anasDoc}/done", null)).EnsureSuccessStatusCode();

        // Act: Ben on Ana's document (not his), a viewer, someone in no project, and nobody at all.
        var benDone = await ben.PutAsync($"/api/documents/{anasDoc}/done", null);
        var benReopen = await ben.DeleteAsync($"/api/documents/{anasDoc}/done");
        var viewerDone = await vera.PutAsync($"/api/documents/{anasDoc}/done", null);
        var viewerList = await vera.GetAsync("/api/projects/default/my-documents");
        var strangerDone = await nora.PutAsync($"/api/documents/{anasDoc}/done", null);
        var strangerList = await nora.GetAsync("/api/projects/default/my-documents");
        var anonymousDone = await app.AnonymousClient().PutAsync($"/api/documents/{anasDoc}/done", null);
        var studentDashboard = await ben.GetAsync("/api/projects/default/class");
        var studentInstruction = await ben.PutAsJsonAsync("/api/projects/default/class/instruction", new { text = "No homework" });
        var viewerDashboard = await vera.GetAsync("/api/projects/default/class");

        // Assert
        await AssertProblemAsync(benDone, HttpStatusCode.NotFound, "Document not found");
        await AssertProblemAsync(benReopen, HttpStatusCode.NotFound, "Document not found");
        await AssertProblemAsync(viewerDone, HttpStatusCode.Forbidden, "Not allowed");
        await AssertProblemAsync(viewerList, HttpStatusCode.Forbidden, "Not allowed");
        await AssertProblemAsync(strangerDone, HttpStatusCode.NotFound, "Document not found");
        await AssertProblemAsync(strangerList, HttpStatusCode.NotFound, "Project not found");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDone.StatusCode);
        await AssertProblemAsync(studentDashboard, HttpStatusCode.Forbidden, "Not allowed");
        await AssertProblemAsync(studentInstruction, HttpStatusCode.Forbidden, "Not allowed");
        await AssertProblemAsync(viewerDashboard, HttpStatusCode.Forbidden, "Not allowed");
        Assert.True(Item(await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents"), anasDoc).GetProperty("done").GetBoolean());
        Assert.DoesNotContain((await ben.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents")).GetProperty("documents").EnumerateArray(),
            d => d.GetProperty("done").GetBoolean());
        Assert.Null((await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class")).GetProperty("instruction").GetString());
    }

    [Fact]
    public async Task The_Instruction_Is_Plain_Text_Within_Its_Limit_And_An_Empty_One_Removes_It()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        var ana = await JoinAsync(code, "Ana");

        var tooLong = await teacher.PutAsJsonAsync("/api/projects/default/class/instruction", new { text = new string('a', 1001) });
        var control = await teacher.PutAsJsonAsync("/api/projects/default/class/instruction", new { text = "Read\u0007 this" });
        var markup = await teacher.PutAsJsonAsync("/api/projects/default/class/instruction", new { text = "  <b>Bold</b> & <script>x()</script>  " });
        var shown = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents");
        var cleared = await teacher.PutAsJsonAsync("/api/projects/default/class/instruction", new { text = "   " });
        var after = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents");

        var problem = await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "Invalid instruction");
        Assert.Contains("1000", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(control, HttpStatusCode.BadRequest, "Invalid instruction");
        markup.EnsureSuccessStatusCode();
        Assert.Equal("<b>Bold</b> & <script>x()</script>", shown.GetProperty("instruction").GetString());
        Assert.Equal(JsonValueKind.Null, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("instruction").ValueKind);
    }

    [Fact]
    public async Task A_Teacher_On_The_Class_Page_Hears_Of_A_Done_At_Once_And_A_Student_May_Not_Listen()
    {
        var teacherHttp = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacherHttp);
        await using var teacher = await HubUser.SignInWithPasswordAsync(app, "teacher", "teacher passphrase");
        var heard = new ConcurrentQueue<ClassUpdate>();
        teacher.Hub.On<ClassUpdate>(nameof(IAnnotationClient.ClassChanged), heard.Enqueue);
        await teacher.Hub.InvokeAsync("WatchClass", "default");
        var cookies = new CookieContainer();
        var ana = AntiforgeryHandler.Client(app.ClientOptions.BaseAddress, cookies);
        (await ana.PostAsJsonAsync("/api/session/join", new { code, displayName = "Ana" })).EnsureSuccessStatusCode();
        await using var anaHub = new HubConnectionBuilder().WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations"), o => o.Cookies = cookies).Build();
        await anaHub.StartAsync();
        var doc = Item0(await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents"));

        var refused = await Assert.ThrowsAsync<HubException>(() => anaHub.InvokeAsync("WatchClass", "default"));
        (await ana.PutAsync($"/api/documents/{doc}/done", null)).EnsureSuccessStatusCode();

        // The push leaves before the write is answered, but travels on another connection.
        await Eventually.TrueAsync(() => !heard.IsEmpty, "the teacher hears of the Done");
        var update = Assert.Single(heard);
        Assert.Equal("default", update.ProjectId);
        Assert.Contains("teachers", refused.Message, StringComparison.Ordinal);
    }

    private async Task<HttpClient> JoinAsync(string code, string name)
    {
        var student = app.AnonymousClient();
        (await student.PostAsJsonAsync("/api/session/join", new { code, displayName = name })).EnsureSuccessStatusCode();
        return student;
    }

    private async Task AddAccountAsync(string name, string? role)
    {
        var (exit, _, error) = await AnnotateProcess.RunWithInputAsync(Password, "user", "add", name, "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        if (role is not null)
        {
            var (added, _, addError) = await AnnotateProcess.RunAsync("project", "add-member", "default", name, "--role", role, "--db", app.DatabasePath);
            Assert.True(added == 0, addError);
        }
    }

    private async Task<HttpClient> SignInAsync(string name)
    {
        var client = app.AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/session", new { userName = name, password = Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        return problem;
    }

    private static JsonElement Student(JsonElement dashboard, string name) =>
        dashboard.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    private static JsonElement Item(JsonElement list, string documentId) =>
        (list.ValueKind == JsonValueKind.Object ? list.GetProperty("documents") : list).EnumerateArray().Single(d => d.GetProperty("documentId").GetString() == documentId);

    private static string Item0(JsonElement mine) => mine.GetProperty("documents")[0].GetProperty("documentId").GetString()!;
}
