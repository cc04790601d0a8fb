using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Annotate.Annotations;
using Annotate.Collaboration;
using Annotate.Rounds;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Infrastructure;

/// <summary>A signed-in person with an HTTP client and a real SignalR connection to the app's real port.</summary>
internal sealed class HubUser : IAsyncDisposable
{
    private HubUser(HttpClient http, HubConnection hub, string userId)
    {
        Http = http;
        Hub = hub;
        UserId = userId;
        hub.On<AnnotationChange>(nameof(IAnnotationClient.AnnotationChanged), change => Changes.Enqueue(change));
        hub.On<PresenceUpdate>(nameof(IAnnotationClient.PresenceChanged), update => Presence.Enqueue(update));
        hub.On<string>(nameof(IAnnotationClient.VisibilityChanged), visibility => VisibilityChanges.Enqueue(visibility));
        hub.On<DocumentVersionChange>(nameof(IAnnotationClient.DocumentChanged), change => DocumentChanges.Enqueue(change));
        hub.On<AgreementUpdate>(nameof(IAnnotationClient.AgreementChanged), update => AgreementUpdates.Enqueue(update));
        hub.On<EditingState>(nameof(IAnnotationClient.EditingChanged), state => EditingChanges.Enqueue(state));
    }

    public HttpClient Http { get; }

    public HubConnection Hub { get; }

    public string UserId { get; }

    public ConcurrentQueue<AnnotationChange> Changes { get; } = new();

    public ConcurrentQueue<PresenceUpdate> Presence { get; } = new();

    public ConcurrentQueue<string> VisibilityChanges { get; } = new();

    public ConcurrentQueue<DocumentVersionChange> DocumentChanges { get; } = new();

    public ConcurrentQueue<AgreementUpdate> AgreementUpdates { get; } = new();

    public ConcurrentQueue<EditingState> EditingChanges { get; } = new();

    public static Task<HubUser> SignInAsync(AnnotateApp app, string name) => SignInAsync(app, new { displayName = name });

    /// <summary>Signs in to an account (made with `annotate user add`) instead of by display name.</summary>
    public static Task<HubUser> SignInWithPasswordAsync(AnnotateApp app, string userName, string password) => SignInAsync(app, new { userName, password });

    /// <summary>Joins a class with its code, as a student does on a network server.</summary>
    public static Task<HubUser> JoinClassAsync(AnnotateApp app, string code, string displayName) => SignInAsync(app, new { code, displayName }, "/api/session/join");

    private static async Task<HubUser> SignInAsync(AnnotateApp app, object credentials, string path = "/api/session")
    {
        app.StartServer();
        var baseAddress = app.ClientOptions.BaseAddress;
        var cookies = new CookieContainer();
        var http = AntiforgeryHandler.Client(baseAddress, cookies);
        var signIn = await http.PostAsJsonAsync(path, credentials);
        signIn.EnsureSuccessStatusCode();
        var session = await signIn.Content.ReadFromJsonAsync<SessionInfo>();
        await AnnotateApp.WaitForCorpusAsync(http);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/annotations"), options => options.Cookies = cookies)
            .Build();
        await hub.StartAsync();
        return new HubUser(http, hub, session!.UserId);
    }

    public Task<JoinResult> JoinAsync(string documentId, long afterSeq = 0) => Hub.InvokeAsync<JoinResult>("JoinDocument", documentId, afterSeq);

    public async Task<Annotation> PutSpanAsync(string documentId, string id, string label, int start, int end, int? version = null, string layer = "frame")
    {
        var response = await Http.PutAsJsonAsync($"/api/documents/{documentId}/annotations/{id}", new { layer, label, start, end, version });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Annotation>())!;
    }

    /// <summary>
    /// A sentinel for "nothing else arrived": saves a span of this user's own on a document they have joined and
    /// waits until its push comes back. A save's push is sent before the save is answered, and pushes reach one
    /// connection in order, so whatever a save answered earlier would have pushed here has arrived by then.
    /// </summary>
    public async Task SentinelAsync(string documentId, int start, int end)
    {
        var id = Guid.NewGuid().ToString();
        await PutSpanAsync(documentId, id, "protest", start, end);
        await Eventually.TrueAsync(() => Changes.Any(c => c.Annotation.Id == id), "the sentinel span comes back to its author");
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        Http.Dispose();
    }

    private sealed record SessionInfo(string UserId, string DisplayName);
}
