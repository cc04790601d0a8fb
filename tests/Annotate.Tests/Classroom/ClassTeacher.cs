using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Classroom;

/// <summary>The start of every class test on a network server: a teacher who owns the project, and their class.</summary>
internal static class ClassTeacher
{
    /// <summary>Starts the server, adds the owner account "teacher" with the real CLI and signs it in.</summary>
    public static async Task<HttpClient> SignInAsync(AnnotateApp app)
    {
        app.StartServer();
        var (exit, _, error) = await AnnotateProcess.RunWithInputAsync("teacher passphrase", "user", "add", "teacher", "--owner", "--db", app.DatabasePath);
        Assert.True(exit == 0, error);
        var teacher = app.AnonymousClient();
        (await teacher.PostAsJsonAsync("/api/session", new { userName = "teacher", password = "teacher passphrase" })).EnsureSuccessStatusCode();
        await AnnotateApp.WaitForCorpusAsync(teacher);
        return teacher;
    }

    /// <summary>Starts the default project's class; its join code.</summary>
    public static async Task<string> StartClassAsync(HttpClient teacher) =>
        (await (await teacher.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
}
