using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Grades;
using Annotate.Tests.Classroom;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Grades;

/// <summary>
/// Active time (issue 16, point 10): the reader reports activity at most every 30 s; the server credits each report
/// with the time since the person's previous one in the project, at most 30 s, and nothing after a minute's silence
/// (idle). A client that reports faster, twice at once, or on two documents at once never gains more than the clock.
/// </summary>
public sealed class ActiveTimeTests : IDisposable
{
    private readonly ManualClock clock = new();
    private readonly AnnotateApp app;

    public ActiveTimeTests() => app = AnnotateApp.NetworkServer(services => services.AddSingleton<TimeProvider>(clock));

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Reports_Every_Thirty_Seconds_Count_And_A_Minute_Without_One_Is_Idle()
    {
        var (teacher, ana, docs) = await ClassAsync();

        var credits = new List<long>();
        credits.Add(await ReportAsync(ana, docs[0]));           // starts a stretch: nothing yet
        clock.Advance(TimeSpan.FromSeconds(30));
        credits.Add(await ReportAsync(ana, docs[0]));           // 30 s
        clock.Advance(TimeSpan.FromSeconds(45));                // one report missed (a throttled timer): still at most 30 s
        credits.Add(await ReportAsync(ana, docs[0]));
        clock.Advance(TimeSpan.FromMinutes(5));                 // she left: idle, the next report starts a new stretch
        credits.Add(await ReportAsync(ana, docs[0]));
        clock.Advance(TimeSpan.FromSeconds(20));
        credits.Add(await ReportAsync(ana, docs[1]));           // 20 s, on another document

        Assert.Equal([0, 30_000, 30_000, 0, 20_000], credits);
        var sheet = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/grades");
        Assert.Equal(80, Student(sheet, "Ana").GetProperty("activeSeconds").GetInt64());
    }

    [Fact]
    public async Task Reports_Sent_Faster_At_Once_Or_For_Two_Documents_Never_Add_More_Than_The_Clock()
    {
        var (teacher, ana, docs) = await ClassAsync();
        await ReportAsync(ana, docs[0]);

        // Act: a client that reports every second, alternating documents, for 20 s; then 20 reports at the same instant.
        long credited = 0;
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            credited += await ReportAsync(ana, docs[i % 2]);
        }

        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => ReportAsync(ana, docs[i % 2])));

        // Assert: 20 s of clock, 20 s of active time, whatever the number of reports or documents.
        Assert.Equal(20_000, credited);
        Assert.All(burst, b => Assert.Equal(0, b));
        var sheet = await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/grades");
        Assert.Equal(20, Student(sheet, "Ana").GetProperty("activeSeconds").GetInt64());
    }

    [Fact]
    public void The_Idle_Rule_Credits_The_Gap_Up_To_Thirty_Seconds_And_Nothing_After_A_Minute_Or_Backwards()
    {
        var t = DateTimeOffset.UnixEpoch;
        Assert.Equal(0, ActiveTime.Credit(null, t));
        Assert.Equal(12_500, ActiveTime.Credit(t, t.AddSeconds(12.5)));
        Assert.Equal(30_000, ActiveTime.Credit(t, t.AddSeconds(60)));
        Assert.Equal(0, ActiveTime.Credit(t, t.AddSeconds(60.001)));
        Assert.Equal(0, ActiveTime.Credit(t, t.AddSeconds(-5)));
    }

    [Fact]
    public async Task Only_People_Who_May_Annotate_The_Document_Report_Time_And_Only_Their_Own()
    {
        var (teacher, ana, docs) = await ClassAsync();
        var ben = app.AnonymousClient();
        (await ben.PostAsJsonAsync("/api/session/join", new { code = await CodeAsync(teacher), displayName = "Ben" })).EnsureSuccessStatusCode();
        (await teacher.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 })).EnsureSuccessStatusCode();
        var bens = (await ben.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents")).GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("documentId").GetString()!).ToHashSet();
        var notBens = (await teacher.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray()
            .Select(d => d.GetProperty("id").GetString()!).First(id => !bens.Contains(id));

        var anonymous = await app.AnonymousClient().PostAsync($"/api/documents/{docs[0]}/activity", null);
        var unassigned = await ben.PostAsync($"/api/documents/{notBens}/activity", null);
        var unknown = await ana.PostAsync("/api/documents/no-such-document/activity", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unassigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unassigned.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, Student(await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/grades"), "Ben").GetProperty("activeSeconds").GetInt64());
    }

    private async Task<(HttpClient Teacher, HttpClient Ana, string[] Docs)> ClassAsync()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        var ana = app.AnonymousClient();
        (await ana.PostAsJsonAsync("/api/session/join", new { code, displayName = "Ana" })).EnsureSuccessStatusCode();
        var documents = await ana.GetFromJsonAsync<JsonElement>("/api/projects/default/my-documents");
        return (teacher, ana, [.. documents.GetProperty("documents").EnumerateArray().Take(2).Select(d => d.GetProperty("documentId").GetString()!)]);
    }

    private static async Task<string> CodeAsync(HttpClient teacher) =>
        (await teacher.GetFromJsonAsync<JsonElement>("/api/projects/default/class")).GetProperty("class").GetProperty("code").GetString()!;

    private static async Task<long> ReportAsync(HttpClient client, string doc)
    {
        var response = await client.PostAsync($"/api/documents/{doc}/activity", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("creditedMilliseconds").GetInt64();
    }

    internal static JsonElement Student(JsonElement sheet, string name) =>
        sheet.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
}
