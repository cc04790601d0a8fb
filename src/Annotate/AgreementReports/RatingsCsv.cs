using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Annotate.AgreementReports;

/// <summary>A malformed ratings file: the message names the line and the problem.</summary>
internal sealed class RatingsFileException(string message) : Exception(message);

/// <summary>One rating read from a file, with the line it came from.</summary>
internal sealed record RatingRow(int Line, string Unit, string Coder, string Value);

/// <summary>
/// Reads `unit,coder,value` CSV files (other columns ignored; an empty value or an absent row is a missing
/// rating) with CsvHelper, so quoting and embedded commas behave as spreadsheets write them.
/// </summary>
internal static class RatingsCsv
{
    private static readonly string[] Columns = ["unit", "coder", "value"];

    /// <summary>How every agreement CSV file is read: headers matched trimmed and case-blind, extra columns ignored.</summary>
    public static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        BadDataFound = null,
        MissingFieldFound = null,
        DetectColumnCountChanges = false,
    };

    public static List<RatingRow> Read(TextReader text)
    {
        using var csv = new CsvReader(text, Configuration());
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new RatingsFileException("line 1: the file is empty; it needs a header row 'unit,coder,value'.");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RatingsFileException($"line 1: the header lacks the column(s) {string.Join(", ", missing)}; it needs 'unit,coder,value'.");
        }

        var rows = new List<RatingRow>();
        var seen = new Dictionary<(string, string), int>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var unit = csv.GetField("unit")?.Trim() ?? "";
            var coder = csv.GetField("coder")?.Trim() ?? "";
            var value = csv.GetField("value")?.Trim() ?? "";
            if (unit.Length == 0 && coder.Length == 0 && value.Length == 0)
            {
                continue; // a blank line
            }

            if (unit.Length == 0 || coder.Length == 0)
            {
                throw new RatingsFileException($"line {line}: a rating needs both a unit and a coder.");
            }

            if (value.Length == 0)
            {
                continue; // a missing rating
            }

            if (!seen.TryAdd((unit, coder), line))
            {
                throw new RatingsFileException($"line {line}: coder '{coder}' rates unit '{unit}' a second time (first on line {seen[(unit, coder)]}).");
            }

            rows.Add(new RatingRow(line, unit, coder, value));
        }

        return rows;
    }
}
