using System.Runtime.CompilerServices;

namespace Annotate.Agreement;

/// <summary>
/// Krippendorff's coincidence matrix: o[c,k] counts the pairs of values (c, k) coded for the same unit,
/// each pair in a unit with m values weighted 1/(m − 1). Only units with at least two values contribute.
/// Symmetric; its row sums are the pairable value counts n_c, and its total is n.
/// </summary>
public sealed class CoincidenceMatrix
{
    private readonly double[] cells;

    private CoincidenceMatrix(IReadOnlyList<string> categories, double[] cells, int pairableUnits)
    {
        Categories = categories;
        this.cells = cells;
        PairableUnits = pairableUnits;
        var k = categories.Count;
        var marginals = new double[k];
        for (var c = 0; c < k; c++)
            for (var d = 0; d < k; d++)
                marginals[c] += cells[(c * k) + d];
        Marginals = marginals;
        Total = marginals.Sum();
    }

    /// <summary>The categories labelling rows and columns, as in <see cref="RatingTable.Categories"/>.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The coincidence o[c,k] of categories <paramref name="row"/> and <paramref name="column"/>.</summary>
    public double this[int row, int column] => cells[(row * Categories.Count) + column];

    /// <summary>n_c: the number of pairable values in each category (row sums).</summary>
    public IReadOnlyList<double> Marginals { get; }

    /// <summary>n: the number of pairable values (values in units with at least two values).</summary>
    public double Total { get; }

    /// <summary>The number of units with at least two values.</summary>
    public int PairableUnits { get; }

    /// <summary>Accumulates the matrix in one pass over units; memory is categories², not units × categories².</summary>
    public static CoincidenceMatrix From(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var k = table.Categories.Count;
        var cells = new double[k * k];
        var counts = new int[k];
        var present = new int[k];
        var pairable = 0;
        for (var u = 0; u < table.UnitCount; u++)
        {
            if (AddUnit(table.CategorySpan(u), cells, counts, present))
                pairable++;
        }

        return new CoincidenceMatrix(table.Categories, cells, pairable);
    }

    /// <summary>
    /// The matrix of several disjoint sets of units (documents, say) taken together: the cells of each part added up
    /// by category name. Alpha of the sum equals alpha computed over all the units at once, so figures can be
    /// cached per part and combined when one part changes.
    /// </summary>
    public static CoincidenceMatrix Sum(IEnumerable<CoincidenceMatrix> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        var categories = list.SelectMany(p => p.Categories).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Length; i++)
            index[categories[i]] = i;
        var k = categories.Length;
        var cells = new double[k * k];
        var pairable = 0;
        foreach (var part in list)
        {
            var map = part.Categories.Select(c => index[c]).ToArray();
            var pk = map.Length;
            for (var r = 0; r < pk; r++)
                for (var c = 0; c < pk; c++)
                    cells[(map[r] * k) + map[c]] += part.cells[(r * pk) + c];
            pairable += part.PairableUnits;
        }

