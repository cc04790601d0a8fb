using System.Net;
using System.Net.Http.Json;
using Annotate.Tests.Classroom;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Relations;

/// <summary>A class on a network server: the editing freeze holds relations too, and only curators write the gold layer's.</summary>
public sealed class RelationRolesTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_Discuss_Round_Freezes_Relation_Writes_And_A_Revise_Round_Opens_Them()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        await using var student = await HubUser.JoinClassAsync(app, code, "Ana");
        var ana = await RelationWork.CreateAsync(student);
        var relation = await ana.RelateAsync("said-by", ana.Claim, ana.Source);

        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "discuss" })).EnsureSuccessStatusCode();
        var put = await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "supports", source = ana.Claim, target = ana.OtherClaim });
        var delete = await ana.Http.DeleteAsync(RelationWork.Url(relation.Id));
        var spanDelete = await ana.Http.DeleteAsync($"/api/documents/{RelationWork.Doc}/annotations/{ana.Claim}");
        var listed = await ana.ListAsync();
        (await teacher.PostAsJsonAsync("/api/projects/default/rounds", new { kind = "revise" })).EnsureSuccessStatusCode();
        var reopened = await ana.Http.DeleteAsync(RelationWork.Url(relation.Id));

        Assert.Equal((HttpStatusCode)423, put.StatusCode);
        Assert.Contains("\"frozen\":true", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)423, delete.StatusCode);
        Assert.Equal((HttpStatusCode)423, spanDelete.StatusCode);
        Assert.Equal(relation.Id, Assert.Single(listed).Id);
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
    }

    [Fact]
    public async Task Curators_Relate_Gold_Spans_Only_And_Annotators_Cannot_Write_Gold_Relations()
    {
        var teacher = await ClassTeacher.SignInAsync(app);
        var code = await ClassTeacher.StartClassAsync(teacher);
        await using var student = await HubUser.JoinClassAsync(app, code, "Ana");
        var ana = await RelationWork.CreateAsync(student);
        var gold = await RelationWork.CreateAsync(teacher, gold: true);

        var created = await gold.RelateAsync("said-by", gold.Claim, gold.Source, path: "gold-relations");
        var ofAnnotator = await RelationWork.ErrorsAsync(await gold.PutAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = ana.Claim, target = gold.Source }, "gold-relations"));
        var goldInOwnLayer = await RelationWork.ErrorsAsync(await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = gold.Claim, target = gold.Source }));
        var byStudent = await ana.PutAsync(Guid.NewGuid().ToString(), new { type = "said-by", source = gold.Claim, target = gold.Source }, "gold-relations");
        var goldList = await gold.ListAsync("gold");
        var everyone = await gold.ListAsync();
        (await teacher.DeleteAsync($"/api/documents/{RelationWork.Doc}/gold/{gold.Claim}")).EnsureSuccessStatusCode();

        Assert.Equal("gold", created.AnnotatorId);
        Assert.Equal($"'{ana.Claim}' is not a gold span; a gold relation joins two gold spans.", ofAnnotator["source"][0]);
        Assert.Equal($"'{gold.Claim}' is not one of your spans; a relation joins two spans of its own author.", goldInOwnLayer["source"][0]);
        Assert.Equal(HttpStatusCode.Forbidden, byStudent.StatusCode);
        Assert.Equal(created.Id, Assert.Single(goldList).Id);
        Assert.DoesNotContain(everyone, r => r.AnnotatorId == "gold");
        Assert.Empty(await gold.ListAsync("gold")); // the gold span's deletion took its relation along
    }
}
