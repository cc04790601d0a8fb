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
}
