using System.Runtime.InteropServices;

namespace Annotate.Agreement;

public sealed partial class RatingTable
{
    /// <summary>The number of units.</summary>
    public int UnitCount => Units.Count;

    /// <summary>The number of coders.</summary>
    public int CoderCount => Coders.Count;

    // Interns identifiers, then counting-sorts the ratings by unit into flat arrays (linear time and memory).
    private static RatingTable Build(
        IEnumerable<(string Unit, string Coder, int Category)> ratings, string[] categories, double[]? numeric, bool declared)
    {
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        var coders = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitList = new List<int>();
        var coderList = new List<int>();
        var categoryList = new List<int>();
        foreach (var (unit, coder, category) in ratings)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(ratings));
            ArgumentNullException.ThrowIfNull(coder, nameof(ratings));
            unitList.Add(Intern(units, unit));
            coderList.Add(Intern(coders, coder));
            categoryList.Add(category);
        }

        return Sorted(Names(units), Names(coders), categories, numeric, declared,
            CollectionsMarshal.AsSpan(unitList), CollectionsMarshal.AsSpan(coderList), CollectionsMarshal.AsSpan(categoryList));
    }

    /// <summary>
    /// Builds a table from ratings already interned into indices, as a fast file reader produces them: rating i is
    /// unit <c>unitOf[i]</c>, coder <c>coderOf[i]</c>, category <c>categoryOf[i]</c>. No string per rating is made.
    /// </summary>
    /// <param name="units">Unit identifiers by index.</param>
    /// <param name="coders">Coder identifiers by index.</param>
    /// <param name="categories">The category set in rank order, as <see cref="Categories"/>.</param>
    /// <param name="unitOf">The unit index of each rating.</param>
    /// <param name="coderOf">The coder index of each rating.</param>
    /// <param name="categoryOf">The category index of each rating.</param>
    /// <param name="numericCategories">The numeric value of each category, ascending; <see langword="null"/> for labels.</param>
    /// <param name="declared">Whether the category set was declared rather than observed.</param>
    /// <exception cref="ArgumentException">Columns of different lengths, an index out of range, or a duplicate (unit, coder) pair.</exception>
    public static RatingTable FromIndices(
        IReadOnlyList<string> units, IReadOnlyList<string> coders, IReadOnlyList<string> categories,
        ReadOnlySpan<int> unitOf, ReadOnlySpan<int> coderOf, ReadOnlySpan<int> categoryOf,
        IReadOnlyList<double>? numericCategories = null, bool declared = false) =>
        FromIndices(units, coders, categories, unitOf, coderOf, categoryOf, numericCategories, declared, keepUnits: false);

    /// <summary>
    /// As <see cref="FromIndices(IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string}, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int}, IReadOnlyList{double}?, bool)"/>,
    /// but with <paramref name="keepUnits"/> the table keeps <paramref name="units"/> as given instead of copying it:
    /// a reader that makes unit names only when they are read (a large file's are rarely read) hands over its own
    /// list, which must not change afterwards.
    /// </summary>
    /// <param name="units">Unit identifiers by index.</param>
    /// <param name="coders">Coder identifiers by index.</param>
    /// <param name="categories">The category set in rank order, as <see cref="Categories"/>.</param>
    /// <param name="unitOf">The unit index of each rating.</param>
    /// <param name="coderOf">The coder index of each rating.</param>
    /// <param name="categoryOf">The category index of each rating.</param>
    /// <param name="numericCategories">The numeric value of each category, ascending; <see langword="null"/> for labels.</param>
    /// <param name="declared">Whether the category set was declared rather than observed.</param>
    /// <param name="keepUnits">Keep <paramref name="units"/> rather than a copy of it.</param>
    /// <param name="categoryOfValue">
    /// When not empty, <paramref name="categoryOf"/> holds value indices and this maps each to its category index (a
    /// reader's values as written, mapped to categories without a column of its own).
    /// </param>
    /// <exception cref="ArgumentException">Columns of different lengths, an index out of range, or a duplicate (unit, coder) pair.</exception>
    public static RatingTable FromIndices(
        IReadOnlyList<string> units, IReadOnlyList<string> coders, IReadOnlyList<string> categories,
        ReadOnlySpan<int> unitOf, ReadOnlySpan<int> coderOf, ReadOnlySpan<int> categoryOf,
        IReadOnlyList<double>? numericCategories, bool declared, bool keepUnits, ReadOnlySpan<int> categoryOfValue = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(coders);
        ArgumentNullException.ThrowIfNull(categories);
        if (unitOf.Length != coderOf.Length || unitOf.Length != categoryOf.Length)
            throw new ArgumentException("The unit, coder and category columns must have the same length.", nameof(categoryOf));
        if (numericCategories is not null && numericCategories.Count != categories.Count)
            throw new ArgumentException("There must be one numeric value per category.", nameof(numericCategories));
        foreach (var category in categoryOfValue)
        {
            if ((uint)category >= (uint)categories.Count)
                throw new ArgumentException($"Category index {category} is out of range.", nameof(categoryOfValue));
        }

        // The counts are read once: through the interface, the loop would call for them three times per rating.
        var (unitCount, coderCount) = ((uint)units.Count, (uint)coders.Count);
        var valueCount = (uint)(categoryOfValue.IsEmpty ? categories.Count : categoryOfValue.Length);
        for (var i = 0; i < unitOf.Length; i++)
        {
            if ((uint)unitOf[i] >= unitCount || (uint)coderOf[i] >= coderCount || (uint)categoryOf[i] >= valueCount)
                throw new ArgumentException($"Rating {i} has an index out of range.", nameof(unitOf));
        }

        return Sorted(keepUnits ? units : [.. units], [.. coders], [.. categories], numericCategories?.ToArray(), declared, unitOf, coderOf, categoryOf, categoryOfValue);
    }

    // Counting-sorts interned ratings by unit (stable: a unit's ratings keep their input order) and refuses a
    // coder who rated a unit twice.
    private static RatingTable Sorted(IReadOnlyList<string> units, string[] coders, string[] categories, double[]? numeric, bool declared,
        ReadOnlySpan<int> unitList, ReadOnlySpan<int> coderList, ReadOnlySpan<int> categoryList, ReadOnlySpan<int> categoryOfValue = default)
    {
        var start = new int[units.Count + 1];
        foreach (var u in unitList)
            start[u + 1]++;
        for (var u = 0; u < units.Count; u++)
            start[u + 1] += start[u];

        var next = start[..^1];
        var coderOf = new int[unitList.Length];
        var categoryOf = new int[unitList.Length];
        if (categoryOfValue.IsEmpty)
        {
            for (var i = 0; i < unitList.Length; i++)
            {
                var at = next[unitList[i]]++;
                coderOf[at] = coderList[i];
                categoryOf[at] = categoryList[i];
            }
        }
        else
        {
            for (var i = 0; i < unitList.Length; i++)
            {
                var at = next[unitList[i]]++;
                coderOf[at] = coderList[i];
                categoryOf[at] = categoryOfValue[categoryList[i]];
            }
        }

        var lastUnitOfCoder = new int[coders.Length];
        Array.Fill(lastUnitOfCoder, -1);
        for (var u = 0; u < units.Count; u++)
        {
            for (var i = start[u]; i < start[u + 1]; i++)
            {
                if (lastUnitOfCoder[coderOf[i]] == u)
                    throw new ArgumentException("A coder rated the same unit twice.", nameof(unitList));
                lastUnitOfCoder[coderOf[i]] = u;
            }
        }

        return new RatingTable(units, coders, categories, numeric, declared, start, coderOf, categoryOf);
    }

    /// <summary>
    /// A nominal table straight from each coder's category code per unit (−1 for missing), as token ratings hold
    /// them: no string per rating. Units without any rating are left out; unit names are their indices; the
    /// categories are those used, in ordinal order, as <see cref="FromNominal"/> would order them.
    /// </summary>
    internal static RatingTable FromCodes(IReadOnlyList<string> values, IReadOnlyList<string> coders, IReadOnlyList<int[]> codes, int unitCount)
    {
        var used = new bool[values.Count];
        foreach (var code in codes)
            foreach (var c in code)
                if (c >= 0)
                    used[c] = true;
        var categories = Enumerable.Range(0, values.Count).Where(i => used[i]).OrderBy(i => values[i], StringComparer.Ordinal).ToArray();
        var rank = new int[values.Count];
        for (var r = 0; r < categories.Length; r++)
            rank[categories[r]] = r;

        var unitNames = new List<string>();
        var start = new List<int> { 0 };
        var coderOf = new List<int>();
        var categoryOf = new List<int>();
        for (var u = 0; u < unitCount; u++)
        {
            var before = coderOf.Count;
            for (var c = 0; c < codes.Count; c++)
            {
                if (codes[c][u] >= 0)
                {
                    coderOf.Add(c);
                    categoryOf.Add(rank[codes[c][u]]);
                }
            }

            if (coderOf.Count > before)
            {
                unitNames.Add(u.ToString(System.Globalization.CultureInfo.InvariantCulture));
                start.Add(coderOf.Count);
            }
        }

        return new RatingTable([.. unitNames], [.. coders], [.. categories.Select(i => values[i])], null, false, [.. start], [.. coderOf], [.. categoryOf]);
    }

    private static int Intern(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out var id))
            ids.Add(key, id = ids.Count);
        return id;
    }

    private static string[] Names(Dictionary<string, int> ids)
    {
        var names = new string[ids.Count];
        foreach (var (name, id) in ids)
            names[id] = name;
        return names;
    }
}
