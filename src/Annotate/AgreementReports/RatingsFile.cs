namespace Annotate.AgreementReports;

/// <summary>
/// Reads a `unit,coder,value` ratings file straight into <see cref="RatingColumns"/>: fields are looked at as bytes or
/// spans and interned, so no string is made per row. A file without quotes (the usual case) is read whole and parsed
/// in parallel parts (<see cref="QuoteFreeRatings"/>); any other goes record by record through
/// <see cref="Utf8CsvReader"/>. The rules and messages of the CsvHelper reader it replaced: columns matched trimmed and
/// case-blind in any order, extra columns ignored, quoting and embedded commas as spreadsheets write them,
/// a byte-order mark skipped, blank lines skipped, an empty value a missing rating.
/// </summary>
internal static class RatingsFile
{
    private static readonly string[] Columns = ["unit", "coder", "value"];

    public static RatingColumns Read(Stream bytes)
    {
        var stream = Utf8CsvReader.Utf8(bytes);
        if (stream is FileStream file && MappedFile.Open(file, WholeFileLimit) is { } mapped)
        {
            using (mapped)
            {
                return Whole(mapped.Memory, () =>
                {
                    file.Position = 0;
                    return file;
                });
            }
        }

        return WholeFile(stream) is { } data ? Whole(data, () => new MemoryStream(data)) : ReadRecords(new Utf8CsvReader(stream));
    }

    // A file held whole: parsed in parallel parts unless it has a quote somewhere.
    private static RatingColumns Whole(ReadOnlyMemory<byte> data, Func<Stream> records)
    {
        var text = data[(data.Span is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0)..];
        return text.Span.Contains((byte)'"') ? ReadRecords(new Utf8CsvReader(records())) : QuoteFreeRatings.Read(text, Columns);
    }

    // Files up to this size are read whole (a file on disk is mapped, not copied), so that a file without quotes can
    // be parsed in parallel parts; larger ones (or a pipe) stream through the record reader in a constant amount of memory.
    private const long WholeFileLimit = 256L << 20;

    private static byte[]? WholeFile(Stream stream)
    {
        if (!stream.CanSeek || stream.Length - stream.Position > WholeFileLimit)
        {
            return null;
        }

        var data = GC.AllocateUninitializedArray<byte>((int)(stream.Length - stream.Position));
        stream.ReadExactly(data);
        return data;
    }

    internal static RatingColumns ReadRecords(Utf8CsvReader csv)
    {
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
                throw HalfRating(columns, csv.Line);
            }

            if (!value.IsEmpty)
            {
                columns.Add(csv.Line, unit, coder, value);
            }
        }

        if (at is null)
        {
            throw EmptyFile();
        }

        return Checked(columns);
    }

    internal static RatingsFileException EmptyFile() => new("line 1: the file is empty; it needs a header row 'unit,coder,value'.");

    /// <summary>The columns, or the first duplicate rating as an error.</summary>
    internal static RatingColumns Checked(RatingColumns columns) => EarlierDuplicate(columns) is { } duplicate ? throw duplicate : columns;

    /// <summary>The error of a rating without a unit or coder on <paramref name="line"/>, or of a duplicate before it.</summary>
    internal static RatingsFileException HalfRating(RatingColumns before, int line) =>
        EarlierDuplicate(before) ?? new RatingsFileException($"line {line}: a rating needs both a unit and a coder.");

    // A short row (fewer fields than the header) has its missing fields empty.
    private static ReadOnlySpan<char> Field(Utf8CsvReader csv, int index) => csv.Field(index);

    // The first rating, in line order, of a coder who already rated its unit: reading stops at the first bad line,
    // so a duplicate before it is the error to report.
    private static RatingsFileException? EarlierDuplicate(RatingColumns columns) => columns.FirstDuplicate() is { } d
        ? new RatingsFileException($"line {d.Line}: coder '{d.Coder}' rates unit '{d.Unit}' a second time (first on line {d.FirstLine}).")
        : null;
}
