using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

/// <summary>Small data sets shared by the agreement tests.</summary>
internal static class ReliabilityData
{
    /// <summary>
    /// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
    /// University of Pennsylvania, section C ("Any number of observers, missing data"): 4 observers × 12 units,
    /// values 1–5, "." missing. The paper reports α = 0.743 (nominal), 0.815 (ordinal), 0.849 (interval), 0.797 (ratio).
    /// </summary>
    public static readonly double?[][] Krippendorff2011 =
    [
        //       1  2  3  4  5  6  7  8  9  10    11    12
        /* A */ [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        /* B */ [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        /* C */ [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        /* D */ [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    /// <summary>Triples from a coders × units matrix (null = missing), coders named A, B, …, units u1, u2, ….</summary>
    public static IEnumerable<(string Unit, string Coder, double Value)> Triples(double?[][] coderRows) =>
        from c in Enumerable.Range(0, coderRows.Length)
        from u in Enumerable.Range(0, coderRows[c].Length)
        where coderRows[c][u] is not null
        select ($"u{u + 1}", ((char)('A' + c)).ToString(), coderRows[c][u]!.Value);

    public static RatingTable Numeric(double?[][] coderRows) => RatingTable.FromNumeric(Triples(coderRows));

    /// <summary>Two coders rating units in order, as string categories.</summary>
    public static RatingTable TwoCoders(string[] first, string[] second, IEnumerable<string>? declared = null) =>
        RatingTable.FromNominal(
            first.Select((v, i) => ($"u{i}", "first", v)).Concat(second.Select((v, i) => ($"u{i}", "second", v))), declared);

    /// <summary>Random complete or incomplete nominal data for property tests.</summary>
    public static List<(string Unit, string Coder, string Value)> Random(int seed, int units, int coders, int categories, double missing)
    {
        var random = new Random(seed);
        var triples = new List<(string, string, string)>();
        for (var u = 0; u < units; u++)
        {
            // Some agreement structure: a unit's "true" category, which coders follow most of the time.
            var truth = random.Next(categories);
            for (var c = 0; c < coders; c++)
            {
                if (random.NextDouble() < missing)
                    continue;
                var value = random.NextDouble() < 0.6 ? truth : random.Next(categories);
                triples.Add(($"u{u}", $"c{c}", $"k{value}"));
            }
        }

        return triples;
    }
}
