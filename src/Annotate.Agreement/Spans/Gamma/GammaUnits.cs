namespace Annotate.Agreement.Spans.Gamma;

/// <summary>One annotator's unit: [Start, End) with its label as an index into the sorted labels.</summary>
internal readonly record struct GammaUnit(double Start, double End, int Category, int Annotator)
{
    public double Length => End - Start;
}

/// <summary>
/// One continuum as gamma sees it: each annotator's units, sorted by start, end and label, each unit once (pygamma
/// keeps an annotator's units in a sorted set, so one annotator's identical spans count once).
/// </summary>
internal sealed class GammaContinuum
{
    public GammaContinuum(GammaUnit[][] byAnnotator)
    {
        ByAnnotator = byAnnotator;
        UnitCount = byAnnotator.Sum(units => units.Length);
    }

    public GammaUnit[][] ByAnnotator { get; }

    public int Annotators => ByAnnotator.Length;

    public int UnitCount { get; }

    /// <summary>pygamma's normaliser of a total disorder: units per annotator.</summary>
    public double UnitsPerAnnotator => (double)UnitCount / Annotators;

    /// <summary>Sorts each annotator's units and drops repeats; returns how many repeats were dropped.</summary>
    public static GammaContinuum Of(IReadOnlyList<List<GammaUnit>> byAnnotator, out int duplicates)
    {
        duplicates = 0;
        var result = new GammaUnit[byAnnotator.Count][];
        for (var a = 0; a < byAnnotator.Count; a++)
        {
            var sorted = byAnnotator[a].Select(u => u with { Annotator = a }).Distinct().OrderBy(u => u.Start).ThenBy(u => u.End).ThenBy(u => u.Category).ToArray();
            duplicates += byAnnotator[a].Count - sorted.Length;
            result[a] = sorted;
        }

        return new GammaContinuum(result);
    }
}
