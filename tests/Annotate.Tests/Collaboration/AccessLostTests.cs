using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Annotate.Tests.Security;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Collaboration;

/// <summary>
/// When the teacher removes a student or shares the documents out again, the student's open page is told why at
/// once (AccessLost, just before the server closes the connection), so it stops taking work instead of failing on
/// the next span.
/// </summary>
public sealed class AccessLostTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly NetworkAccounts accounts;

    public AccessLostTests() => accounts = new NetworkAccounts(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Removed_Annotator_Is_Told_They_Were_Removed_Before_The_Connection_Closes()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await using var anna = await accounts.HubAsync("anna");
        var lost = Listen(anna.Hub);
        var document = await FirstDocumentAsync(anna.Http);
        await anna.Hub.InvokeAsync<JsonElement>("JoinDocument", document, 0L);

        (await owner.DeleteAsync($"/api/projects/default/members/{anna.UserId}")).EnsureSuccessStatusCode();

        var told = await lost.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("removed", told.GetProperty("reason").GetString());
        Assert.Equal("default", told.GetProperty("projectId").GetString());
        Assert.Contains("removed from this project", told.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Annotator_Whose_Document_Went_To_Someone_Else_Is_Told_Which_And_Why()
    {
        var owner = await accounts.StartAsync();
        await accounts.AddAsync("anna", "annotator");
        await accounts.AddAsync("ben", "annotator");
        (await owner.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 })).EnsureSuccessStatusCode();
        await using var anna = await accounts.HubAsync("anna");
        var before = await DocumentsAsync(anna.Http);
        foreach (var document in before)
        {
            await anna.Hub.InvokeAsync<JsonElement>("JoinDocument", document, 0L);
        }

        var lost = Listen(anna.Hub);

        // Act: a third annotator, and the documents dealt out again over three (round-robin in join order).
        await accounts.AddAsync("cat", "annotator");
        (await owner.PutAsJsonAsync("/api/projects/default/assignment", new { mode = "spread", annotatorsPerDocument = 1 })).EnsureSuccessStatusCode();

        var told = await lost.WaitAsync(TimeSpan.FromSeconds(5));
        var after = await DocumentsAsync((await accounts.HubAsync("anna")).Http);
        Assert.Equal("unassigned", told.GetProperty("reason").GetString());
        Assert.Contains(told.GetProperty("documentId").GetString(), before.Except(after));
        Assert.Contains("no longer assigned to you", told.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static Task<JsonElement> Listen(HubConnection hub)
    {
        var told = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("AccessLost", lost => told.TrySetResult(lost));
        return told.Task;
    }

    private static async Task<string> FirstDocumentAsync(HttpClient client) => (await DocumentsAsync(client))[0];

    private static async Task<List<string>> DocumentsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];
}
