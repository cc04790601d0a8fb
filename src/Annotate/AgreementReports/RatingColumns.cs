using System.Runtime.CompilerServices;

namespace Annotate.AgreementReports;

/// <summary>
/// Ratings interned into integers: rating i is unit <see cref="UnitOf"/>[i], coder <see cref="CoderOf"/>[i], value
/// <see cref="ValueOf"/>[i], read on line <see cref="LineOf"/>[i]. Names are kept once each, so a file of millions of
/// ratings costs four integers per rating. Missing ratings (empty values) are not kept.
/// </summary>
internal sealed class RatingColumns
{
    // Only columns built rating by rating (Add) intern through these; a file read in parallel brings its own names.
    private readonly SpanInterner? units;
    private readonly SpanInterner? coders;
    private readonly SpanInterner? values;
    private readonly IReadOnlyList<string> unitNames;
    private readonly IReadOnlyList<string> coderNames;
    private readonly IReadOnlyList<string> valueNames;
    private readonly List<int> valueFirstLine;
    private int[] unitOf;
    private int[] coderOf;
    private int[] valueOf;
    private int[] lineOf;

    public RatingColumns()
    {
        units = new();
        coders = new();
        values = new();
        (unitNames, coderNames, valueNames) = (units.NameList, coders.NameList, values.NameList);
        valueFirstLine = [];
        (unitOf, coderOf, valueOf, lineOf) = ([], [], [], []);
    }

    /// <summary>
    /// Columns already interned (<see cref="RatingsFile"/>): the first <paramref name="count"/> entries of each array,
    /// names by id, and the first line of each value.
    /// </summary>
    public RatingColumns(int[] unitOf, int[] coderOf, int[] valueOf, int[] lineOf, int count,
        IReadOnlyList<string> unitNames, IReadOnlyList<string> coderNames, IReadOnlyList<string> valueNames, List<int> valueFirstLine)
    {
        (this.unitOf, this.coderOf, this.valueOf, this.lineOf, Count) = (unitOf, coderOf, valueOf, lineOf, count);
        (this.unitNames, this.coderNames, this.valueNames, this.valueFirstLine) = (unitNames, coderNames, valueNames, valueFirstLine);
    }

    public ReadOnlySpan<int> UnitOf => unitOf.AsSpan(0, Count);

    public ReadOnlySpan<int> CoderOf => coderOf.AsSpan(0, Count);

    public ReadOnlySpan<int> ValueOf => valueOf.AsSpan(0, Count);

    public ReadOnlySpan<int> LineOf => lineOf.AsSpan(0, Count);

    public int Count { get; private set; }

    /// <summary>The distinct units, by unit index (read from a file: each name made when first read).</summary>
    public IReadOnlyList<string> Units => unitNames;

    public IReadOnlyList<string> Coders => coderNames;

    /// <summary>The distinct values, by value index, as written (trimmed).</summary>
    public IReadOnlyList<string> Values => valueNames;

    /// <summary>The first line each value was read on: an error about a value names the first line that has it.</summary>
    public IReadOnlyList<int> ValueFirstLine => valueFirstLine;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every rating: optimized at once, a command-line run ends before tiered JIT would get to it
    public void Add(int line, ReadOnlySpan<char> unit, ReadOnlySpan<char> coder, ReadOnlySpan<char> value)
    {
        if (units is null || coders is null || values is null)
            throw new InvalidOperationException("Columns read from a file are complete; ratings are added only to columns built one by one.");
        if (Count == unitOf.Length)
        {
            var capacity = Math.Max(16, Count * 2);
            Array.Resize(ref unitOf, capacity);
            Array.Resize(ref coderOf, capacity);
            Array.Resize(ref valueOf, capacity);
            Array.Resize(ref lineOf, capacity);
        }

        unitOf[Count] = units.Id(unit);
        coderOf[Count] = coders.Id(coder);
        var v = values.Id(value);
        if (v == valueFirstLine.Count)
        {
            valueFirstLine.Add(line);
        }

        valueOf[Count] = v;
        lineOf[Count] = line;
        Count++;
    }

    /// <summary>Rows already read (the app's own ratings, not a file) as columns.</summary>
    public static RatingColumns From(IEnumerable<RatingRow> rows)
    {
        var columns = new RatingColumns();
        foreach (var row in rows)
        {
            columns.Add(row.Line, row.Unit, row.Coder, row.Value);
        }

        return columns;
    }

    /// <summary>
    /// The first rating, in line order, of a coder who already rated its unit, with the line of that earlier rating;
    /// null when every (unit, coder) pair is rated once. Linear: ratings are bucketed by unit, which keeps line order.
    /// </summary>
    public (int Line, int FirstLine, string Unit, string Coder)? FirstDuplicate() =>
        coderNames.Count <= 64 && !AnyDuplicate() ? null : EarliestDuplicate();

    // Whether some coder rated a unit twice, with a bit per coder of each unit: one pass and a few bytes per unit,
    // where bucketing the ratings by unit (which finds which duplicate comes first) takes four per rating.
    private bool AnyDuplicate()
    {
        var seen = new ulong[unitNames.Count];
        var (unitOf, coderOf) = (this.unitOf, this.coderOf);
        for (var i = 0; i < Count; i++)
        {
            ref var coders = ref seen[unitOf[i]];
            var bit = 1ul << coderOf[i];
            if ((coders & bit) != 0)
                return true;
            coders |= bit;
        }

        return false;
    }

    private (int Line, int FirstLine, string Unit, string Coder)? EarliestDuplicate()
    {
        var unitOf = UnitOf;
        var coderOf = CoderOf;
        var lineOf = LineOf;
        var unitCount = unitNames.Count;
        var start = new int[unitCount + 1];
        foreach (var u in unitOf)
            start[u + 1]++;
        for (var u = 0; u < unitCount; u++)
            start[u + 1] += start[u];
        var order = new int[unitOf.Length];
        var next = start[..^1];
        for (var i = 0; i < unitOf.Length; i++)
            order[next[unitOf[i]]++] = i;

        var lastUnit = new int[coderNames.Count];
        var firstOfCoder = new int[coderNames.Count];
        Array.Fill(lastUnit, -1);
        var best = -1;
        var bestFirst = -1;
        for (var u = 0; u < unitCount; u++)
        {
            for (var at = start[u]; at < start[u + 1]; at++)
            {
                var i = order[at];
                var c = coderOf[i];
                if (lastUnit[c] != u)
                {
                    lastUnit[c] = u;
                    firstOfCoder[c] = i;
                }
                else if (best < 0 || lineOf[i] < lineOf[best])
                {
                    best = i;
                    bestFirst = firstOfCoder[c];
                }
            }
        }

        return best < 0 ? null : (lineOf[best], lineOf[bestFirst], unitNames[unitOf[best]], coderNames[coderOf[best]]);
    }
}
