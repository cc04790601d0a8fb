using System.Text;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>`annotate agreement FILE --distance MATRIX.csv`: custom distances between nominal categories.</summary>
public sealed class AgreementDistanceCommandTests : IDisposable
{
    private const string Matrix = "a,b,distance\nstat,ireq,1\nchck,stat,0.5\nchck,ireq,0.5\n";

    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Artstein &amp; Poesio (2008), §2.6: see <see cref="Agreement.CategoryDistancesTests.ArtsteinPoesio"/>.</summary>
    private string ArtsteinPoesioFile()
    {
        var csv = new StringBuilder("unit,coder,value\n");
        var u = 0;
        foreach (var (count, a, b) in new[] { (46, "stat", "stat"), (6, "ireq", "stat"), (32, "ireq", "ireq"), (6, "ireq", "chck"), (10, "chck", "chck") })
        {
            for (var i = 0; i < count; i++, u++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{u},A,{a}\n{u},B,{b}\n");
            }
        }

        return Write("dialogue-acts.csv", csv.ToString());
    }

    [Fact]
    public async Task Artstein_And_Poesio_Distances_Give_Their_Alpha_And_Weighted_Kappa()
    {
        var (exitCode, output, error) = await AnnotateProcess.RunAsync("agreement", ArtsteinPoesioFile(), "--distance", Write("acts.csv", Matrix), "--format", "json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("custom", report.GetProperty("distance").GetString());
        Assert.Equal("acts.csv", report.GetProperty("distanceFile").GetString());
        Assert.Equal(0.8156, report.GetProperty("krippendorffAlpha").GetDouble(), 4);
        Assert.Equal(0.8163, report.GetProperty("cohenKappaWeighted").GetDouble(), 4);
        Assert.Equal(JsonValueKind.Number, report.GetProperty("gwetAC2Weighted").ValueKind);
    }

    [Fact]
    public async Task Without_Distances_The_Json_Names_The_Level()
    {
        var (_, output, _) = await AnnotateProcess.RunAsync("agreement", ArtsteinPoesioFile(), "--format", "json");

        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("nominal", report.GetProperty("distance").GetString());
        Assert.False(report.TryGetProperty("cohenKappaWeighted", out _));
        Assert.False(report.TryGetProperty("distanceFile", out _));
    }

    [Fact]
    public async Task The_Table_Shows_The_Weighted_Figures()
    {
        var (exitCode, output, _) = await AnnotateProcess.RunAsync("agreement", ArtsteinPoesioFile(), "--distance", Write("acts.csv", Matrix));

        Assert.Equal(0, exitCode);
        Assert.Contains("distance custom (acts.csv)", output, StringComparison.Ordinal);
        Assert.Contains("Cohen's kappa, distances", output, StringComparison.Ordinal);
        Assert.Contains("0.816", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b,distance\nstat,ireq,1\nireq,stat,0.5\n", "acts.csv: line 3: the distance between 'ireq' and 'stat' is 0.5 here but 1 on line 2; distances must be symmetric")]
    [InlineData("a,b,distance\nstat,ireq,1\nchck,stat,0.5\n", "no distance between 'chck' and 'ireq'")]
    [InlineData("a,b,distance\nstat,stat,0.5\n", "acts.csv: line 2: the distance of 'stat' from itself must be 0")]
    [InlineData("a,b,distance\nstat,ireq,-1\n", "acts.csv: line 2: distance '-1' must be a finite number of 0 or more")]
    [InlineData("a,b,distance\nstat,ireq,far\n", "acts.csv: line 2: distance 'far' is not a number")]
    [InlineData("a,b,distance\nstat,,1\n", "acts.csv: line 2: a distance needs both categories")]
    [InlineData("from,to,distance\n", "acts.csv: line 1: the header lacks the column(s) a, b")]
    [InlineData("", "acts.csv: line 1: the file is empty")]
    public async Task A_Bad_Matrix_Names_The_Line_Or_Pair_And_Exits_With_2(string matrix, string message)
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("agreement", ArtsteinPoesioFile(), "--distance", Write("acts.csv", matrix));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_Categories_Need_Distances_Too()
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync(
            "agreement", ArtsteinPoesioFile(), "--distance", Write("acts.csv", Matrix), "--categories", "stat,ireq,chck,other");

        Assert.Equal(2, exitCode);
        Assert.Contains("no distance between 'stat' and 'other'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Distances_Go_With_Labels_And_A_Ratings_File_Only()
    {
        var withLevel = await AnnotateProcess.RunAsync("agreement", ArtsteinPoesioFile(), "--distance", Write("acts.csv", Matrix), "--level", "interval");
        var withSpans = await AnnotateProcess.RunAsync("agreement", "--spans", ArtsteinPoesioFile(), "--distance", Write("acts.csv", Matrix));

        Assert.Equal(2, withLevel.ExitCode);
        Assert.Contains("--distance replaces the difference function of --level interval", withLevel.Error, StringComparison.Ordinal);
        Assert.Equal(2, withSpans.ExitCode);
        Assert.Contains("--distance goes with a ratings FILE", withSpans.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_Uses_The_Distances()
    {
        var (exitCode, output, error) = await AnnotateProcess.RunAsync(
            "agreement", ArtsteinPoesioFile(), "--distance", Write("acts.csv", Matrix), "--bootstrap", "1000", "--format", "json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        var interval = report.GetProperty("ci95").GetProperty("krippendorffAlpha");
        Assert.InRange(report.GetProperty("krippendorffAlpha").GetDouble(), interval[0].GetDouble(), interval[1].GetDouble());
    }
}
