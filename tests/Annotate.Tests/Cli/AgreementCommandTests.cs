using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>`annotate agreement FILE`, run as a process, on Krippendorff (2011)'s reliability data.</summary>
public sealed class AgreementCommandTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", 4 observers × 12 units; blanks are missing.</summary>
    private string ReliabilityFile()
    {
        string?[][] rows =
        [
            ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null],
            ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"],
            [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null],
            ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null],
        ];
        var csv = new System.Text.StringBuilder("unit,coder,value,comment\n");
        for (var c = 0; c < rows.Length; c++)
        {
            for (var u = 0; u < rows[c].Length; u++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{u + 1},{(char)('A' + c)},{rows[c][u]},\"ignored, quoted\"\n");
            }
        }

        return Write("reliability.csv", csv.ToString());
    }

    [Theory]
    [InlineData("nominal", 0.743)]
    [InlineData("ordinal", 0.815)]
    [InlineData("interval", 0.849)]
    [InlineData("ratio", 0.797)]
    public async Task Json_Output_Reproduces_Krippendorffs_Published_Alphas(string level, double expected)
    {
        var (exitCode, output, _) = await AnnotateProcess.RunAsync("agreement", ReliabilityFile(), "--level", level, "--format", "json");

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(expected, report.GetProperty("krippendorffAlpha").GetDouble(), 3);
        Assert.Equal(12, report.GetProperty("units").GetInt32());
        Assert.Equal(4, report.GetProperty("coders").GetInt32());
        Assert.Equal(40, report.GetProperty("pairableValues").GetDouble());
        Assert.Equal(level, report.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("cohenKappa").ValueKind); // four coders
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("cohenKappa", StringComparison.Ordinal));
        foreach (var key in new[] { "percentAgreement", "observedDisagreement", "expectedDisagreement", "scottPi", "bennettS", "fleissKappa", "randolphKappa", "gwetAC1", "gwetAC2Linear", "gwetAC2Quadratic", "perCategory" })
        {
            Assert.True(report.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public async Task Two_Coders_Get_Cohens_Kappa_And_Labels_Get_No_Weights()
    {
        var path = Write("two.csv", "unit,coder,value\n1,ann,a\n1,ben,a\n2,ann,b\n2,ben,b\n3,ann,a\n3,ben,b\n4,ann,c\n4,ben,c\n");

        var (exitCode, output, _) = await AnnotateProcess.RunAsync("agreement", path, "--format", "json", "--categories", "a,b,c,d");

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Number, report.GetProperty("cohenKappa").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("cohenKappaLinear").ValueKind);
        Assert.Equal(0.75, report.GetProperty("percentAgreement").GetDouble(), 6);
        Assert.Equal((0.75 - 0.25) / 0.75, report.GetProperty("bennettS").GetDouble(), 6); // four declared categories
    }

    [Fact]
    public async Task The_Table_Is_Readable()
    {
        var (exitCode, output, _) = await AnnotateProcess.RunAsync("agreement", ReliabilityFile());

        Assert.Equal(0, exitCode);
        Assert.Contains("Krippendorff's alpha", output, StringComparison.Ordinal);
        Assert.Contains("0.743", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u,c,v\n1,a,x\n", "line 1: the header lacks")]
    [InlineData("unit,coder,value\nu1,a,x\nu1,a,y\n", "line 3: coder 'a' rates unit 'u1' a second time (first on line 2)")]
    [InlineData("unit,coder,value\nu1,,x\n", "line 2: a rating needs both a unit and a coder")]
    [InlineData("", "line 1: the file is empty")]
    public async Task A_Malformed_File_Names_The_Line_And_Exits_With_2(string content, string message)
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("agreement", Write("bad.csv", content));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Numeric_Level_Needs_Numbers()
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("agreement", Write("labels.csv", "unit,coder,value\nu1,a,x\nu1,b,y\n"), "--level", "interval");

        Assert.Equal(2, exitCode);
        Assert.Contains("line 2: 'x' is not a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Value_Outside_The_Declared_Categories_Is_Refused()
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("agreement", Write("c.csv", "unit,coder,value\nu1,a,x\nu1,b,z\n"), "--categories", "x,y");

        Assert.Equal(2, exitCode);
        Assert.Contains("line 3: 'z' is not one of the declared categories", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_Adds_A_95_Percent_Interval_Around_Alpha()
    {
        var (exitCode, output, error) = await AnnotateProcess.RunAsync("agreement", ReliabilityFile(), "--format", "json", "--bootstrap", "2000");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        var interval = report.GetProperty("ci95").GetProperty("krippendorffAlpha");
        Assert.InRange(report.GetProperty("krippendorffAlpha").GetDouble(), interval[0].GetDouble(), interval[1].GetDouble());
        Assert.True(interval[0].GetDouble() < interval[1].GetDouble());
    }

    [Fact]
    public async Task Without_Bootstrap_There_Is_No_Interval()
    {
        var (_, output, _) = await AnnotateProcess.RunAsync("agreement", ReliabilityFile(), "--format", "json");

        Assert.False(JsonDocument.Parse(output).RootElement.TryGetProperty("ci95", out _));
    }

    [Fact]
    public async Task Spans_Get_Unitizing_Alpha_F1_And_The_Disagreement_Breakdown()
    {
        // One continuum of 10 characters; coder a marks [2,6), coder b marks [3,6), both "x".
        // Worked by hand (see UnitizingAlphaTests): D_o = 0.01, D_e = 23/362, alpha_u = 969/1150.
        var path = Write("spans.csv", "doc,coder,start,end,label,comment\n,a,2,6,x,first\n,b,3,6,x,\n");

        var (exitCode, output, error) = await AnnotateProcess.RunAsync("agreement", "--spans", path, "--length", "10", "--format", "json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(969.0 / 1150, report.GetProperty("alphaU").GetDouble(), 9);
        Assert.Equal(969.0 / 1150, report.GetProperty("alphaUByLabel").GetProperty("x").GetDouble(), 9);
        Assert.Equal(0, report.GetProperty("spanF1Exact").GetDouble());
        Assert.Equal(1, report.GetProperty("spanF1Overlap").GetDouble());
        Assert.Equal(1, report.GetProperty("disagreements").GetProperty("boundary").GetInt32());
        Assert.Equal(0, report.GetProperty("disagreements").GetProperty("missed").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("tokenAlpha").ValueKind);
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("tokenAlpha", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Spans_Table_Is_Readable()
    {
        var path = Write("spans.csv", "doc,coder,start,end,label\nd1,a,0,5,x\nd1,b,0,5,x\nd1,b,7,9,y\n");

        var (exitCode, output, _) = await AnnotateProcess.RunAsync("agreement", "--spans", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("Unitizing alpha", output, StringComparison.Ordinal);
        Assert.Contains("1 missed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doc,coder,start,end\n", "line 1: the header lacks the column(s) label")]
    [InlineData("doc,coder,start,end,label\nd,a,5,5,x\n", "line 2: end (5) must be greater than start (5)")]
    [InlineData("doc,coder,start,end,label\nd,a,-1,5,x\n", "line 2: start '-1' is not a whole number")]
    [InlineData("doc,coder,start,end,label\nd,a,0,50,x\n", "lies outside the continuum [0, 20)")]
    [InlineData("doc,coder,start,end,label\nd,,0,5,x\n", "line 2: a span needs a coder and a label")]
    public async Task A_Malformed_Spans_File_Names_The_Line_And_Exits_With_2(string content, string message)
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("agreement", "--spans", Write("bad-spans.csv", content), "--length", "20");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly_One_Source_Is_Needed()
    {
        var both = await AnnotateProcess.RunAsync("agreement", ReliabilityFile(), "--spans", ReliabilityFile());
        var none = await AnnotateProcess.RunAsync("agreement");
        var tooFew = await AnnotateProcess.RunAsync("agreement", ReliabilityFile(), "--bootstrap", "10");

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("exactly one of", both.Error, StringComparison.Ordinal);
        Assert.Equal(2, none.ExitCode);
        Assert.Equal(2, tooFew.ExitCode);
        Assert.Contains("--bootstrap takes 100 to 1,000,000 samples", tooFew.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Project_Needs_An_Existing_Database_And_Project()
    {
        var noDatabase = await AnnotateProcess.RunAsync("agreement", "--project", "default", "--db", Path.Combine(folder, "none.db"));

        Assert.Equal(2, noDatabase.ExitCode);
        Assert.Contains("There is no database", noDatabase.Error, StringComparison.Ordinal);
    }
}
