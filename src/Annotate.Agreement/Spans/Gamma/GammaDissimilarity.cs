namespace Annotate.Agreement.Spans.Gamma;

/// <summary>
/// pygamma-agreement's CombinedCategoricalDissimilarity: alpha · positional + beta · categorical, where positional is
/// ((|s1 − s2| + |e1 − e2|) / (len1 + len2))² · Δ∅ (PositionalSporadicDissimilarity) and categorical is the label
/// distance (0 or 1 by default) · Δ∅. A unit against the empty unit costs Δ∅.
/// </summary>
internal sealed class GammaDissimilarity
{
    private readonly double alpha;
    private readonly double beta;
    private readonly double[,] categories;

    public GammaDissimilarity(double alpha, double beta, double deltaEmpty, double[,] categories)
    {
        this.alpha = alpha;
        this.beta = beta;
        DeltaEmpty = deltaEmpty;
        this.categories = categories;
    }

    public double DeltaEmpty { get; }

    /// <summary>Weight of the positional part: a pair farther apart than this allows cannot be cheap.</summary>
    public double Alpha => alpha;

    public double Between(in GammaUnit a, in GammaUnit b)
    {
        var position = (Math.Abs(a.Start - b.Start) + Math.Abs(a.End - b.End)) / (a.Length + b.Length);
        return (alpha * position * position * DeltaEmpty) + (beta * categories[a.Category, b.Category] * DeltaEmpty);
    }

    /// <summary>The label distances: 0/1 by default, or the caller's, checked to be a distance in [0, 1].</summary>
    public static double[,] CategoryMatrix(IReadOnlyList<string> labels, Func<string, string, double>? distance)
    {
        var matrix = new double[labels.Count, labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = 0; j < labels.Count; j++)
            {
                var d = distance is null ? (i == j ? 0 : 1) : distance(labels[i], labels[j]);
                if (double.IsNaN(d) || d < 0 || d > 1)
                {
                    throw new ArgumentException($"The distance between labels '{labels[i]}' and '{labels[j]}' is {d}; gamma takes distances from 0 to 1.", nameof(distance));
                }

                if (i == j && d != 0)
                {
                    throw new ArgumentException($"The distance of label '{labels[i]}' to itself is {d}; it must be 0.", nameof(distance));
                }

                matrix[i, j] = d;
            }
        }

        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (matrix[i, j] != matrix[j, i])
                {
                    throw new ArgumentException($"The distance between labels '{labels[i]}' and '{labels[j]}' is not symmetric ({matrix[i, j]} and {matrix[j, i]}).", nameof(distance));
                }
            }
        }

        return matrix;
    }
}
