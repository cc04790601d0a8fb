using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Frontend;

/// <summary>
/// The front end's hand-written wire types (src/Annotate/scripts/api) match what the server documents: the running
/// app's /openapi/v1.json becomes TypeScript through openapi-typescript, and scripts/wire/contract.ts asserts at
/// compile time that each wire type has the same properties with the same JSON types (`npm run wire`).
/// </summary>
public sealed class WireTypesTests
{
    [Fact]
    public async Task The_Front_End_Wire_Types_Match_The_OpenApi_Document()
    {
        using var app = new AnnotateApp();
        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        Directory.CreateDirectory(Path.Combine(Npm.FrontendFolder, "obj"));
        await File.WriteAllTextAsync(Path.Combine(Npm.FrontendFolder, "obj", "openapi.json"), document);

        var (exitCode, report) = await Npm.RunAsync("run wire --silent");

        Assert.True(exitCode == 0, $"The wire types drifted from /openapi/v1.json (npm run wire exited with {exitCode}):\n{report}");
    }
}
