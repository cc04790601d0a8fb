using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Annotate.Annotations;
using Annotate.Collaboration;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Collaboration;

/// <summary>An acknowledged annotation is never lost, not even when the server is killed in mid-stream.</summary>
public sealed class CrashTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly string folder = TempFolder.Create();
    private readonly string database;

    public CrashTests() => database = TestDatabase.Create(folder);

    public void Dispose()
    {
        TestDatabase.Drop(database);
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task Every_Save_Acknowledged_Before_A_Kill_9_Is_There_After_Restart_And_Clients_Converge()
    {
        var port = ServerProcess.FreePort();
        var cookies = new CookieContainer();
        using var http = AntiforgeryHandler.Client(new Uri($"http://127.0.0.1:{port}"), cookies);
        var acknowledged = new ConcurrentBag<string>();
        var applied = new ConcurrentDictionary<string, AnnotationChange>();
        var lastSeq = 0L;
        var caughtUp = new TaskCompletionSource();

        using (var first = await ServerProcess.StartAsync(database, port))
        {
            (await http.PostAsJsonAsync("/api/session", new { displayName = "Survivor" })).EnsureSuccessStatusCode();
            await AnnotateApp.WaitForCorpusAsync(http);
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(http.BaseAddress!, "/hubs/annotations"), o => o.Cookies = cookies)
                .WithAutomaticReconnect(Enumerable.Repeat(TimeSpan.FromMilliseconds(250), 120).ToArray())
                .Build();
            hub.On<AnnotationChange>("AnnotationChanged", change =>
            {
                applied[change.Annotation.Id] = change;
                lastSeq = Math.Max(lastSeq, change.Seq);
            });
            hub.Reconnected += async _ =>
            {
                // The protocol: after any reconnect, rejoin and catch up from the last sequence number applied.
                foreach (var change in (await hub.InvokeAsync<JoinResult>("JoinDocument", Doc, lastSeq)).Changes)
                {
                    applied[change.Annotation.Id] = change;
                }

                caughtUp.TrySetResult();
            };
            await hub.StartAsync();
            await hub.InvokeAsync<JoinResult>("JoinDocument", Doc, 0L);

            using var stop = new CancellationTokenSource();
            var saving = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = Guid.NewGuid().ToString();
                    try
                    {
                        var response = await http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{id}", new { layer = "frame", label = "protest", start = i % 40, end = (i % 40) + 1 });
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            });
            await Eventually.TrueAsync(() => acknowledged.Count >= 30, "30 saves are acknowledged", 20_000);
            first.KillHard();
            await stop.CancelAsync();
            await saving;

            using var second = await ServerProcess.StartAsync(database, port);
            var stored = (await http.GetFromJsonAsync<AnnotationList>($"/api/documents/{Doc}/annotations"))!.Items.Select(a => a.Id).ToHashSet();

            Assert.Subset(stored, acknowledged.ToHashSet());
            await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(stored.Order(), applied.Keys.Order());
            await hub.DisposeAsync();
        }
    }
}
