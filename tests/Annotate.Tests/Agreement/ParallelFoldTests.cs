using System.Net.Http.Json;
using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Projects;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Agreement;

/// <summary>
/// Documents computed on every core, ahead of the fold (issue 15, point 4), are still added in document order: the
/// report is the one of computing them one after another, byte for byte as `annotate agreement --format json` prints it.
/// </summary>
public sealed class ParallelFoldTests
{
    [Fact]
    public async Task Computing_Documents_In_Parallel_Prints_The_Same_Json_As_One_After_Another()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await using var cem = await HubUser.SignInAsync(app, "Cem");
        await using var dia = await HubUser.SignInAsync(app, "Dia");
        foreach (var (user, group) in new[] { (ana, "a"), (ben, "b"), (cem, "a"), (dia, "b") })
            (await user.Http.PutAsJsonAsync("/api/projects/default/annotators/me/attributes", new { attributes = new { group } })).EnsureSuccessStatusCode();
        // Many more documents than are computed ahead of the fold, each with spans in every span layer and a document label.
        await AgreementSeed.SeedAsync(app, [ana.UserId, ben.UserId, cem.UserId, dia.UserId], documents: 120, spansPerAnnotator: 8);
        var store = app.Services.GetRequiredService<AgreementStore>();
        var project = (await app.Services.GetRequiredService<ProjectStore>().GetAsync("default", CancellationToken.None))!;
        Assert.True(120 > PiecesAhead.Ahead);

        foreach (var options in new[] { new AgreementOptions(), new AgreementOptions(GroupBy: "group") })
        {
            var sequential = await ProjectAgreement.ComputeAsync(store, project, null, options, CancellationToken.None, parallel: false);
            var parallel = await ProjectAgreement.ComputeAsync(store, project, null, options, CancellationToken.None, parallel: true);

            Assert.Equal(120, sequential.Documents.Count);
            Assert.True(sequential.Layers.Count(l => l.Spans is not null) >= 2, "several span layers");
            Assert.Equal(JsonSerializer.Serialize(sequential, AgreementJson.Options), JsonSerializer.Serialize(parallel, AgreementJson.Options));
        }
    }
}
