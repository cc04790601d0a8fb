using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Api;

/// <summary>docs/api.md keeps up with the code: every route of the OpenAPI document is described there.</summary>
public sealed partial class ApiDocsTests
{
    [Fact]
    public async Task Every_Api_Route_In_The_OpenApi_Document_Is_Described_In_Api_Md()
    {
        using var app = new AnnotateApp();
        var openApi = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "api.md"));
        // The docs name parameters as they read best ({p}, {id}); compare shapes, not names.
        var described = DocumentedRoute().Matches(docs).Select(m => Shape(m.Groups["path"].Value)).ToHashSet(StringComparer.Ordinal);

        var routes = openApi.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var missing = routes
            .SelectMany(p => p.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {p.Name}"))
            .Where(route => !described.Contains(Shape(route.Split(' ')[1])))
            .ToList();

        Assert.True(routes.Count > 30, $"only {routes.Count} routes in the OpenAPI document");
        Assert.True(missing.Count == 0, "Routes missing from docs/api.md:\n" + string.Join('\n', missing));
    }

    private static string Shape(string path) => Parameter().Replace(path.TrimEnd('/'), "{}");

    [GeneratedRegex(@"(?<path>/api/[^\s`?|\]\[)]*)")]
    private static partial Regex DocumentedRoute();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
