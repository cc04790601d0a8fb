namespace Annotate.Agreement;

/// <summary>
/// Two coders' confusion (contingency) matrix over the units both rated: <c>Counts[i][j]</c> is how many units the
/// first coder put in category i and the second in category j. Unlike the coincidence matrix it keeps who said
/// what, so it shows systematic differences ("where Ana says protest, Ben says blockade").
/// </summary>
/// <param name="First">The coder in the rows.</param>
/// <param name="Second">The coder in the columns.</param>
/// <param name="Categories">Row and column categories, as in <see cref="RatingTable.Categories"/>.</param>
/// <param name="Counts">Units per (first coder's category, second coder's category).</param>
/// <param name="Units">Units both coders rated.</param>
public sealed record ConfusionMatrix(string First, string Second, IReadOnlyList<string> Categories, IReadOnlyList<long[]> Counts, long Units);

public static partial class CodingAgreement
{
    /// <summary>The confusion matrix of two of the table's coders (any number of coders may be in the table).</summary>
    /// <exception cref="ArgumentException">A coder who is not in the table, or the same coder twice.</exception>
    public static ConfusionMatrix Confusion(RatingTable table, string first, string second)
    {
        ArgumentNullException.ThrowIfNull(table);
        var a = IndexOfCoder(table, first, nameof(first));
        var b = IndexOfCoder(table, second, nameof(second));
        if (a == b)
            throw new ArgumentException("A confusion matrix needs two different coders.", nameof(second));

        var k = table.Categories.Count;
        var counts = Enumerable.Range(0, k).Select(_ => new long[k]).ToArray();
        long units = 0;
        for (var u = 0; u < table.UnitCount; u++)
        {
            int? ofA = null, ofB = null;
            var coders = table.CoderSpan(u);
            var values = table.CategorySpan(u);
            for (var i = 0; i < coders.Length; i++)
            {
                if (coders[i] == a)
                    ofA = values[i];
                else if (coders[i] == b)
                    ofB = values[i];
            }

            if (ofA is { } x && ofB is { } y)
            {
                counts[x][y]++;
                units++;
            }
        }

        return new ConfusionMatrix(first, second, table.Categories, counts, units);
    }

    private static int IndexOfCoder(RatingTable table, string coder, string parameter)
    {
        for (var i = 0; i < table.CoderCount; i++)
        {
            if (table.Coders[i] == coder)
                return i;
        }

        throw new ArgumentException($"'{coder}' is not one of the table's coders.", parameter);
    }
}
