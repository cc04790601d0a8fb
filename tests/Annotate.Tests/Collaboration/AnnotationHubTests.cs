using System.Net;
using System.Net.Http.Json;
using Annotate.Annotations;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Collaboration;

/// <summary>The live hub with real SignalR clients on a real port.</summary>
public sealed class AnnotationHubTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    private static async Task SetVisibilityAsync(HubUser user, string visibility) =>
        (await user.Http.PatchAsJsonAsync("/api/projects/default", new { visibility })).EnsureSuccessStatusCode();

    [Fact]
    public async Task Open_Mode_Pushes_Each_Committed_Change_Once_To_Everyone_On_The_Document()
    {
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await SetVisibilityAsync(ana, "open");
        await ana.JoinAsync(Doc);
        var joined = await ben.JoinAsync(Doc);
        var id = Guid.NewGuid().ToString();

        var saved = await ana.PutSpanAsync(Doc, id, "protest", 0, 5);
        await ana.PutSpanAsync(Doc, id, "protest", 0, 5); // a retry: no second broadcast
        await Eventually.TrueAsync(() => ben.Changes.Any(c => c.Annotation.Id == id), "Ben receives Ana's span");
        // Ana's next save reaches both after any second broadcast of the retry would have.
        var sentinel = Guid.NewGuid().ToString();
        await ana.PutSpanAsync(Doc, sentinel, "protest", 20, 25);
        await Eventually.TrueAsync(() => ben.Changes.Any(c => c.Annotation.Id == sentinel) && ana.Changes.Any(c => c.Annotation.Id == sentinel), "both receive Ana's next span");

        var change = Assert.Single(ben.Changes, c => c.Annotation.Id == id);
        Assert.Equal("upsert", change.Kind);
        Assert.True(change.Seq > joined.LastSeq);
        Assert.Equal(saved.Label, change.Annotation.Label);
        Assert.Single(ana.Changes, c => c.Annotation.Id == id);
    }

    [Fact]
    public async Task Blind_Annotator_Never_Receives_Others_Spans_Until_Reveal()
    {
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await SetVisibilityAsync(ana, "blind");
        await ana.JoinAsync(Doc);
        await ben.JoinAsync(Doc);
        var id = Guid.NewGuid().ToString();

        await ana.PutSpanAsync(Doc, id, "blockade", 0, 5);
        await Eventually.TrueAsync(() => ana.Changes.Any(c => c.Annotation.Id == id), "Ana receives her own span");
        await ben.SentinelAsync(Doc, 20, 25); // had Ana's span been pushed to Ben, it would have come first
        var benCatchUp = await ben.JoinAsync(Doc);
        var benList = await ben.Http.GetFromJsonAsync<AnnotationList>($"/api/documents/{Doc}/annotations");
        var peek = await ben.Http.GetAsync($"/api/documents/{Doc}/annotations?annotator={ana.UserId}");

        Assert.DoesNotContain(ben.Changes, c => c.Annotation.AnnotatorId == ana.UserId);
        Assert.DoesNotContain(benCatchUp.Changes, c => c.Annotation.AnnotatorId == ana.UserId);
        Assert.DoesNotContain(benList!.Items, a => a.AnnotatorId == ana.UserId);
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);

        await SetVisibilityAsync(ana, "reveal");
        await Eventually.TrueAsync(() => ben.VisibilityChanges.Contains("reveal"), "Ben is told of the reveal");
        var revealed = await ben.JoinAsync(Doc);

        Assert.Equal("reveal", revealed.Visibility);
        Assert.Contains(revealed.Changes, c => c.Annotation.Id == id);
    }

    [Fact]
    public async Task A_Client_Offline_While_Others_Work_Converges_By_Catching_Up()
    {
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await SetVisibilityAsync(ana, "open");
        var state = new Dictionary<string, Annotation>();
        var seen = (await ben.JoinAsync(Doc)).Changes.Aggregate(0L, (last, c) => Apply(state, c));
        await ben.Hub.StopAsync();

        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            ids.Add(Guid.NewGuid().ToString());
            await ana.PutSpanAsync(Doc, ids[^1], "security", i, i + 1);
        }

        for (var i = 0; i < 10; i++)
        {
            await ana.PutSpanAsync(Doc, ids[i], "economic", i, i + 1, version: 1);
        }

        for (var i = 10; i < 15; i++)
        {
            (await ana.Http.DeleteAsync($"/api/documents/{Doc}/annotations/{ids[i]}")).EnsureSuccessStatusCode();
        }

        await ben.Hub.StartAsync();
        var catchUp = await ben.JoinAsync(Doc, seen);
        foreach (var change in catchUp.Changes)
        {
            Apply(state, change);
        }

        var server = (await ana.Http.GetFromJsonAsync<AnnotationList>($"/api/documents/{Doc}/annotations"))!.Items;
        Assert.Equal(server.Select(Content).Order(), state.Values.Select(Content).Order());
        Assert.Equal(catchUp.LastSeq, catchUp.Changes[^1].Seq);
    }

    private static long Apply(Dictionary<string, Annotation> state, AnnotationChange change)
    {
        if (change.Kind == AnnotationChange.Delete)
        {
            state.Remove(change.Annotation.Id);
        }
        else
        {
            state[change.Annotation.Id] = change.Annotation;
        }

        return change.Seq;
    }

    private static string Content(Annotation a) => $"{a.Id}|{a.Layer}|{a.Label}|{a.Start}|{a.End}|{a.Version}";

    [Fact]
    public async Task Presence_Tells_Who_Is_On_A_Document_And_Where()
    {
        await using var ana = await HubUser.SignInAsync(app, "Ana Presence");
        await using var ben = await HubUser.SignInAsync(app, "Ben Presence");
        await ana.JoinAsync(Doc);

        var joined = await ben.JoinAsync(Doc);
        await ben.Hub.InvokeAsync("UpdatePresence", Doc, 3);
        await Eventually.TrueAsync(() => ana.Presence.Any(p => p.UserId == ben.UserId && p.Block == 3), "Ana sees Ben at block 3");
        await ben.Hub.InvokeAsync("LeaveDocument", Doc);
        await Eventually.TrueAsync(() => ana.Presence.Any(p => p.UserId == ben.UserId && !p.Present), "Ana sees Ben leave");

        Assert.Contains(joined.Present, p => p.UserId == ana.UserId);
    }

    // A mode change makes every page rejoin. A rejoin used to forget where that reader was (block null until their
    // page sent it again), so a page whose own rejoin was answered in between showed no marker for them.
    [Fact]
    public async Task A_Rejoin_Keeps_Where_The_Reader_Was()
    {
        await using var ana = await HubUser.SignInAsync(app, "Ana Rejoin");
        await using var ben = await HubUser.SignInAsync(app, "Ben Rejoin");
        await SetVisibilityAsync(ana, "open");
        await ana.JoinAsync(Doc);
        await ben.JoinAsync(Doc);
        await ben.Hub.InvokeAsync("UpdatePresence", Doc, 4);

        await ben.JoinAsync(Doc); // as after VisibilityChanged, before his page has said where he reads
        var rejoined = await ana.JoinAsync(Doc);

        Assert.Contains(rejoined.Present, p => p.UserId == ben.UserId && p.Block == 4);
    }

    [Fact]
    public async Task Joining_An_Unknown_Document_Or_With_A_Negative_Seq_Is_Refused()
    {
        await using var ana = await HubUser.SignInAsync(app, "Ana");

        var unknown = await Assert.ThrowsAsync<HubException>(() => ana.JoinAsync("no-such-document"));
        var negative = await Assert.ThrowsAsync<HubException>(() => ana.JoinAsync(Doc, -1));
        var notJoined = await Assert.ThrowsAsync<HubException>(() => ana.Hub.InvokeAsync("UpdatePresence", "other-document", 1));

        Assert.Contains("no document", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("0 or more", negative.Message, StringComparison.Ordinal);
        Assert.Contains("Join document", notJoined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Anonymous_Connection_Is_Refused()
    {
        app.StartServer();
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.ClientOptions.BaseAddress, "/hubs/annotations")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_Flood_From_One_User_Is_Throttled_Without_Slowing_Another()
    {
        // On the app's clock, frozen: on a loaded machine 300 calls took long enough on the real clock for the bucket
        // to refill as fast as they came (the test failed at load 50).
        using var frozen = new AnnotateApp { TestServices = s => s.AddSingleton<TimeProvider>(new Grades.ManualClock()) };
        await using var flooder = await HubUser.SignInAsync(frozen, "Flooder");
        await using var calm = await HubUser.SignInAsync(frozen, "Calm");
        await flooder.JoinAsync(Doc);
        await calm.JoinAsync(Doc);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            try
            {
                await flooder.Hub.InvokeAsync("UpdatePresence", Doc, i);
                return true;
            }
            catch (HubException)
            {
                return false;
            }
        }));
        await calm.Hub.InvokeAsync("UpdatePresence", Doc, 1);

        Assert.Contains(false, results);
        Assert.Contains(true, results);
    }

    [Fact]
    public async Task The_Flood_Limit_Follows_The_Apps_Clock_Not_The_Speed_Of_The_Machine()
    {
        // A frozen clock: the burst of 100 is all there is, however long the calls take on a loaded machine.
        var clock = new Grades.ManualClock();
        using var frozen = new AnnotateApp { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        await using var flooder = await HubUser.SignInAsync(frozen, "Flooder");
        await flooder.JoinAsync(Doc);

        async Task<int> AcceptedAsync(int calls)
        {
            var accepted = 0;
            for (var i = 0; i < calls; i++)
            {
                try
                {
                    await flooder.Hub.InvokeAsync("UpdatePresence", Doc, i);
                    accepted++;
                }
                catch (HubException)
                {
                }
            }

            return accepted;
        }

        // The join took one call of the burst.
        Assert.Equal(99, await AcceptedAsync(150));
        // A second of real time refills nothing while the app's clock stands still.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(0, await AcceptedAsync(5));
        // One second of the app's clock refills 20 calls, and no more.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(20, await AcceptedAsync(30));
    }

    [Fact]
    public async Task An_Oversized_Message_Closes_The_Connection()
    {
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        var closed = new TaskCompletionSource();
        ana.Hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var call = ana.Hub.InvokeAsync<object>("JoinDocument", new string('x', 100_000), 0);

        await Assert.ThrowsAnyAsync<Exception>(() => call);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, ana.Hub.State);
    }

    [Fact]
    public async Task A_Removed_User_Loses_The_Hub_At_Once()
    {
        await using var ana = await HubUser.SignInAsync(app, "Soon Removed");
        await ana.JoinAsync(Doc);
        await using (var connection = await new Annotate.Data.Db(app.DatabasePath).OpenAsync())
        {
            Assert.Equal(2, await Dapper.SqlMapper.ExecuteAsync(connection,
                "DELETE FROM ProjectMembers WHERE UserId = @Id; DELETE FROM Users WHERE Id = @Id AND NOT EXISTS (SELECT 1 FROM Annotations WHERE AnnotatorId = @Id);",
                new { Id = ana.UserId }));
        }

        var closed = new TaskCompletionSource();
        ana.Hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        // The server closes the connection as it refuses the call; the client may see either first.
        await Assert.ThrowsAnyAsync<Exception>(() => ana.JoinAsync(Doc));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, ana.Hub.State);
    }
}