        return new CoincidenceMatrix(categories, cells, pairable);
    }

    /// <summary>A matrix from its cells (row-major, categories in ordinal order), as a running sum holds them.</summary>
    /// <exception cref="ArgumentException">The cells are not categories × categories.</exception>
    public static CoincidenceMatrix FromCells(IReadOnlyList<string> categories, double[] cells, int pairableUnits)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != categories.Count * categories.Count)
            throw new ArgumentException($"{cells.Length} cells for {categories.Count} categories.", nameof(cells));
        return new(categories, cells, pairableUnits);
    }

    /// <summary>
    /// The matrix straight from each coder's code per unit (−1 for missing), optionally mapped through
    /// <paramref name="map"/> (code → category), as token ratings hold them: no table, no string per rating.
    /// Categories are those used, in ordinal order, as <see cref="RatingTable.FromNominal"/> orders them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every rating, as in From
    internal static CoincidenceMatrix FromCodes(IReadOnlyList<string> values, IReadOnlyList<int[]> codeList, int unitCount, int[]? map = null)
    {
        // An array, not the list: a foreach over an IReadOnlyList in the loop over units allocated an enumerator
        // per unit, hundreds of millions of them over a large project.
        var codes = codeList as int[][] ?? [.. codeList];
        var used = new bool[values.Count];
        foreach (var code in codes)
            foreach (var c in code)
                if (c >= 0)
                    used[map is null ? c : map[c]] = true;
        var order = Enumerable.Range(0, values.Count).Where(i => used[i]).OrderBy(i => values[i], StringComparer.Ordinal).ToArray();
        var rank = new int[values.Count];
        for (var r = 0; r < order.Length; r++)
            rank[order[r]] = r;

        var k = order.Length;
        var cells = new double[k * k];
        var counts = new int[k];
        var present = new int[k];
        var unit = new int[codes.Length];
        // A unit's terms (cell, value) for the current run of units: neighbouring tokens mostly carry the same codes
        // from every coder, so the terms are formed when the codes change and only added for each unit. Each cell
        // takes one term per unit, the same value AddUnit would form, so every sum is the same to the last bit.
        var previous = new int[codes.Length];
        var termCells = new int[k * k];
        var termValues = new double[k * k];
        var terms = -1; // -1: the unit has fewer than two values
        var pairable = 0;
        for (var u = 0; u < unitCount; u++)
        {
            var same = u > 0;
            for (var i = 0; same && i < codes.Length; i++)
                same = codes[i][u] == previous[i];
            if (!same)
            {
                var m = 0;
                for (var i = 0; i < codes.Length; i++)
                {
                    var code = previous[i] = codes[i][u];
                    if (code >= 0)
                        unit[m++] = rank[map is null ? code : map[code]];
                }

                terms = UnitTerms(unit.AsSpan(0, m), k, counts, present, termCells, termValues);
            }

            if (terms < 0)
                continue;
            for (var t = 0; t < terms; t++)
                cells[termCells[t]] += termValues[t];
            pairable++;
        }

        return new CoincidenceMatrix([.. order.Select(i => values[i])], cells, pairable);
    }

    // One unit's terms as AddUnit forms them, as (cell, value) pairs: how many, or −1 when the unit has fewer than two values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per change of codes along every document's tokens
    private static int UnitTerms(ReadOnlySpan<int> values, int k, int[] counts, int[] present, int[] termCells, double[] termValues)
    {
        var m = values.Length;
        if (m < 2)
            return -1;
        var distinct = 0;
        foreach (var c in values)
        {
            if (counts[c]++ == 0)
                present[distinct++] = c;
        }

        var weight = 1.0 / (m - 1);
        var terms = 0;
        for (var i = 0; i < distinct; i++)
        {
            var c = present[i];
            termCells[terms] = (c * k) + c;
            termValues[terms++] = (double)counts[c] * (counts[c] - 1) * weight;
            for (var j = 0; j < distinct; j++)
            {
                if (j != i)
                {
                    termCells[terms] = (c * k) + present[j];
                    termValues[terms++] = (double)counts[c] * counts[present[j]] * weight;
                }
            }
        }

        for (var i = 0; i < distinct; i++)
            counts[present[i]] = 0;
        return terms;
    }

    // Adds one unit's values (category indices) to the cells; false when the unit has fewer than two values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every rating: optimized at once, a command-line run ends before tiered JIT would get to it
    private static bool AddUnit(ReadOnlySpan<int> values, double[] cells, int[] counts, int[] present)
    {
        var k = counts.Length;
        var m = values.Length;
        if (m < 2)
            return false;
        var distinct = 0;
        foreach (var c in values)
        {
            if (counts[c]++ == 0)
                present[distinct++] = c;
        }

        var weight = 1.0 / (m - 1);
        for (var i = 0; i < distinct; i++)
        {
            var c = present[i];
            cells[(c * k) + c] += (double)counts[c] * (counts[c] - 1) * weight;
            for (var j = 0; j < distinct; j++)
            {
                if (j != i)
                    cells[(c * k) + present[j]] += (double)counts[c] * counts[present[j]] * weight;
            }
        }

        for (var i = 0; i < distinct; i++)
            counts[present[i]] = 0;
        return true;
    }
}
