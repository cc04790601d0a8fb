using System.Globalization;
using Annotate.Agreement;

namespace Annotate.AgreementReports;

/// <summary>
/// Turns interned ratings into a <see cref="RatingTable"/>: each distinct value is checked and mapped to its category
/// once, not once per rating. An error names the first line that has the offending value, as a row-by-row check would.
/// </summary>
internal static class RatingTables
{
    public static RatingTable Build(RatingColumns ratings, MeasurementLevel level, IReadOnlyList<string>? categories)
    {
        var values = ratings.Values;
        if (categories is not null && FirstLine(ratings, v => !categories.Contains(values[v], StringComparer.Ordinal)) is { } outside)
        {
            throw new RatingsFileException($"line {ratings.ValueFirstLine[outside]}: '{values[outside]}' is not one of the declared categories ({string.Join(", ", categories)}).");
        }

        try
        {
            return level == MeasurementLevel.Nominal ? Nominal(ratings, categories) : Numeric(ratings, level, categories);
        }
        catch (ArgumentException ex)
        {
            throw new RatingsFileException(ex.Message);
        }
    }

    private static RatingTable Nominal(RatingColumns ratings, IReadOnlyList<string>? declared)
    {
        var values = ratings.Values;
        var categories = declared?.ToArray() ?? [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (!index.TryAdd(category, index.Count))
            {
                throw new ArgumentException($"Category '{category}' is declared twice.", nameof(declared));
            }
        }

        var map = values.Select(v => index[v]).ToArray();
        return Table(ratings, map, categories, null, declared is not null);
    }

    private static RatingTable Numeric(RatingColumns ratings, MeasurementLevel level, IReadOnlyList<string>? declared)
    {
        var values = ratings.Values;
        var numbers = new double[values.Count];
        for (var v = 0; v < values.Count; v++)
        {
            if (!TryNumber(values[v], out numbers[v]))
            {
                var first = FirstLine(ratings, w => !TryNumber(values[w], out _))!.Value;
                throw NotANumber(values[first], $"line {ratings.ValueFirstLine[first]}", level);
            }
        }

        var scale = (declared?.Select(c => TryNumber(c, out var d) ? d : throw NotANumber(c, "--categories", level)) ?? numbers)
            .Distinct().Order().ToArray();
        var index = new Dictionary<double, int>();
        for (var i = 0; i < scale.Length; i++)
        {
            index[scale[i]] = i;
        }

        var map = numbers.Select(n => index.TryGetValue(n, out var i) ? i : throw new ArgumentException($"Value '{n}' is not among the categories.", nameof(ratings))).ToArray();
        return Table(ratings, map, [.. scale.Select(v => v.ToString(CultureInfo.InvariantCulture))], scale, declared is not null);
    }

    // The ratings counting-sorted by unit, their value indices mapped to category indices on the way. The units'
    // names are kept, not copied: for a file they are made only if read (rarely), not all 200,000 at once.
    private static RatingTable Table(RatingColumns ratings, int[] map, string[] categories, double[]? numeric, bool declared) =>
        RatingTable.FromIndices(ratings.Units, ratings.Coders, categories,
            ratings.UnitOf, ratings.CoderOf, ratings.ValueOf, numeric, declared, keepUnits: true, categoryOfValue: map);

    // The value, among those failing the test, that appears first in the file.
    private static int? FirstLine(RatingColumns ratings, Func<int, bool> fails)
    {
        int? first = null;
        for (var v = 0; v < ratings.Values.Count; v++)
        {
            if (fails(v) && (first is null || ratings.ValueFirstLine[v] < ratings.ValueFirstLine[first.Value]))
            {
                first = v;
            }
        }

        return first;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static RatingsFileException NotANumber(string text, string where, MeasurementLevel level) =>
        new($"{where}: '{text}' is not a number; --level {level.ToString().ToLowerInvariant()} needs numeric values (use a '.' decimal point).");
}
