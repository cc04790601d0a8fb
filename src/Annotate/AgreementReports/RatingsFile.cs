using System.Runtime.CompilerServices;
using nietras.SeparatedValues;

namespace Annotate.AgreementReports;

/// <summary>
/// Reads a `unit,coder,value` ratings file straight into <see cref="RatingColumns"/> with Sep (a SIMD CSV reader):
/// fields are looked at as spans and interned, so no string is made per row and a file of a million ratings reads in
/// a fraction of a second. Same rules and messages as <see cref="RatingsCsv"/>: columns matched trimmed and
/// case-blind in any order, extra columns ignored, quoting and embedded commas as spreadsheets write them,
/// a byte-order mark skipped, blank lines skipped, an empty value a missing rating.
/// </summary>
internal static class RatingsFile
{
    private static readonly string[] Columns = ["unit", "coder", "value"];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every rating: optimized at once, a command-line run ends before tiered JIT would get to it
    public static RatingColumns Read(TextReader text)
    {
        // Sep's separator is fixed (it would otherwise guess from the header); the header is read as a row here,
        // so that repeated or odd column names are ignored as CsvHelper ignored them.
        using var csv = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        int[]? at = null;
        var columns = new RatingColumns();
        foreach (var row in csv)
        {
            if (at is null)
            {
                if (row.ColCount == 1 && row[0].Span.IsEmpty)
                {
                    continue; // blank lines before the header
                }

                at = Header(row);
                continue;
            }

            var unit = Field(row, at[0]);
            var coder = Field(row, at[1]);
            var value = Field(row, at[2]);
            if (unit.IsEmpty && coder.IsEmpty && value.IsEmpty)
            {
                continue; // a blank line
            }

            if (unit.IsEmpty || coder.IsEmpty)
            {
                throw EarlierDuplicate(columns) ?? new RatingsFileException($"line {row.LineNumberFrom}: a rating needs both a unit and a coder.");
            }

            if (!value.IsEmpty)
            {
                columns.Add(row.LineNumberFrom, unit, coder, value);
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

    private static int[] Header(SepReader.Row row)
    {
        var names = new List<string>(row.ColCount);
        for (var i = 0; i < row.ColCount; i++)
        {
            names.Add(row[i].Span.Trim().ToString().ToLowerInvariant());
        }

        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RatingsFileException($"line 1: the header lacks the column(s) {string.Join(", ", missing)}; it needs 'unit,coder,value'.");
        }

        return [.. Columns.Select(c => names.IndexOf(c))];
    }

    // A short row (fewer fields than the header) has its missing fields empty.
    private static ReadOnlySpan<char> Field(SepReader.Row row, int index) => index < row.ColCount ? row[index].Span.Trim() : [];

    // The first rating, in line order, of a coder who already rated its unit: reading stops at the first bad line,
    // so a duplicate before it is the error to report.
    private static RatingsFileException? EarlierDuplicate(RatingColumns columns) => columns.FirstDuplicate() is { } d
        ? new RatingsFileException($"line {d.Line}: coder '{d.Coder}' rates unit '{d.Unit}' a second time (first on line {d.FirstLine}).")
        : null;
}
