using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Cli;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Agreement;

/// <summary>
/// Data where coefficients are undefined (one coder, one unit, one category, nothing pairable, constant values, a
/// single span) gives a well-formed answer everywhere: numbers are finite or null, a null has a note, nothing
/// crashes, the command line exits 0.
/// </summary>
public sealed class DegenerateInputTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    public static TheoryData<string, string> Ratings => new()
    {
        { "one coder", "unit,coder,value\nu1,a,x\nu2,a,y\nu3,a,x\n" },
        { "one unit", "unit,coder,value\nu1,a,x\nu1,b,x\nu1,c,y\n" },
        { "one category", "unit,coder,value\nu1,a,x\nu1,b,x\nu2,a,x\nu2,b,x\n" },
        { "one rating per unit", "unit,coder,value\nu1,a,x\nu2,b,y\nu3,a,x\n" },
        { "all missing", "unit,coder,value\nu1,a,\nu1,b,\nu2,a,\n" },
        { "constant numbers", "unit,coder,value\nu1,a,3\nu1,b,3\nu2,a,3\nu2,b,3\n" },
        { "one rating", "unit,coder,value\nu1,a,x\n" },
    };

    public static TheoryData<string, string> Spans => new()
    {
        { "a single span", "doc,coder,start,end,label\nd1,a,0,5,x\n" },
        { "one coder", "doc,coder,start,end,label\nd1,a,0,5,x\nd1,a,6,9,y\n" },
        { "identical spans", "doc,coder,start,end,label\nd1,a,0,5,x\nd1,b,0,5,x\n" },
        { "whole text, one label", "doc,coder,start,end,label\nd1,a,0,10,x\nd1,b,0,10,x\n" },
    };

    [Theory]
    [MemberData(nameof(Ratings))]
    public async Task Ratings_Where_Coefficients_Are_Undefined_Give_Nulls_With_Notes(string name, string csv)
    {
        foreach (var level in new[] { "nominal", "ordinal", "interval", "ratio" })
        {
            if (level != "nominal" && csv.Contains(",x", StringComparison.Ordinal))
            {
                continue; // words are not numbers; that refusal is tested elsewhere
            }

            var (exit, output, error) = await RunAsync("agreement", Write(csv), "--level", level, "--format", "json");
            var (textExit, text, _) = await RunAsync("agreement", Write(csv), "--level", level, "--bootstrap", "200");

            Assert.True(exit == 0, $"{name}, {level}: {error}");
            AssertWellFormed(JsonDocument.Parse(output).RootElement, name);
            Assert.Equal(0, textExit);
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("∞", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public async Task Spans_Where_Coefficients_Are_Undefined_Give_Nulls_With_Notes(string name, string csv)
    {
        var (exit, output, error) = await RunAsync("agreement", "--spans", Write(csv), "--length", "10", "--format", "json");
        var (textExit, text, _) = await RunAsync("agreement", "--spans", Write(csv), "--length", "10");

        Assert.True(exit == 0, $"{name}: {error}");
        AssertWellFormed(JsonDocument.Parse(output).RootElement, name);
        Assert.Equal(0, textExit);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_Agreement_Endpoint_Answers_A_Project_With_One_Label_And_One_Span()
    {
        using var app = new AnnotateApp();
        const string doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        (await ana.Http.PutAsJsonAsync($"/api/documents/{doc}/labels/{Guid.NewGuid()}", new { layer = "stance", label = "neutral" })).EnsureSuccessStatusCode();
        await ben.PutSpanAsync(doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        (await ana.Http.PatchAsJsonAsync("/api/projects/default", new { visibility = "open" })).EnsureSuccessStatusCode();

        foreach (var url in new[]
        {
            "/api/projects/default/agreement", $"/api/projects/default/agreement?document={doc}", "/api/projects/default/agreement?bootstrap=200",
            "/api/projects/default/agreement?groupBy=group", $"/api/documents/{doc}/agreement/text", $"/api/documents/{doc}/agreement/text?layer=stance",
        })
        {
            var response = await ana.Http.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            AssertWellFormed(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, url);
        }
    }

    private string Write(string content)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AnnotateCli.RunAsync(args, _ => throw new InvalidOperationException("serve must not run"), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Parsed JSON holds only finite numbers, and a report's null coefficient has a note saying why: a report (an
    /// object with notes) explains its own nulls and its layers' (rows of a breakdown — a label nobody used, a pair
    /// with nothing in common — speak for themselves through their counts).
    /// </summary>
    private static void AssertWellFormed(JsonElement element, string context)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.True(double.IsFinite(element.GetDouble()), context);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    AssertWellFormed(item, context);
                break;
            case JsonValueKind.Object:
                if (element.TryGetProperty("notes", out var notes))
                {
                    var own = element.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Null && IsCoefficient(p.Name));
                    var layers = element.TryGetProperty("layers", out var list) ? list.EnumerateArray()
                        .Where(l => l.TryGetProperty("spans", out var spans) && spans.ValueKind == JsonValueKind.Object)
                        .SelectMany(l => l.GetProperty("spans").EnumerateObject()).Where(p => p.Value.ValueKind == JsonValueKind.Null && IsCoefficient(p.Name)) : [];
                    var unexplained = own.Concat(layers).Select(p => p.Name).ToList();
                    Assert.True(unexplained.Count == 0 || notes.GetArrayLength() > 0, $"{context}: {string.Join(", ", unexplained)} null without a note in {element}");
                }

                foreach (var property in element.EnumerateObject())
                    AssertWellFormed(property.Value, context);
                break;
        }
    }

    private static bool IsCoefficient(string name) =>
        name is "krippendorffAlpha" or "percentAgreement" or "cohenKappa" or "scottPi" or "bennettS" or "fleissKappa" or "randolphKappa" or "gwetAC1"
            or "alphaU" or "tokenAlpha";
}
