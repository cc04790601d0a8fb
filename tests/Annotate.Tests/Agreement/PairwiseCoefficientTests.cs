using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class PairwiseCoefficientTests
{
    // scikit-learn's documented cohen_kappa_score example (0.6875), checked by hand:
    // n = 5, 4 agreements → p_o = 0.8. Marginals first: negative 2, positive 2, neutral 1; second: 3, 1, 1.
    // Cohen p_e = (2·3 + 2·1 + 1·1) / 25 = 9/25 → κ = (0.8 − 0.36) / 0.64 = 0.6875.
    // Scott pooled proportions 5/10, 3/10, 2/10 → p_e = 0.38 → π = 0.42 / 0.62 = 21/31.
    // Bennett's S with q = 3 observed categories: (0.8 − 1/3) / (2/3) = 0.7; with q = 4 declared: 0.55 / 0.75 = 11/15.
    private static readonly string[] SklearnFirst = ["negative", "positive", "negative", "neutral", "positive"];
    private static readonly string[] SklearnSecond = ["negative", "positive", "negative", "neutral", "negative"];

    [Fact]
    public void The_Confusion_Matrix_Keeps_Who_Said_What()
    {
        var table = ReliabilityData.TwoCoders(SklearnFirst, SklearnSecond);

        var confusion = CodingAgreement.Confusion(table, table.Coders[0], table.Coders[1]);
        var flipped = CodingAgreement.Confusion(table, table.Coders[1], table.Coders[0]);

        // Categories sorted: negative, neutral, positive. The one disagreement: first "positive", second "negative".
        Assert.Equal(["negative", "neutral", "positive"], confusion.Categories);
        Assert.Equal([2L, 0, 0], confusion.Counts[0]);
        Assert.Equal([0L, 1, 0], confusion.Counts[1]);
        Assert.Equal([1L, 0, 1], confusion.Counts[2]);
        Assert.Equal(5, confusion.Units);
        Assert.Equal(1, flipped.Counts[0][2]); // transposed
        Assert.Throws<ArgumentException>(() => CodingAgreement.Confusion(table, table.Coders[0], "nobody"));
    }

    [Fact]
    public void Cohen_Kappa_Reproduces_The_ScikitLearn_Example()
    {
        var table = ReliabilityData.TwoCoders(SklearnFirst, SklearnSecond);

        Assert.Equal(0.6875, CodingAgreement.CohenKappa(table).Value, 12);
    }

    [Fact]
    public void Scott_Pi_Percent_Agreement_And_Bennett_S_Match_Hand_Arithmetic()
    {
        var table = ReliabilityData.TwoCoders(SklearnFirst, SklearnSecond);
        var declared = ReliabilityData.TwoCoders(SklearnFirst, SklearnSecond, ["negative", "neutral", "positive", "mixed"]);

        Assert.Equal(21.0 / 31, CodingAgreement.ScottPi(table).Value, 12);
        Assert.Equal(0.8, CodingAgreement.PercentAgreement(table).Value, 12);
        Assert.Equal(0.7, CodingAgreement.BennettS(table).Value, 12);
        Assert.Equal(11.0 / 15, CodingAgreement.BennettS(declared).Value, 12);
        Assert.Equal(CodingAgreement.BennettS(declared), CodingAgreement.RandolphKappa(declared));
    }

    // Hand-computed: first = 1 1 2 2 3 3, second = 1 2 2 3 3 3 (n = 6).
    // Rows (first) 2, 2, 2; columns (second) 1, 2, 3; e_ij = 2·c_j / 6 = c_j / 3.
    // Unweighted: p_o = 4/6, p_e = (2 + 4 + 6) / 36 = 1/3 → κ = 0.5.
    // Linear: Σ w·o = |1−2| + |2−3| = 2; Σ w·e = (1/3)(1·3 + 2·2 + 3·3) = 16/3 → κ = 1 − 6/16 = 0.625.
    // Quadratic: Σ w·o = 2; Σ w·e = (1/3)(1·5 + 2·2 + 3·5) = 8 → κ = 1 − 2/8 = 0.75.
    [Theory]
    [InlineData(KappaWeighting.Unweighted, 0.5)]
    [InlineData(KappaWeighting.Linear, 0.625)]
    [InlineData(KappaWeighting.Quadratic, 0.75)]
    public void Weighted_Kappa_Matches_Hand_Arithmetic_And_Uses_Ranks_Not_Values(KappaWeighting weighting, double expected)
    {
        var byRank = TwoNumericCoders([1, 1, 2, 2, 3, 3], [1, 2, 2, 3, 3, 3]);
        var spread = TwoNumericCoders([10, 10, 20, 20, 70, 70], [10, 20, 20, 70, 70, 70]);
        var withUnusedDeclared = RatingTable.FromNumeric(
            Triples([1, 1, 2, 2, 4, 4], [1, 2, 2, 4, 4, 4]), declaredValues: [1, 2, 3, 4]);

        Assert.Equal(expected, CodingAgreement.CohenKappa(byRank, weighting).Value, 12);
        Assert.Equal(expected, CodingAgreement.CohenKappa(spread, weighting).Value, 12);
        Assert.Equal(expected, CodingAgreement.CohenKappa(withUnusedDeclared, weighting).Value, 12);
    }

    [Fact]
    public void Kappa_Is_Symmetric_In_The_Two_Coders()
    {
        var forward = TwoNumericCoders([1, 1, 2, 2, 3, 3], [1, 2, 2, 3, 3, 3]);
        var backward = TwoNumericCoders([1, 2, 2, 3, 3, 3], [1, 1, 2, 2, 3, 3]);

        foreach (var w in Enum.GetValues<KappaWeighting>())
            Assert.Equal(CodingAgreement.CohenKappa(forward, w).Value, CodingAgreement.CohenKappa(backward, w).Value, 12);
    }

    [Fact]
    public void Kappa_And_Pi_Are_Undefined_When_Both_Coders_Use_One_Category()
    {
        var table = ReliabilityData.TwoCoders(["a", "a", "a"], ["a", "a", "a"]);

        Assert.False(CodingAgreement.CohenKappa(table).IsDefined);
        Assert.True(double.IsNaN(CodingAgreement.ScottPi(table).Value));
        Assert.False(CodingAgreement.BennettS(table).IsDefined);
        Assert.Equal(1, CodingAgreement.PercentAgreement(table).Value);
    }

    [Fact]
    public void Kappa_Needs_Two_Coders_And_Two_Shared_Units()
    {
        var three = RatingTable.FromNominal([("u1", "a", "x"), ("u1", "b", "y"), ("u1", "c", "x"), ("u2", "a", "y"), ("u2", "b", "y")]);
        var oneShared = RatingTable.FromNominal([("u1", "a", "x"), ("u1", "b", "y"), ("u2", "a", "y"), ("u3", "b", "y")]);

        Assert.Contains("two coders", CodingAgreement.CohenKappa(three).Undefined, StringComparison.Ordinal);
        Assert.Contains("two units", CodingAgreement.ScottPi(oneShared).Undefined, StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_Agreement_Averages_Pairwise_Agreement_Over_Units_With_Two_Or_More_Ratings()
    {
        // u1: a a b → 1 agreeing pair of 3; u2: a a → 1; u3 has a single rating and is left out. Mean = (1/3 + 1) / 2.
        var table = RatingTable.FromNominal(
            [("u1", "x", "a"), ("u1", "y", "a"), ("u1", "z", "b"), ("u2", "x", "a"), ("u2", "z", "a"), ("u3", "y", "b")]);

        Assert.Equal(2.0 / 3, CodingAgreement.PercentAgreement(table).Value, 12);
        Assert.False(CodingAgreement.PercentAgreement(RatingTable.FromNominal([("u1", "x", "a")])).IsDefined);
    }

    private static IEnumerable<(string Unit, string Coder, double Value)> Triples(double[] first, double[] second) =>
        first.Select((v, i) => ($"u{i}", "first", v)).Concat(second.Select((v, i) => ($"u{i}", "second", v)));

    private static RatingTable TwoNumericCoders(double[] first, double[] second) => RatingTable.FromNumeric(Triples(first, second));
}
