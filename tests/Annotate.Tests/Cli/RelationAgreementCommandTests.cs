using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>`annotate agreement --relations FILE`, run as a process, on the worked example of RelationAgreementTests.</summary>
public sealed class RelationAgreementCommandTests : IDisposable
{
    private const string Header = "doc,coder,type,source_start,source_end,source_label,target_start,target_end,target_label,directed\n";

    // RelationAgreementTests' worked example: F1 exact 4/9, overlap 6/9, alpha over types 6/11 on 3 shared pairs.
    private const string Example = Header + """
        d,A,said-by,0,5,claim,10,15,source,true
        d,A,said-by,20,25,claim,30,35,source,true
        d,A,with,0,5,claim,30,35,source,false
        d,A,said-by,10,15,source,30,35,source,true
        d,B,said-by,0,5,claim,10,15,source,true
        d,B,said-by,21,25,claim,30,35,source,true
        d,B,with,30,35,source,0,5,claim,false
        d,B,said-by,30,35,source,10,15,source,true
        d,B,denies,10,15,source,30,35,source,
        """;

    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Relations_Get_F1_Per_Type_And_Overall_And_Alpha_Over_Types()
    {
        var (exitCode, output, error) = await AnnotateProcess.RunAsync("agreement", "--relations", Write("relations.csv", Example), "--format", "json");

        Assert.True(exitCode == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(9, report.GetProperty("relations").GetInt32());
        Assert.Equal(2, report.GetProperty("coders").GetInt32());
        Assert.Equal(4.0 / 9, report.GetProperty("relationF1Exact").GetDouble(), 12);
        Assert.Equal(6.0 / 9, report.GetProperty("relationF1Overlap").GetDouble(), 12);
        Assert.Equal(6.0 / 11, report.GetProperty("typeAlpha").GetDouble(), 12);
        Assert.Equal(3, report.GetProperty("sharedPairs").GetInt32());
        var saidBy = report.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "said-by");
        Assert.Equal(2.0 / 6, saidBy.GetProperty("relationF1Exact").GetDouble(), 12);
        Assert.Equal(4.0 / 6, saidBy.GetProperty("relationF1Overlap").GetDouble(), 12);
        Assert.False(report.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "with").GetProperty("directed").GetBoolean());
    }

    [Fact]
    public async Task A_Coder_Who_Drew_Nothing_Is_Listed_And_End_Labels_Can_Be_Required()
    {
        // C annotated d and drew nothing: pairs A–B (1 match of 2), A–C and B–C (0 of 1 each): 2·1/4. With end labels
        // A's and B's relation differ in the target's label: no match at all.
        var path = Write("relations.csv", Header + "d,A,said-by,0,5,claim,10,15,source\nd,B,said-by,0,5,claim,10,15,other\nd,C,,,,,,,\n");

        var plain = await AnnotateProcess.RunAsync("agreement", "--relations", path, "--format", "json");
        var labelled = await AnnotateProcess.RunAsync("agreement", "--relations", path, "--end-labels");

        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Equal(0.5, JsonDocument.Parse(plain.Output).RootElement.GetProperty("relationF1Exact").GetDouble(), 12);
        Assert.Equal(0, labelled.ExitCode);
        Assert.Contains("end labels must match", labelled.Output, StringComparison.Ordinal);
        Assert.Matches(@"Relation F1, exact\s+0\.000", labelled.Output);
        Assert.Contains("Alpha over types", labelled.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doc,coder,type,source_start,source_end,target_start\n", "relations.csv: line 1: the header lacks the column(s) target_end")]
    [InlineData(Header + "d,A,said-by,0,5,,x,15,,\n", "relations.csv: line 2, column target_start: 'x' is not a whole number of 0 or more.")]
    [InlineData(Header + "d,A,said-by,0,5,,10,15,,\nd,A,said-by,5,5,,10,15,,\n", "line 3, column source_end: 5 must be greater than source_start (5)")]
    [InlineData(Header + "d,,said-by,0,5,,10,15,,\n", "line 2, column coder: every line needs a coder.")]
    [InlineData(Header + "d,A,,0,5,,10,15,,\n", "line 2, column type: a relation needs a type")]
    [InlineData(Header + "d,A,said-by,0,5,,10,15,,maybe\n", "line 2, column directed: 'maybe' is neither true nor false.")]
    [InlineData(Header + "d,A,with,0,5,,10,15,,false\nd,B,with,0,5,,10,15,,true\n", "line 3, column directed: type 'with' was undirected on line 2")]
    public async Task A_Malformed_Relations_File_Names_The_Line_And_Column_And_Exits_With_2(string content, string message)
    {
        var (exitCode, _, error) = await AnnotateProcess.RunAsync("agreement", "--relations", Write("relations.csv", content));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relations_Go_Alone()
    {
        var path = Write("relations.csv", Example);

        var withSpans = await AnnotateProcess.RunAsync("agreement", "--relations", path, "--spans", path);
        var endLabelsAlone = await AnnotateProcess.RunAsync("agreement", "--spans", path, "--end-labels");

        Assert.Equal(2, withSpans.ExitCode);
        Assert.Contains("exactly one of: a ratings FILE, --spans FILE, --relations FILE, or --project P", withSpans.Error, StringComparison.Ordinal);
        Assert.Equal(2, endLabelsAlone.ExitCode);
        Assert.Contains("--end-labels goes with --relations FILE", endLabelsAlone.Error, StringComparison.Ordinal);
    }
}
