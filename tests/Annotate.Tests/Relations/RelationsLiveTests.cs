using System.Collections.Concurrent;
using Annotate.Relations;
using Annotate.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Relations;

/// <summary>Relation changes reach, through the committed-change stream and the real SignalR client, exactly those who see the author's spans.</summary>
public sealed class RelationsLiveTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static ConcurrentQueue<RelationChange> Listen(HubUser user)
    {
        var heard = new ConcurrentQueue<RelationChange>();
        user.Hub.On<RelationChange>("RelationChanged", heard.Enqueue);
        return heard;
    }

    [Fact]
    public async Task Open_Mode_Pushes_Each_Relation_Change_Once_In_The_Documents_Sequence()
    {
        await using var anaUser = await HubUser.SignInAsync(app, $"Ana {Guid.NewGuid():N}");
        await using var benUser = await HubUser.SignInAsync(app, $"Ben {Guid.NewGuid():N}");
        await RelationWork.SetVisibilityAsync(anaUser, "open");
        var ana = await RelationWork.CreateAsync(anaUser);
        var benHeard = Listen(benUser);
        var joined = await benUser.JoinAsync(RelationWork.Doc);

        var relation = await ana.RelateAsync("said-by", ana.Claim, ana.Source, new { mode = "paraphrase" });
        await ana.PutAsync(relation.Id, new { type = "said-by", source = ana.Claim, target = ana.Source, attributes = new { mode = "paraphrase" } }); // a retry: no second push
        var other = await ana.RelateAsync("supports", ana.Claim, ana.OtherClaim);
        (await anaUser.Http.DeleteAsync(RelationWork.Url(relation.Id))).EnsureSuccessStatusCode();
        (await anaUser.Http.DeleteAsync($"/api/documents/{RelationWork.Doc}/annotations/{ana.OtherClaim}")).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => benHeard.Any(c => c.Relation.Id == other.Id && c.Kind == "delete"), "Ben hears the cascade of the span's deletion");

        var changes = benHeard.ToList();
        Assert.Equal([(relation.Id, "upsert"), (other.Id, "upsert"), (relation.Id, "delete"), (other.Id, "delete")], changes.Select(c => (c.Relation.Id, c.Kind)));
        Assert.Equal("paraphrase", changes[0].Relation.Attributes["mode"].GetString());
        Assert.Equal(ana.Claim, changes[1].Relation.Source);
        // One numbering for spans and relations: with the span's tombstone between them, Ben's seqs leave no gap.
        var seqs = changes.Select(c => c.Seq).Concat(benUser.Changes.Where(c => c.Seq > joined.LastSeq).Select(c => c.Seq)).Order().ToList();
        Assert.Equal(Enumerable.Range((int)joined.LastSeq + 1, seqs.Count).Select(s => (long)s), seqs);
    }

    [Fact]
    public async Task A_Blind_Annotator_Never_Receives_Anothers_Relations_Until_Reveal()
    {
        await using var anaUser = await HubUser.SignInAsync(app, $"Ana {Guid.NewGuid():N}");
        await using var benUser = await HubUser.SignInAsync(app, $"Ben {Guid.NewGuid():N}");
        await RelationWork.SetVisibilityAsync(anaUser, "blind");
        var ana = await RelationWork.CreateAsync(anaUser);
        var (anaHeard, benHeard) = (Listen(anaUser), Listen(benUser));
        await anaUser.JoinAsync(RelationWork.Doc);
        await benUser.JoinAsync(RelationWork.Doc);

        var relation = await ana.RelateAsync("said-by", ana.Claim, ana.Source);
        await Eventually.TrueAsync(() => anaHeard.Any(c => c.Relation.Id == relation.Id), "Ana hears her own relation");
        await benUser.SentinelAsync(RelationWork.Doc, 200, 210); // had Ana's relation been pushed to Ben, it would have come first
        var blindJoin = await benUser.JoinAsync(RelationWork.Doc);
        await RelationWork.SetVisibilityAsync(anaUser, "reveal");
        var revealed = await benUser.JoinAsync(RelationWork.Doc);

        Assert.Empty(benHeard);
        Assert.DoesNotContain(blindJoin.Relations, r => r.Relation.AnnotatorId == anaUser.UserId);
        Assert.Contains(revealed.Relations, r => r.Relation.Id == relation.Id && r.Kind == "upsert");
        await RelationWork.SetVisibilityAsync(anaUser, "open");
    }
}
