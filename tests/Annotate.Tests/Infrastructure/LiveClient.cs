using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Annotate.Annotations;
using Annotate.Collaboration;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Infrastructure;

/// <summary>
/// A person on one app instance (a server process at an address), following a document the way the web app does:
/// every change applied by id, the last sequence number remembered, and a catch-up from it on demand.
/// </summary>
internal sealed class LiveClient : IAsyncDisposable
{
    private readonly CookieContainer cookies;
    private HubConnection hub;

    private LiveClient(HttpClient http, CookieContainer cookies, HubConnection hub)
    {
        (Http, this.cookies, this.hub) = (http, cookies, hub);
    }

    public HttpClient Http { get; private set; }

    /// <summary>Every annotation as last seen, by id (tombstones included).</summary>
    public ConcurrentDictionary<string, Annotation> Applied { get; } = new();

    /// <summary>Ids of changes that arrived live (not by catch-up).</summary>
    public ConcurrentBag<string> ReceivedLive { get; } = [];

    /// <summary>
    /// The last sequence number up to which nothing is missing. Changes past a gap (a message lost while the
    /// backplane was away) are applied but do not move it, so a catch-up from it fetches what was lost.
    /// </summary>
    public long LastSeq { get; private set; }

    /// <summary>Whether a change arrived past a gap (the web app then catches up at once).</summary>
    public bool HasGap { get { lock (seen) return seen.Count > 0; } }

    private readonly SortedSet<long> seen = [];

    public static async Task<LiveClient> SignInAsync(Uri instance, string name)
    {
        var cookies = new CookieContainer();
        var http = AntiforgeryHandler.Client(instance, cookies);
        (await http.PostAsJsonAsync("/api/session", new { displayName = name })).EnsureSuccessStatusCode();
        await AnnotateApp.WaitForCorpusAsync(http);
        var client = new LiveClient(http, cookies, Connect(instance, cookies));
        client.Listen();
        await client.hub.StartAsync();
        return client;
    }

    /// <summary>Joins a document from the last sequence number seen (0 at first) and applies what was missed.</summary>
    public async Task CatchUpAsync(string documentId)
    {
        var joined = await hub.InvokeAsync<JoinResult>("JoinDocument", documentId, LastSeq);
        foreach (var change in joined.Changes)
            Apply(change);
        lock (seen)
        {
            LastSeq = Math.Max(LastSeq, joined.LastSeq);
            seen.RemoveWhere(s => s <= LastSeq);
        }
    }

    /// <summary>Moves to another instance (as a load balancer does when one dies), keeping the session cookie.</summary>
    public async Task MoveToAsync(Uri instance)
    {
        await hub.DisposeAsync();
        Http.Dispose();
        Http = AntiforgeryHandler.Client(instance, cookies);
        hub = Connect(instance, cookies);
        Listen();
        await hub.StartAsync();
    }

    public async Task<string> PutSpanAsync(string documentId, int start)
    {
        var id = Guid.NewGuid().ToString();
        var response = await Http.PutAsJsonAsync($"/api/documents/{documentId}/annotations/{id}", new { layer = "frame", label = "protest", start, end = start + 3 });
        response.EnsureSuccessStatusCode();
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await hub.DisposeAsync();
        Http.Dispose();
    }

    private static HubConnection Connect(Uri instance, CookieContainer cookies) =>
        new HubConnectionBuilder().WithUrl(new Uri(instance, "/hubs/annotations"), o => o.Cookies = cookies).Build();

    private void Listen() => hub.On<AnnotationChange>(nameof(IAnnotationClient.AnnotationChanged), change =>
    {
        ReceivedLive.Add(change.Annotation.Id);
        Apply(change);
    });

    private void Apply(AnnotationChange change)
    {
        Applied.AddOrUpdate(change.Annotation.Id, change.Annotation, (_, old) => old.Version >= change.Annotation.Version ? old : change.Annotation);
        lock (seen)
        {
            if (change.Seq > LastSeq)
                seen.Add(change.Seq);
            while (seen.Count > 0 && seen.Min == LastSeq + 1)
            {
                LastSeq = seen.Min;
                seen.Remove(seen.Min);
            }
        }
    }
}
