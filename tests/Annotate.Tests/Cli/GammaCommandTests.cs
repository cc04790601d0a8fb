using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>`annotate agreement --spans FILE --gamma`, run as a process.</summary>
public sealed class GammaCommandTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    // pygamma-agreement's tests/data/AlexPaulSuzan.csv as a spans file; alpha = 3 gives observed disorder 0.960625
    // (pygamma: 0.96 ± 1%, see GammaTests).
    private string AlexPaulSuzan() => Write("aps.csv", """
        doc,coder,start,end,label
        d,Alex,2,9,1
        d,Alex,11,17,2
        d,Alex,24,30,5
        d,Alex,32,36,6
        d,Alex,36,44,6
        d,Alex,44,60,7
        d,Paul,2,9,1
        d,Paul,11,17,3
        d,Paul,19,25,5
        d,Paul,32,44,6
        d,Suzan,2,9,1
        d,Suzan,11,17,4
        d,Suzan,21,27,5
        d,Suzan,32,36,6
        d,Suzan,36,40,6
        d,Suzan,40,44,6

        """);

    [Fact]
    public async Task Gamma_Adds_Its_Keys_To_The_Spans_Report()
    {
        var (exitCode, output, error) = await AnnotateProcess.RunAsync("agreement", "--spans", AlexPaulSuzan(), "--gamma", "--gamma-alpha", "3", "--gamma-samples", "50", "--seed", "4772", "--format", "json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0.960625, report.GetProperty("gammaObservedDisorder").GetDouble(), 9);
        var expected = report.GetProperty("gammaExpectedDisorder").GetDouble();
        Assert.Equal(1 - (0.960625 / expected), report.GetProperty("gamma").GetDouble(), 9);
        Assert.True(report.GetProperty("gammaPrecision").GetDouble() > 0);
        Assert.Equal(50, report.GetProperty("gammaSamples").GetInt32());
        Assert.True(report.TryGetProperty("alphaU", out _));
    }

    [Fact]
    public async Task The_Same_Seed_Gives_The_Same_Gamma()
    {
        var file = AlexPaulSuzan();

        var one = await AnnotateProcess.RunAsync("agreement", "--spans", file, "--gamma", "--seed", "9", "--format", "json");
        var two = await AnnotateProcess.RunAsync("agreement", "--spans", file, "--gamma", "--seed", "9", "--format", "json");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(JsonDocument.Parse(one.Output).RootElement.GetProperty("gamma").GetDouble(), JsonDocument.Parse(two.Output).RootElement.GetProperty("gamma").GetDouble());
    }

    [Fact]
    public async Task Identical_Annotations_Give_Gamma_Exactly_One_In_Json_And_Table()
    {
        var file = Write("same.csv", "doc,coder,start,end,label\nd,a,0,5,x\nd,b,0,5,x\nd,a,8,12,y\nd,b,8,12,y\n");

        var json = await AnnotateProcess.RunAsync("agreement", "--spans", file, "--gamma", "--format", "json");
        var table = await AnnotateProcess.RunAsync("agreement", "--spans", file, "--gamma");

        Assert.Equal(1.0, JsonDocument.Parse(json.Output).RootElement.GetProperty("gamma").GetDouble());
        Assert.Equal(0.0, JsonDocument.Parse(json.Output).RootElement.GetProperty("gammaObservedDisorder").GetDouble());
        Assert.Contains("Gamma                        1.000", table.Output, StringComparison.Ordinal);
        Assert.Contains("observed disorder 0.000", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Gamma_The_Report_Has_No_Gamma_Keys()
    {
        var (_, output, _) = await AnnotateProcess.RunAsync("agreement", "--spans", AlexPaulSuzan(), "--format", "json");

        Assert.False(JsonDocument.Parse(output).RootElement.TryGetProperty("gamma", out _));
    }

    [Theory]
    [InlineData("--gamma-samples", "0", "--gamma-samples takes 1 to 10,000 samples; 0 was given.")]
    [InlineData("--gamma-samples", "10001", "--gamma-samples takes 1 to 10,000 samples; 10001 was given.")]
    [InlineData("--gamma-alpha", "-1", "--gamma-alpha and --gamma-beta are weights of 0 or more.")]
    [InlineData("--gamma-beta", "-0.5", "--gamma-alpha and --gamma-beta are weights of 0 or more.")]
    [InlineData("--gamma-sampler", "other", "--gamma-sampler takes statistical or shuffle; 'other' was given.")]
    public async Task Bad_Gamma_Settings_Exit_With_2_And_A_Reason(string option, string value, string message)
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("agreement", "--spans", AlexPaulSuzan(), "--gamma", option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task Gamma_Settings_Need_Gamma_And_Gamma_Needs_Spans()
    {
        var settingsAlone = await AnnotateProcess.RunAsync("agreement", "--spans", AlexPaulSuzan(), "--gamma-alpha", "2");
        var seedAlone = await AnnotateProcess.RunAsync("agreement", "--spans", AlexPaulSuzan(), "--seed", "2");
        var ratings = await AnnotateProcess.RunAsync("agreement", Write("r.csv", "unit,coder,value\nu,a,1\nu,b,1\n"), "--gamma");

        Assert.Equal(2, settingsAlone.ExitCode);
        Assert.Contains("add --gamma", settingsAlone.Error, StringComparison.Ordinal);
        Assert.Equal(2, seedAlone.ExitCode);
        Assert.Equal(2, ratings.ExitCode);
        Assert.Contains("--gamma applies to --spans FILE", ratings.Error, StringComparison.Ordinal);
    }
}
