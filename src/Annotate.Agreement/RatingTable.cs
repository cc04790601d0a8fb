using System.Globalization;

namespace Annotate.Agreement;

/// <summary>
/// Coding data: units × coders, each cell a category or missing. Built from (unit, coder, value)
/// triples; a coder who did not rate a unit simply has no triple for it. Immutable.
/// Stored unit by unit in flat arrays, so memory grows with the number of ratings only.
/// </summary>
public sealed partial class RatingTable
{
    private readonly int[] unitStart;
    private readonly int[] coderOf;
    private readonly int[] categoryOf;
    private readonly double[]? numeric;

    private RatingTable(
        IReadOnlyList<string> units, string[] coders, string[] categories, double[]? numeric, bool declared,
        int[] unitStart, int[] coderOf, int[] categoryOf)
    {
        Units = units;
        Coders = coders;
        Categories = categories;
        this.numeric = numeric;
        CategoriesDeclared = declared;
        this.unitStart = unitStart;
        this.coderOf = coderOf;
        this.categoryOf = categoryOf;
    }

    /// <summary>Unit identifiers, in order of first appearance.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>Coder identifiers, in order of first appearance.</summary>
    public IReadOnlyList<string> Coders { get; }

    /// <summary>
    /// The category set in rank order: the declared categories in their declared order, else the observed
    /// values sorted (ordinal string order, or ascending numbers). Numeric values are shown invariantly.
    /// </summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The numeric value of each category, ascending; <see langword="null"/> for nominal (string) tables.</summary>
    public IReadOnlyList<double>? NumericCategories => numeric;

    /// <summary>Whether the category set was declared rather than observed.</summary>
    public bool CategoriesDeclared { get; }

    /// <summary>The number of (unit, coder, value) ratings.</summary>
    public int RatingCount => coderOf.Length;

    /// <summary>The ratings of unit <paramref name="unit"/> as (coder index, category index) pairs.</summary>
    public IEnumerable<(int Coder, int Category)> RatingsOf(int unit)
    {
        for (var i = unitStart[unit]; i < unitStart[unit + 1]; i++)
            yield return (coderOf[i], categoryOf[i]);
    }

    internal ReadOnlySpan<int> CoderSpan(int unit) => coderOf.AsSpan(unitStart[unit], unitStart[unit + 1] - unitStart[unit]);

    internal ReadOnlySpan<int> CategorySpan(int unit) => categoryOf.AsSpan(unitStart[unit], unitStart[unit + 1] - unitStart[unit]);

    /// <summary>Builds a table of string categories (nominal, or ordinal by the declared order).</summary>
    /// <param name="ratings">(unit, coder, value) triples; at most one per unit and coder.</param>
    /// <param name="declaredCategories">The category set in rank order; <see langword="null"/> to use the observed values, sorted ordinally.</param>
    /// <exception cref="ArgumentException">A duplicate (unit, coder) pair, a null value, or a value outside the declared categories.</exception>
    public static RatingTable FromNominal(
        IEnumerable<(string Unit, string Coder, string Value)> ratings, IEnumerable<string>? declaredCategories = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var all = ratings.ToArray();
        var declared = declaredCategories?.ToArray();
        var categories = declared ?? all.Select(r => r.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(categories[i], nameof(ratings));
            if (!index.TryAdd(categories[i], i))
                throw new ArgumentException($"Category '{categories[i]}' is declared twice.", nameof(declaredCategories));
        }

        return Build(all.Select(r => (r.Unit, r.Coder, CategoryIndex(index, r.Value))), categories, null, declared is not null);
    }

    /// <summary>Builds a table of numeric values (ordinal, interval or ratio).</summary>
    /// <param name="ratings">(unit, coder, value) triples; at most one per unit and coder; values finite.</param>
    /// <param name="declaredValues">The possible values; <see langword="null"/> to use the observed values.</param>
    /// <exception cref="ArgumentException">A duplicate (unit, coder) pair, a non-finite value, or a value outside the declared values.</exception>
    public static RatingTable FromNumeric(
        IEnumerable<(string Unit, string Coder, double Value)> ratings, IEnumerable<double>? declaredValues = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var all = ratings.ToArray();
        var values = (declaredValues ?? all.Select(r => r.Value)).Distinct().Order().ToArray();
        if (values.Any(v => !double.IsFinite(v)))
            throw new ArgumentException("Values must be finite numbers.", nameof(ratings));
        var index = new Dictionary<double, int>();
        for (var i = 0; i < values.Length; i++)
            index[values[i]] = i;
        var names = values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        return Build(all.Select(r => (r.Unit, r.Coder, CategoryIndex(index, r.Value))), names, values, declaredValues is not null);
    }

    private static int CategoryIndex<T>(Dictionary<T, int> index, T value) where T : notnull =>
        value is not null && index.TryGetValue(value, out var i)
            ? i
            : throw new ArgumentException($"Value '{value}' is not among the categories.", nameof(value));
}
