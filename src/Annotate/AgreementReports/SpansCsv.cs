using System.Globalization;
using Annotate.Agreement.Spans;
using CsvHelper;

namespace Annotate.AgreementReports;

/// <summary>
/// Reads `doc,coder,start,end,label` CSV files for `annotate agreement --spans` (start inclusive, end exclusive;
/// an empty doc is the single continuum ""). Errors name the line, as for ratings files.
/// </summary>
internal static class SpansCsv
{
    private static readonly string[] Columns = ["doc", "coder", "start", "end", "label"];

    public static List<LabelledSpan> Read(TextReader text)
    {
        using var csv = new CsvReader(text, RatingsCsv.Configuration());
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new RatingsFileException("line 1: the file is empty; it needs a header row 'doc,coder,start,end,label'.");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RatingsFileException($"line 1: the header lacks the column(s) {string.Join(", ", missing)}; it needs 'doc,coder,start,end,label'.");
        }

        var spans = new List<LabelledSpan>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var fields = Columns.Select(c => csv.GetField(c)?.Trim() ?? "").ToArray();
            if (fields.All(f => f.Length == 0))
            {
                continue; // a blank line
            }

            if (fields[1].Length == 0 || fields[4].Length == 0)
            {
                throw new RatingsFileException($"line {line}: a span needs a coder and a label.");
            }

            var start = Offset(fields[2], "start", line);
            var end = Offset(fields[3], "end", line);
            if (end <= start)
            {
                throw new RatingsFileException($"line {line}: end ({end}) must be greater than start ({start}); end is exclusive.");
            }

            spans.Add(new LabelledSpan(fields[0], fields[1], start, end, fields[4]));
        }

        return spans;
    }

    private static int Offset(string text, string column, int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RatingsFileException($"line {line}: {column} '{text}' is not a whole number of 0 or more.");
}
