using System.Runtime.CompilerServices;

namespace Annotate.AgreementReports;

/// <summary>
/// Reads a `unit,coder,value` ratings file straight into <see cref="RatingColumns"/> with <see cref="Utf8CsvReader"/>:
/// fields are looked at as spans and interned, so no string is made per row and a file of a million ratings reads in
/// a fraction of a second. The rules and messages of the CsvHelper reader it replaced: columns matched trimmed and
/// case-blind in any order, extra columns ignored, quoting and embedded commas as spreadsheets write them,
/// a byte-order mark skipped, blank lines skipped, an empty value a missing rating.
/// </summary>
internal static class RatingsFile
{
    private static readonly string[] Columns = ["unit", "coder", "value"];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every rating: optimized at once, a command-line run ends before tiered JIT would get to it
    public static RatingColumns Read(Stream bytes)
    {
        var csv = new Utf8CsvReader(bytes);
        int[]? at = null;
        var columns = new RatingColumns();
        while (csv.Read())
        {
            if (at is null)
            {
                if (csv.FieldCount == 1 && csv.Field(0).IsEmpty)
                {
                    continue; // blank lines before the header
                }

                at = csv.ColumnsAt(Columns);
                continue;
            }

            var unit = Field(csv, at[0]);
            var coder = Field(csv, at[1]);
            var value = Field(csv, at[2]);
            if (unit.IsEmpty && coder.IsEmpty && value.IsEmpty)
            {
                continue; // a blank line
            }

            if (unit.IsEmpty || coder.IsEmpty)
            {
                throw EarlierDuplicate(columns) ?? new RatingsFileException($"line {csv.Line}: a rating needs both a unit and a coder.");
            }

            if (!value.IsEmpty)
            {
                columns.Add(csv.Line, unit, coder, value);
            }
        }

        if (at is null)
        {
            throw new RatingsFileException("line 1: the file is empty; it needs a header row 'unit,coder,value'.");
        }

        if (EarlierDuplicate(columns) is { } duplicate)
        {
            throw duplicate;
        }

        return columns;
    }

    // A short row (fewer fields than the header) has its missing fields empty.
    private static ReadOnlySpan<char> Field(Utf8CsvReader csv, int index) => csv.Field(index);

    // The first rating, in line order, of a coder who already rated its unit: reading stops at the first bad line,
    // so a duplicate before it is the error to report.
    private static RatingsFileException? EarlierDuplicate(RatingColumns columns) => columns.FirstDuplicate() is { } d
        ? new RatingsFileException($"line {d.Line}: coder '{d.Coder}' rates unit '{d.Unit}' a second time (first on line {d.FirstLine}).")
        : null;
}
