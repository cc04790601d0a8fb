namespace Annotate.Agreement;

/// <summary>
/// A user's distances between nominal categories (how far apart two labels are: 0 the same, larger further), for
/// categories that are neither unordered nor on a scale, e.g. dialogue acts where a check is half-way between a
/// statement and a question (Artstein &amp; Poesio 2008, §2.6). Symmetric, d(c, c) = 0, every distance finite and ≥ 0.
/// Krippendorff's alpha takes a distance as its δ² as given (not squared again); weighted Cohen's kappa takes it as
/// the disagreement weight; Gwet's AC2 takes 1 − d / max d as the agreement weight.
/// </summary>
public sealed class CategoryDistances
{
    private readonly Dictionary<(string, string), double> distances;

    private CategoryDistances(Dictionary<(string, string), double> distances) => this.distances = distances;

    /// <summary>Builds the distances from (a, b, distance) pairs; (b, a) is implied by (a, b), and d(c, c) = 0 by default.</summary>
    /// <exception cref="ArgumentException">
    /// A distance that is negative or not finite, a pair given twice with different distances (in either order), or
    /// a category at a non-zero distance from itself.
    /// </exception>
    public static CategoryDistances From(IEnumerable<(string A, string B, double Distance)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var map = new Dictionary<(string, string), double>();
        foreach (var (a, b, d) in pairs)
        {
            ArgumentNullException.ThrowIfNull(a, nameof(pairs));
            ArgumentNullException.ThrowIfNull(b, nameof(pairs));
            if (!double.IsFinite(d) || d < 0)
                throw new ArgumentException($"The distance between '{a}' and '{b}' must be a finite number of 0 or more, not {d}.", nameof(pairs));
            if (a == b && d != 0)
                throw new ArgumentException($"The distance of '{a}' from itself must be 0, not {d}.", nameof(pairs));
            if (map.TryGetValue((a, b), out var earlier) && earlier != d)
                throw new ArgumentException($"The distance between '{a}' and '{b}' is given as both {earlier} and {d}: distances are symmetric.", nameof(pairs));
            map[(a, b)] = d;
            map[(b, a)] = d;
        }

        return new CategoryDistances(map);
    }

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, if known (0 for a category and itself).</summary>
    public bool TryGet(string a, string b, out double distance)
    {
        if (a == b)
        {
            distance = 0;
            return true;
        }

        return distances.TryGetValue((a, b), out distance);
    }

    /// <summary>The first pair of <paramref name="categories"/> (in their order) with no distance, or null when all are known.</summary>
    public (string A, string B)? MissingPair(IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        for (var i = 0; i < categories.Count; i++)
            for (var j = i + 1; j < categories.Count; j++)
                if (!TryGet(categories[i], categories[j], out _))
                    return (categories[i], categories[j]);
        return null;
    }

    /// <summary>The distances among <paramref name="categories"/>, row-major k × k.</summary>
    /// <exception cref="ArgumentException">A pair of the categories has no distance; the message names it.</exception>
    internal double[] Matrix(IReadOnlyList<string> categories)
    {
        if (MissingPair(categories) is { } missing)
            throw new ArgumentException($"The distance between '{missing.A}' and '{missing.B}' is missing.", nameof(categories));
        var k = categories.Count;
        var matrix = new double[k * k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
                TryGet(categories[i], categories[j], out matrix[(i * k) + j]);
        return matrix;
    }
}
