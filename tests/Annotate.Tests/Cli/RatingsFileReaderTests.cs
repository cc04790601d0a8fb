using System.Text;
using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>The fast ratings reader behind `annotate agreement FILE`: files as spreadsheets and scripts write them.</summary>
public sealed class RatingsFileReaderTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    private static RatingColumns Read(string csv) => RatingsFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    private static string[] Triples(RatingColumns r) =>
        [.. Enumerable.Range(0, r.Count).Select(i => $"{r.Units[r.UnitOf[i]]}|{r.Coders[r.CoderOf[i]]}|{r.Values[r.ValueOf[i]]}@{r.LineOf[i]}")];

    [Fact]
    public void Quoted_Fields_Keep_Commas_Quotes_And_Line_Breaks()
    {
        var ratings = Read("unit,coder,value\n\"u, 1\",\"ann \"\"A\"\"\",\"yes, mostly\"\n\"u\n2\",ann,\" no \"\nu3,ann,x\n");

        Assert.Equal(["u, 1|ann \"A\"|yes, mostly@2", "u\n2|ann|no@3", "u3|ann|x@5"], Triples(ratings));
    }

    [Fact]
    public void Crlf_Trailing_Blank_Lines_And_Missing_Values_Are_Skipped()
    {
        var ratings = Read("unit,coder,value\r\nu1,a,x\r\nu1,b,\r\n\r\nu2,a,y\r\n\r\n\r\n");

        Assert.Equal(["u1|a|x@2", "u2|a|y@5"], Triples(ratings));
    }

    [Fact]
    public void Columns_Are_Found_In_Any_Order_Case_Blind_And_Trimmed()
    {
        var ratings = Read(" Value ,comment,CODER,Unit , extra\nx,\"a, b\",ann,u1,1\n  y , , ben ,u1\n");

        Assert.Equal(["u1|ann|x@2", "u1|ben|y@3"], Triples(ratings));
    }

    [Fact]
    public void Ids_Are_Interned_In_Order_Of_First_Appearance()
    {
        var ratings = Read("unit,coder,value\nu2,b,x\nu1,a,x\nu2,a,y\n");

        Assert.Equal(["u2", "u1"], ratings.Units);
        Assert.Equal(["b", "a"], ratings.Coders);
        Assert.Equal(["x", "y"], ratings.Values);
        Assert.Equal([2, 4], ratings.ValueFirstLine);
    }

    [Fact]
    public void A_Duplicate_Before_A_Bad_Line_Is_The_Error()
    {
        var duplicateFirst = Assert.Throws<RatingsFileException>(() => Read("unit,coder,value\nu1,a,x\nu2,a,x\nu1,a,y\nu3,,x\n"));
        var badLineFirst = Assert.Throws<RatingsFileException>(() => Read("unit,coder,value\nu1,a,x\nu3,,x\nu1,a,y\n"));
        var third = Assert.Throws<RatingsFileException>(() => Read("unit,coder,value\nu1,a,x\nu1,a,y\nu1,a,z\n"));

        Assert.Equal("line 4: coder 'a' rates unit 'u1' a second time (first on line 2).", duplicateFirst.Message);
        Assert.Equal("line 3: a rating needs both a unit and a coder.", badLineFirst.Message);
        Assert.Equal("line 3: coder 'a' rates unit 'u1' a second time (first on line 2).", third.Message);
    }

    [Fact]
    public void A_Missing_Rating_Does_Not_Count_As_A_Duplicate()
    {
        var ratings = Read("unit,coder,value\nu1,a,\nu1,a,x\n");

        Assert.Equal(["u1|a|x@3"], Triples(ratings));
    }

    [Fact]
    public async Task A_Byte_Order_Mark_And_Crlf_Give_The_Same_Report()
    {
        var plain = Path.Combine(folder, "plain.csv");
        var marked = Path.Combine(folder, "marked.csv");
        const string Csv = "unit,coder,value\nu1,a,x\nu1,b,x\nu2,a,y\nu2,b,x\nu3,a,y\nu3,b,y\n";
        await File.WriteAllTextAsync(plain, Csv, new UTF8Encoding(false));
        await File.WriteAllTextAsync(marked, Csv.Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(true));

        var a = await AnnotateProcess.RunAsync("agreement", plain, "--format", "json");
        var b = await AnnotateProcess.RunAsync("agreement", marked, "--format", "json");

        Assert.Equal(0, b.ExitCode);
        Assert.Equal(a.Output, b.Output);
        Assert.Equal(3, JsonDocument.Parse(b.Output).RootElement.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task Errors_From_The_Values_Name_The_First_Line_With_The_Value()
    {
        var path = Path.Combine(folder, "values.csv");
        await File.WriteAllTextAsync(path, "unit,coder,value\nu1,a,1\nu1,b,2\nu2,a,two\nu2,b,x\nu3,a,two\n");

        var numeric = await AnnotateProcess.RunAsync("agreement", path, "--level", "interval");
        var declared = await AnnotateProcess.RunAsync("agreement", path, "--categories", "1,2,two");

        Assert.Contains("values.csv: line 4: 'two' is not a number", numeric.Error, StringComparison.Ordinal);
        Assert.Contains("values.csv: line 5: 'x' is not one of the declared categories", declared.Error, StringComparison.Ordinal);
    }
}
