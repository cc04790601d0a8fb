using System.Globalization;
using System.Text;
using Annotate.Export;
using CsvHelper;
using CsvHelper.Configuration;

namespace Annotate.Grades;

/// <summary>
/// The grade sheet as a CSV file, written as the exports write theirs (<see cref="CsvFile"/>): UTF-8 with a byte
/// order mark, CRLF, RFC 4180 quoting, invariant numbers, and text a spreadsheet would run as a formula (a student
/// named "=HYPERLINK(…)") behind an apostrophe. Blank cells where there is no figure.
/// </summary>
internal static class GradesCsv
{
    public static string FileName(string projectId) => $"{projectId}-grades.csv";

    public static byte[] Write(GradeSheet sheet)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.Preamble);
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            Row(csv, Header(sheet));
            foreach (var student in sheet.Students)
            {
                Row(csv, [student.Name, Whole(student.Assigned), Whole(student.Done), (student.ActiveSeconds / 60.0).ToString("0.0", CultureInfo.InvariantCulture),
                    .. student.Rounds.SelectMany(Figures), .. Figures(student.Current)]);
            }
        }

        return buffer.ToArray();
    }

    public static IEnumerable<string> Header(GradeSheet sheet) =>
    [
        "Student", "Documents assigned", "Done", "Active minutes",
        .. sheet.Rounds.SelectMany(r => new[] { $"Round {Whole(r.Number)} {r.Name}: span F1 overlap", $"Round {Whole(r.Number)} {r.Name}: span F1 exact" }),
        "Now: span F1 overlap", "Now: span F1 exact",
    ];

    private static IEnumerable<string?> Figures(MeanScore score) => [Figure(score.SpanF1Overlap), Figure(score.SpanF1Exact)];

    private static string? Figure(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(CsvWriter csv, IEnumerable<string?> fields)
    {
        foreach (var field in fields)
            csv.WriteField(CsvFile.SpreadsheetSafe(field));
        csv.NextRecord();
    }
}
