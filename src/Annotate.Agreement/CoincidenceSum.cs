namespace Annotate.Agreement;

/// <summary>
/// A running sum of coincidence matrices, added one at a time (documents as they stream past) instead of all kept
/// for <see cref="CoincidenceMatrix.Sum"/>. Each cell receives the same additions in the same order as
/// <see cref="CoincidenceMatrix.Sum"/> would give it, so the result is the same to the last bit.
/// </summary>
public sealed class CoincidenceSum
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> categories = [];
    private double[] cells = new double[16];
    private int capacity = 4;
    private int pairable;

    /// <summary>How many matrices were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one matrix (its categories join those seen so far).</summary>
    public void Add(CoincidenceMatrix part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var pk = part.Categories.Count;
        Span<int> map = pk <= 64 ? stackalloc int[pk] : new int[pk];
        for (var i = 0; i < pk; i++)
            map[i] = IndexOf(part.Categories[i]);
        for (var r = 0; r < pk; r++)
            for (var c = 0; c < pk; c++)
                cells[(map[r] * capacity) + map[c]] += part[r, c];
        pairable += part.PairableUnits;
        Count++;
    }

    /// <summary>The sum as a matrix, categories in ordinal order (as <see cref="CoincidenceMatrix.Sum"/> gives them).</summary>
    public CoincidenceMatrix ToMatrix()
    {
        var order = Enumerable.Range(0, categories.Count).OrderBy(i => categories[i], StringComparer.Ordinal).ToArray();
        var k = order.Length;
        var result = new double[k * k];
        for (var r = 0; r < k; r++)
            for (var c = 0; c < k; c++)
                result[(r * k) + c] = cells[(order[r] * capacity) + order[c]];
        return CoincidenceMatrix.FromCells([.. order.Select(i => categories[i])], result, pairable);
    }

    private int IndexOf(string category)
    {
        if (index.TryGetValue(category, out var i))
            return i;
        i = categories.Count;
        if (i == capacity)
        {
            // Grow the square, keeping each cell where its row and column say.
            var wider = capacity * 2;
            var grown = new double[wider * wider];
            for (var r = 0; r < capacity; r++)
                Array.Copy(cells, r * capacity, grown, r * wider, capacity);
            cells = grown;
            capacity = wider;
        }

        index[category] = i;
        categories.Add(category);
        return i;
    }
}
