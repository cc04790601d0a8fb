using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Changes;
using Annotate.Collaboration;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Annotate.Tests.Collaboration;

/// <summary>
/// The one fan-out after a commit: whatever a subscriber or the backplane does, the write is saved and answered,
/// and every other subscriber still hears of it.
/// </summary>
public sealed class ChangeFeedTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    [Fact]
    public async Task A_Visibility_Change_Is_Saved_And_Answered_While_Redis_Is_Down()
    {
        using var redis = await RedisServer.StartAsync();
        using var app = new AnnotateApp { Redis = redis.Address };
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await ana.JoinAsync(Doc);
        redis.Stop();

        var response = await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "reveal" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reveal", await VisibilityAsync(ana));
    }

    [Fact]
    public async Task A_Visibility_Change_And_An_Annotation_Are_Saved_And_Answered_When_The_Backplane_Fails_Outright()
    {
        using var app = new AnnotateApp { TestServices = services => services.AddSingleton<HubLifetimeManager<AnnotationHub>, BrokenBackplane>() };
        await using var ana = await HubUser.SignInAsync(app, "Ana");

        var response = await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" });
        var put = await ana.Http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}", new { layer = "frame", label = "protest", start = 0, end = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open", await VisibilityAsync(ana));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.Contains(nameof(LivePush), StringComparison.Ordinal) && l.Contains("The backplane is down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Failing_Subscriber_Neither_Fails_The_Write_Nor_Silences_The_Others()
    {
        var heard = new ConcurrentQueue<CommittedChange>();
        using var app = new AnnotateApp
        {
            TestServices = services =>
            {
                // First in line, so that the app's own subscribers all come after it.
                services.Insert(0, ServiceDescriptor.Singleton<IChangeSubscriber, FailingSubscriber>());
                services.AddSingleton<IChangeSubscriber>(new RecordingSubscriber(heard));
            },
        };
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await using var viewer = await HubUser.SignInAsync(app, "Teacher");
        var mode = await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" });
        await ana.JoinAsync(Doc);
        await ben.JoinAsync(Doc);
        await viewer.Hub.InvokeAsync("WatchAgreement", "default");
        var id = Guid.NewGuid().ToString();

        var saved = await ana.PutSpanAsync(Doc, id, "protest", 0, 5);

        Assert.Equal(HttpStatusCode.OK, mode.StatusCode);
        Assert.Equal(id, saved.Id);
        await Eventually.TrueAsync(() => ben.Changes.Any(c => c.Annotation.Id == id), "Ben receives Ana's span live");
        await Eventually.TrueAsync(() => viewer.AgreementUpdates.Any(u => u.DocumentIds.Contains(Doc)), "the agreement viewer is told");
        Assert.Contains(heard, c => c is AnnotationCommitted a && a.Change.Annotation.Id == id);
        Assert.Contains(heard, c => c is ProjectVisibilityCommitted v && v.Settings.Visibility == "open");
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(nameof(FailingSubscriber), StringComparison.Ordinal));
    }

    private static async Task<string?> VisibilityAsync(HubUser user) =>
        (await user.Http.GetFromJsonAsync<JsonElement>("/api/projects/default")).GetProperty("visibility").GetString();

    private sealed class FailingSubscriber : IChangeSubscriber
    {
        public Task OnCommittedAsync(CommittedChange change, ChangeScope scope) => throw new InvalidOperationException("A subscriber's bug.");
    }

    private sealed class RecordingSubscriber(ConcurrentQueue<CommittedChange> heard) : IChangeSubscriber
    {
        public Task OnCommittedAsync(CommittedChange change, ChangeScope scope)
        {
            heard.Enqueue(change);
            return Task.CompletedTask;
        }
    }

    /// <summary>A backplane that fails every group send with an error that is not a recognised transport failure.</summary>
    private sealed class BrokenBackplane(ILogger<DefaultHubLifetimeManager<AnnotationHub>> logger) : DefaultHubLifetimeManager<AnnotationHub>(logger)
    {
        public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) => Task.FromException(Down());

        public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) => Task.FromException(Down());

        public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
            Task.FromException(Down());

        private static InvalidOperationException Down() => new("The backplane is down.");
    }
}
