using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Frontend;

/// <summary>The served front end is esbuild's minified bundle, with a source map that leads back to the TypeScript.</summary>
public sealed class BundleTests
{
    [Fact]
    public async Task The_Page_Loads_A_Minified_Bundle_Whose_Source_Map_Holds_The_TypeScript()
    {
        using var app = new AnnotateApp();
        var client = app.AnonymousClient();

        var page = await client.GetStringAsync("/");
        var bundle = await client.GetStringAsync("/js/app.js");
        using var map = JsonDocument.Parse(await client.GetStringAsync("/js/app.js.map"));

        Assert.Contains("<script type=\"module\" src=\"/js/app.js\"></script>", page, StringComparison.Ordinal);
        // Minified, the bundle is a few very long lines; unminified it is thousands.
        var lines = bundle.Split('\n').Length;
        Assert.True(lines < 100, $"/js/app.js has {lines} lines: not minified?");
        Assert.EndsWith("//# sourceMappingURL=app.js.map", bundle.TrimEnd(), StringComparison.Ordinal);
        var sources = map.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("../../scripts/main.ts", sources);
        Assert.Equal(sources.Count, map.RootElement.GetProperty("sourcesContent").GetArrayLength());
    }
}
