using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Collaboration;
using Annotate.Tests.Classroom;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Rounds;

/// <summary>
/// Open pages learn of a freeze live (EditingChanged to the project's connections), and a frozen student can still
/// read and follow the document over the hub. The hub takes no writes: they all go over HTTP, refused there.
/// </summary>
public sealed class RoundsHubTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Students_On_A_Document_Are_Told_When_Editing_Freezes_And_Opens_Again()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        await using var ana = await HubUser.JoinClassAsync(app, code, "Ana");
        await using var ben = await HubUser.JoinClassAsync(app, code, "Ben");
        await ana.JoinAsync(Doc);
        await ben.JoinAsync(Doc);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 20);

        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "discuss", name = "Talk it through" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => !ana.EditingChanges.IsEmpty && !ben.EditingChanges.IsEmpty, "both students hear of the freeze");
        var frozen = ana.EditingChanges.Single();
        var rejoined = await ana.JoinAsync(Doc);
        var refused = await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 30, end = 40 });
        var invokeWrite = await Record.ExceptionAsync(() => ana.Hub.InvokeAsync<JsonElement>("SaveAnnotation", Doc, new { }));

        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "revise" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => ana.EditingChanges.Count == 2, "Ana hears the revise round open");
        var open = ana.EditingChanges.Last();
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 30, 40);

        Assert.Equal("default", frozen.ProjectId);
        Assert.True(frozen.Frozen);
        Assert.StartsWith("Editing is frozen while the class discusses.", frozen.Message, StringComparison.Ordinal);
        Assert.Equal("Talk it through", frozen.RoundName);
        Assert.Equal("discuss", frozen.RoundKind);
        Assert.Equal("reveal", rejoined.Visibility); // reading and following go on while frozen, now with everyone's work
        Assert.Contains(rejoined.Changes, c => c.Annotation.AnnotatorId == ben.UserId);
        Assert.Equal((System.Net.HttpStatusCode)423, refused.StatusCode);
        Assert.IsType<Microsoft.AspNetCore.SignalR.HubException>(invokeWrite); // no hub method writes
        Assert.False(open.Frozen);
        Assert.Null(open.Message);
        Assert.Equal("revise", open.RoundKind);
    }
    // EditingChanged leaves as soon as the round ends, before its figures are computed: a class page that fetched the
    // rounds then showed the ended round without its column. It is told again (ClassChanged) once they are kept.
    [Fact]
    public async Task The_Class_Page_Is_Told_Again_Once_The_Ended_Rounds_Figures_Are_Kept()
    {
        var teacherHttp = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacherHttp);
        await using var ana = await HubUser.JoinClassAsync(app, code, "Ana");
        await using var teacher = await HubUser.SignInWithPasswordAsync(app, "teacher", "teacher passphrase");
        var heard = new ConcurrentQueue<bool>();
        teacher.Hub.On<ClassUpdate>(nameof(IAnnotationClient.ClassChanged), _ => heard.Enqueue(true));
        await teacher.Hub.InvokeAsync("WatchClass", "default");
        (await teacherHttp.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "blind" })).EnsureSuccessStatusCode();
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 20);
        var before = heard.Count;

        (await teacherHttp.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "discuss" })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => heard.Count > before, "the teacher's class page hears that the ended round's figures are kept");
        var rounds = await teacherHttp.GetFromJsonAsync<JsonElement>("/api/projects/default/rounds");
        var ended = rounds.GetProperty("rounds").EnumerateArray().First();
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("endedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("measures").ValueKind);
    }
}
