using System.Globalization;
using Annotate.Agreement;

namespace Annotate.AgreementReports;

/// <summary>
/// Reads an `a,b,distance` file of distances between categories (`annotate agreement FILE --distance MATRIX.csv`)
/// with the rules of the ratings file: columns trimmed and case-blind in any order, extra columns ignored, quoting as
/// spreadsheets write it, blank lines skipped. (b, a) is implied by (a, b); d(x, x) = 0 is implied. An error names the
/// line and the problem.
/// </summary>
internal static class DistancesFile
{
    private static readonly string[] Columns = ["a", "b", "distance"];

    public static CategoryDistances Read(Stream bytes)
    {
        var csv = new Utf8CsvReader(bytes);
        int[]? at = null;
        var pairs = new List<(string A, string B, double Distance)>();
        var lines = new List<int>();
        var index = new Dictionary<(string, string), int>();
        while (csv.Read())
        {
            if (at is null)
            {
                if (csv.FieldCount == 1 && csv.Field(0).IsEmpty)
                {
                    continue;
                }

                at = csv.ColumnsAt(Columns);
                continue;
            }

            var line = csv.Line;
            var a = Field(csv, at[0]);
            var b = Field(csv, at[1]);
            var given = Field(csv, at[2]);
            if (a.Length == 0 && b.Length == 0 && given.Length == 0)
            {
                continue;
            }

            if (a.Length == 0 || b.Length == 0)
            {
                throw new RatingsFileException($"line {line}: a distance needs both categories, a and b.");
            }

            if (!double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                throw new RatingsFileException($"line {line}: distance '{given}' is not a number (use a '.' decimal point).");
            }

            if (!double.IsFinite(d) || d < 0)
            {
                throw new RatingsFileException($"line {line}: distance '{given}' must be a finite number of 0 or more.");
            }

            if (a == b && d != 0)
            {
                throw new RatingsFileException($"line {line}: the distance of '{a}' from itself must be 0, not {given}.");
            }

            // (b, a) after (a, b), or (a, b) twice: the same distance or an error naming both lines.
            if (index.TryGetValue((a, b), out var earlier) && pairs[earlier].Distance != d)
            {
                throw new RatingsFileException(
                    $"line {line}: the distance between '{a}' and '{b}' is {given} here but {pairs[earlier].Distance.ToString(CultureInfo.InvariantCulture)} on line {lines[earlier]}; distances must be symmetric.");
            }

            index.TryAdd((a, b), pairs.Count);
            index.TryAdd((b, a), pairs.Count);
            pairs.Add((a, b, d));
            lines.Add(line);
        }

        if (at is null)
        {
            throw new RatingsFileException("line 1: the file is empty; it needs a header row 'a,b,distance'.");
        }

        return CategoryDistances.From(pairs);
    }

    private static string Field(Utf8CsvReader csv, int index) => csv.Field(index).ToString();
}
