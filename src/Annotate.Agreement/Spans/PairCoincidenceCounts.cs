namespace Annotate.Agreement.Spans;

/// <summary>
/// Every pair's token coincidences of one set of ratings (<see cref="TokenRatings.PairCounts"/>) as whole-number
/// counts over the ratings' values: two values per unit, so each cell is a count, and counts add up over documents
/// exactly, in any order. Values are indexed as <see cref="Values"/>; a pair's matrix holds the values it used.
/// </summary>
public sealed class PairCoincidenceCounts
{
    private readonly string[] values;
    private readonly (string, string)[] pairs;
    private readonly int[] counts;
    private readonly bool[] used;
    private readonly int[] pairable;

    internal PairCoincidenceCounts(string[] values, (string, string)[] pairs, int[] counts, bool[] used, int[] pairable) =>
        (this.values, this.pairs, this.counts, this.used, this.pairable) = (values, pairs, counts, used, pairable);

    /// <summary>The values, by index.</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>How many pairs (both coders rated some token).</summary>
    public int PairCount => pairs.Length;

    /// <summary>The <paramref name="pair"/>-th pair's coders, in the order they were given.</summary>
    public (string A, string B) PairAt(int pair) => pairs[pair];

    /// <summary>Tokens both coders of the pair rated.</summary>
    public int PairableUnits(int pair) => pairable[pair];

    /// <summary>Whether either coder of the pair gave <paramref name="value"/> somewhere.</summary>
    public bool Used(int pair, int value) => used[(pair * values.Length) + value];

    /// <summary>The coincidence count of values <paramref name="row"/> and <paramref name="column"/> for the pair.</summary>
    public long Count(int pair, int row, int column) => counts[(pair * values.Length * values.Length) + (row * values.Length) + column];

    /// <summary>The pair's coincidence matrix: the values it used, in ordinal order.</summary>
    public CoincidenceMatrix Matrix(int pair)
    {
        var order = Enumerable.Range(0, values.Length).Where(v => Used(pair, v)).OrderBy(v => values[v], StringComparer.Ordinal).ToArray();
        var cells = new double[order.Length * order.Length];
        for (var r = 0; r < order.Length; r++)
            for (var c = 0; c < order.Length; c++)
                cells[(r * order.Length) + c] = Count(pair, order[r], order[c]);
        return CoincidenceMatrix.FromCells([.. order.Select(v => values[v])], cells, pairable[pair]);
    }
}
