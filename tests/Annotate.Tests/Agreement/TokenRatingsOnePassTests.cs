using Annotate.Agreement;
using Annotate.Agreement.Spans;

namespace Annotate.Tests.Agreement;

/// <summary>
/// The one-pass matrices of a document's token ratings (every pair, every label) are those of the matrix-at-a-time
/// computation to the last bit: a project's report sums them over documents and must not move.
/// </summary>
public sealed class TokenRatingsOnePassTests
{
    private static void AssertSame(CoincidenceMatrix expected, CoincidenceMatrix actual)
    {
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.PairableUnits, actual.PairableUnits);
        for (var r = 0; r < expected.Categories.Count; r++)
            for (var c = 0; c < expected.Categories.Count; c++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[r, c]), BitConverter.DoubleToInt64Bits(actual[r, c]));
    }

    // Random documents with three to six coders (weights 1/2 … 1/5, 1/3 being inexact), stacked and overlapping labels,
    // and a listed coder who marked nothing.
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_Pair_And_Every_Label_In_One_Pass_Give_The_Same_Matrices(int seed)
    {
        var random = new Random(seed);
        var tokens = Enumerable.Range(0, 300).Select(i => new Token("d", i * 4, (i * 4) + 3)).ToList();
        var coders = Enumerable.Range(0, 3 + (seed % 4)).Select(i => $"c{i}").ToList();
        string[] labels = ["x", "y", "z", "w"];
        var spans = new List<LabelledSpan>();
        foreach (var coder in coders.Skip(1))
        {
            for (var s = 0; s < 25; s++)
            {
                var start = random.Next(0, 1150);
                spans.Add(new LabelledSpan("d", coder, start, start + random.Next(1, 60), labels[random.Next(labels.Length)]));
            }
        }

        var ratings = TokenRatings.Build(spans, tokens, new Dictionary<string, IReadOnlyCollection<string>> { ["d"] = coders });

        var pairs = ratings.PairCoincidences(coders);
        for (var i = 0; i < coders.Count; i++)
            for (var j = i + 1; j < coders.Count; j++)
                AssertSame(ratings.Coincidences([coders[i], coders[j]]), pairs[(coders[i], coders[j])]);
        string[] asked = [.. labels, "never used"];
        var byLabel = ratings.LabelCoincidences(asked);
        foreach (var label in asked)
            AssertSame(ratings.ForLabel(label).Coincidences(), byLabel[label]);
    }
}
