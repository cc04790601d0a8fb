using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;
using Annotate.Tests.Relations;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Tests.Agreement;

/// <summary>Relation agreement in the project report: over HTTP, from the command line, and after a relation is saved.</summary>
public sealed class RelationAgreementApiTests
{
    private const string Password = "relation agreement curator passphrase";

    private static async Task<JsonElement> ReportAsync(HubUser user)
    {
        var response = await user.Http.GetAsync("/api/projects/default/agreement");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Type(JsonElement relations, string type) =>
        relations.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("type").GetString() == type);

    private static async Task<JsonElement> ProjectFromCommandLineAsync(AnnotateApp app)
    {
        var (exit, output, error) = await AnnotateProcess.RunAsync("agreement", "--project", "default", "--db", app.DatabasePath, "--format", "json");
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public async Task Relation_Agreement_Per_Type_Leaves_Out_The_Gold_Layer_And_Follows_Each_Save()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await RelationWork.SetVisibilityAsync(ana, "open");
        var (added, _, addError) = await AnnotateProcess.RunWithInputAsync(Password, "user", "add", "cora", "--db", app.DatabasePath);
        Assert.True(added == 0, addError);
        var (member, _, memberError) = await AnnotateProcess.RunAsync("project", "add-member", "default", "cora", "--role", "curator", "--db", app.DatabasePath);
        Assert.True(member == 0, memberError);
        await using var cora = await HubUser.SignInWithPasswordAsync(app, "cora", Password);

        // Both mark the same five spans. Ana: said-by Claim→Source, supports Claim→OtherClaim, restates OtherClaim–Denial.
        // Ben: said-by Claim→Source, attacks Claim→OtherClaim, restates Denial–OtherClaim (undirected: the same link).
        var anas = await RelationWork.CreateAsync(ana);
        await anas.RelateAsync("said-by", anas.Claim, anas.Source);
        await anas.RelateAsync("supports", anas.Claim, anas.OtherClaim);
        await anas.RelateAsync("restates", anas.OtherClaim, anas.Denial);
        var bens = await RelationWork.CreateAsync(ben);
        await bens.RelateAsync("said-by", bens.Claim, bens.Source);
        await bens.RelateAsync("attacks", bens.Claim, bens.OtherClaim);
        await bens.RelateAsync("restates", bens.Denial, bens.OtherClaim);
        // The gold layer is no annotator: its relation must change nothing.
        var gold = await RelationWork.CreateAsync(cora.Http, gold: true);
        await gold.RelateAsync("denies", gold.Denial, gold.Claim, path: "gold-relations");

        var report = await ReportAsync(ana);
        var relations = report.GetProperty("relations");

        // Hand-computed. F1: said-by 1 of 1 + 1, restates 1 of 1 + 1, supports 0 of 1, attacks 0 of 1: 2·2/6 overall.
        // Alpha over types, units (Claim,Source) said-by/said-by, (Claim,OtherClaim) supports/attacks, {OtherClaim,Denial}
        // restates/restates: n = 6, D_o = 2/6, D_e = (36 − (4 + 4 + 1 + 1))/30 = 26/30, α = 1 − 10/26 = 8/13.
        Assert.Equal(6, relations.GetProperty("relations").GetInt32());
        Assert.Equal(4.0 / 6, relations.GetProperty("relationF1Exact").GetDouble(), 12);
        Assert.Equal(4.0 / 6, relations.GetProperty("relationF1Overlap").GetDouble(), 12);
        Assert.Equal(8.0 / 13, relations.GetProperty("typeAlpha").GetDouble(), 12);
        Assert.Equal(3, relations.GetProperty("sharedPairs").GetInt32());
        Assert.Equal(["said-by", "denies", "supports", "attacks", "restates"], relations.GetProperty("byType").EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        Assert.Equal(1.0, Type(relations, "said-by").GetProperty("relationF1Exact").GetDouble());
        Assert.Equal(1.0, Type(relations, "restates").GetProperty("relationF1Overlap").GetDouble());
        Assert.False(Type(relations, "restates").GetProperty("directed").GetBoolean());
        Assert.Equal(0.0, Type(relations, "supports").GetProperty("relationF1Exact").GetDouble());
        Assert.Equal(0, Type(relations, "denies").GetProperty("relations").GetInt32());
        Assert.Equal(JsonValueKind.Null, Type(relations, "denies").GetProperty("relationF1Exact").ValueKind);
        Assert.Equal("Said by", Type(relations, "said-by").GetProperty("name").GetString());

        // The command line streams the project document by document: the same figures.
        Assert.True(JsonElement.DeepEquals(relations, (await ProjectFromCommandLineAsync(app)).GetProperty("relations")), "the app and `annotate agreement --project` differ");

        // A relation saved moves the revision, tells viewers, and the next report has it: supports now matches too (3 of 7).
        await ana.Hub.InvokeAsync("WatchAgreement", "default");
        await bens.RelateAsync("supports", bens.Claim, bens.OtherClaim);
        await Eventually.TrueAsync(() => ana.AgreementUpdates.Any(u => u.DocumentIds.Contains(RelationWork.Doc)), "the viewer is told the relations changed");
        var after = await ReportAsync(ana);
        Assert.True(after.GetProperty("revision").GetInt64() > report.GetProperty("revision").GetInt64());
        Assert.Equal(6.0 / 7, after.GetProperty("relations").GetProperty("relationF1Exact").GetDouble(), 12);
        Assert.True(JsonElement.DeepEquals(after.GetProperty("relations"), (await ProjectFromCommandLineAsync(app)).GetProperty("relations")), "incremental and full computations differ");
    }

    [Fact]
    public async Task A_Project_Without_Relations_Says_Why_Its_Relation_Figures_Are_Missing()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await RelationWork.SetVisibilityAsync(ana, "open");
        await RelationWork.CreateAsync(ana);

        var report = await ReportAsync(ana);
        var relations = report.GetProperty("relations");

        Assert.Equal(0, relations.GetProperty("relations").GetInt32());
        Assert.Equal(JsonValueKind.Null, relations.GetProperty("typeAlpha").ValueKind);
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString() == "Relations: typeAlpha: no relations");
    }
}
