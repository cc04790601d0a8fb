using System.Globalization;
using Annotate.Agreement.Relations;
using CsvHelper;

namespace Annotate.AgreementReports;

/// <summary>What a relations file holds: the relations, and who annotated each document (a coder may have drawn none there).</summary>
internal sealed record RelationsFile(List<LabelledRelation> Relations, Dictionary<string, IReadOnlyCollection<string>> CodersByDocument);

/// <summary>
/// Reads `doc,coder,type,source_start,source_end,source_label,target_start,target_end,target_label[,directed]` CSV files
/// for `annotate agreement --relations` (README, "Relations file"): offsets as in spans files (start inclusive, end
/// exclusive), labels optional, <c>directed</c> true (the default when absent or empty) or false, the same for every
/// relation of a type. A line with a doc and coder and nothing else says the coder annotated the document and drew no
/// relation there. Errors name the line and the column.
/// </summary>
internal static class RelationsCsv
{
    private const string Header = "doc,coder,type,source_start,source_end,source_label,target_start,target_end,target_label";
    private static readonly string[] Required = ["doc", "coder", "type", "source_start", "source_end", "target_start", "target_end"];
    private static readonly string[] Columns = ["doc", "coder", "type", "source_start", "source_end", "source_label", "target_start", "target_end", "target_label", "directed"];

    public static RelationsFile Read(TextReader text)
    {
        using var csv = new CsvReader(text, RatingsCsv.Configuration());
        if (!csv.Read() || !csv.ReadHeader())
            throw new RatingsFileException($"line 1: the file is empty; it needs a header row '{Header}'.");
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new RatingsFileException($"line 1: the header lacks the column(s) {string.Join(", ", missing)}; it needs '{Header}' (and optionally directed).");

        var relations = new List<LabelledRelation>();
        var coders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var direction = new Dictionary<string, (bool Directed, int Line)>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var f = Columns.ToDictionary(c => c, c => header.Contains(c) ? csv.GetField(c)?.Trim() ?? "" : "", StringComparer.Ordinal);
            if (f.Values.All(v => v.Length == 0))
                continue; // a blank line
            if (f["coder"].Length == 0)
                throw new RatingsFileException($"line {line}, column coder: every line needs a coder.");
            if (!coders.TryGetValue(f["doc"], out var ofDocument))
                coders[f["doc"]] = ofDocument = new HashSet<string>(StringComparer.Ordinal);
            ofDocument.Add(f["coder"]);
            if (f["type"].Length == 0 && Columns.Skip(3).All(c => f[c].Length == 0))
                continue; // the coder annotated the document and drew no relation there
            if (f["type"].Length == 0)
                throw new RatingsFileException($"line {line}, column type: a relation needs a type (leave every column after coder empty to say the coder drew none).");

            var source = End(f, "source", line);
            var target = End(f, "target", line);
            var directed = f["directed"].ToLowerInvariant() switch
            {
                "" or "true" => true,
                "false" => false,
                _ => throw new RatingsFileException($"line {line}, column directed: '{f["directed"]}' is neither true nor false."),
            };
            if (direction.TryGetValue(f["type"], out var first) && first.Directed != directed)
                throw new RatingsFileException($"line {line}, column directed: type '{f["type"]}' was {(first.Directed ? "directed" : "undirected")} on line {first.Line}; all relations of a type must say the same.");
            direction.TryAdd(f["type"], (directed, line));
            relations.Add(new LabelledRelation(f["doc"], f["coder"], f["type"], source, target, directed));
        }

        return new RelationsFile(relations, coders.ToDictionary(c => c.Key, c => (IReadOnlyCollection<string>)c.Value, StringComparer.Ordinal));
    }

    private static RelationEnd End(Dictionary<string, string> fields, string end, int line)
    {
        var start = Offset(fields[$"{end}_start"], $"{end}_start", line);
        var stop = Offset(fields[$"{end}_end"], $"{end}_end", line);
        return stop > start
            ? new RelationEnd(start, stop, fields[$"{end}_label"])
            : throw new RatingsFileException($"line {line}, column {end}_end: {stop} must be greater than {end}_start ({start}); end is exclusive.");
    }

    private static int Offset(string text, string column, int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RatingsFileException($"line {line}, column {column}: '{text}' is not a whole number of 0 or more.");
}
