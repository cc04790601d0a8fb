using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class MultiraterKappaTests
{
    // Not Fleiss (1971)'s own 30 × 6 table, which we could not reproduce exactly, but the worked example of the
    // Wikipedia article "Fleiss' kappa": 10 subjects, 14 raters, 5 categories, κ = 0.210 (counts per category).
    // Checked by hand: Σ_i Σ_j n_ij (n_ij − 1) = 688 over 10 · 14 · 13 = 1820 → P̄ = 172/455 ≈ 0.378;
    // column totals 20, 28, 39, 21, 32 of 140 → P̄e = 4170/19600 ≈ 0.213; κ = (P̄ − P̄e) / (1 − P̄e) ≈ 0.2099.
    private static readonly int[][] WikipediaCounts =
    [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];

    [Fact]
    public void Fleiss_Kappa_Reproduces_The_Wikipedia_Worked_Example()
    {
        var table = FromCounts(WikipediaCounts);

        var kappa = CodingAgreement.FleissKappa(table);

        Assert.Equal(0.210, Math.Round(kappa.Value, 3));
        var chance = 4170.0 / 19600;
        Assert.Equal(((172.0 / 455) - chance) / (1 - chance), kappa.Value, 12);
    }

    [Fact]
    public void Randolph_Kappa_And_AC1_On_The_Wikipedia_Example_Match_Hand_Arithmetic()
    {
        var table = FromCounts(WikipediaCounts);
        var prevalence = new[] { 20.0, 28, 39, 21, 32 }.Select(c => c / 140).ToArray();
        var ac1Chance = prevalence.Sum(p => p * (1 - p)) / 4;

        // Randolph: (P̄ − 1/5) / (1 − 1/5); AC1: p_e = Σ π_k (1 − π_k) / (q − 1).
        Assert.Equal(((172.0 / 455) - 0.2) / 0.8, CodingAgreement.RandolphKappa(table).Value, 12);
        Assert.Equal(((172.0 / 455) - ac1Chance) / (1 - ac1Chance), CodingAgreement.GwetAC1(table).Value, 12);
    }

    [Fact]
    public void Fleiss_Kappa_And_AC1_Generalise_To_Incomplete_Data_As_Gwet_2014()
    {
        // u1: a a b, u2: a a, u3: b (one rating: counts for prevalence only), u4: b b b.
        // p_a = (1/3 + 1 + 1) / 3 = 7/9; π_a = (2/3 + 1 + 0 + 0) / 4 = 5/12, π_b = 7/12.
        // Fleiss: p_e = (25 + 49) / 144 = 37/72 → κ = (56 − 37) / 35 = 19/35.
        // AC1: p_e = 2 · (5/12)(7/12) / (2 − 1) = 35/72 → AC1 = (56 − 35) / 37 = 21/37.
        var table = RatingTable.FromNominal(
        [
            ("u1", "x", "a"), ("u1", "y", "a"), ("u1", "z", "b"), ("u2", "x", "a"), ("u2", "y", "a"),
            ("u3", "z", "b"), ("u4", "x", "b"), ("u4", "y", "b"), ("u4", "z", "b"),
        ]);

        Assert.Equal(19.0 / 35, CodingAgreement.FleissKappa(table).Value, 12);
        Assert.Equal(21.0 / 37, CodingAgreement.GwetAC1(table).Value, 12);
    }

    [Fact]
    public void With_Two_Complete_Coders_Fleiss_Kappa_Is_Scott_Pi()
    {
        // The scikit-learn example: π = 21/31; AC1 p_e = (0.5·0.5 + 0.3·0.7 + 0.2·0.8) / 2 = 0.31 → 0.49 / 0.69.
        var table = ReliabilityData.TwoCoders(
            ["negative", "positive", "negative", "neutral", "positive"], ["negative", "positive", "negative", "neutral", "negative"]);

        Assert.Equal(CodingAgreement.ScottPi(table).Value, CodingAgreement.FleissKappa(table).Value, 12);
        Assert.Equal(0.49 / 0.69, CodingAgreement.GwetAC1(table).Value, 12);
    }

    [Fact]
    public void One_Category_Throughout_Leaves_Fleiss_Undefined_But_AC1_Defined()
    {
        var table = RatingTable.FromNominal([("u1", "x", "a"), ("u1", "y", "a"), ("u2", "x", "a"), ("u2", "y", "a")], ["a", "b"]);

        Assert.False(CodingAgreement.FleissKappa(table).IsDefined);
        Assert.Equal(1, CodingAgreement.GwetAC1(table).Value, 12);
    }

    [Fact]
    public void A_Single_Unit_Leaves_Multirater_Kappas_Undefined()
    {
        var table = RatingTable.FromNominal([("u1", "x", "a"), ("u1", "y", "b"), ("u1", "z", "a")]);

        Assert.False(CodingAgreement.FleissKappa(table).IsDefined);
        Assert.False(CodingAgreement.GwetAC1(table).IsDefined);
    }

    // Hand-computed: first = 1 1 2 2 3 3, second = 1 2 2 3 3 3; q = 3. With two raters a unit's agreement is w_ab.
    // π_1 = (1 + ½) / 6 = 1/4, π_2 = (½ + 1 + ½) / 6 = 1/3, π_3 = 5/12 → Σ π (1 − π) = 94/144.
    // Linear (adjacent ½, far 0): p_a = (4 + 2 · ½) / 6 = 5/6; T_w = 5 → p_e = (5/6)(94/144) = 235/432 → AC2 = 125/197.
    // Quadratic (adjacent ¾, far 0): p_a = 11/12; T_w = 6 → p_e = 47/72 → AC2 = (66 − 47) / 25 = 19/25.
    [Theory]
    [InlineData(KappaWeighting.Linear, 125.0 / 197)]
    [InlineData(KappaWeighting.Quadratic, 19.0 / 25)]
    public void Weighted_AC2_Matches_Hand_Arithmetic(KappaWeighting weighting, double expected)
    {
        var table = RatingTable.FromNumeric(
            new double[] { 1, 1, 2, 2, 3, 3 }.Select((v, i) => ($"u{i}", "first", v))
                .Concat(new double[] { 1, 2, 2, 3, 3, 3 }.Select((v, i) => ($"u{i}", "second", v))));

        Assert.Equal(expected, CodingAgreement.GwetAC2(table, weighting).Value, 12);
    }

    [Theory]
    [InlineData(21, 0.0)]
    [InlineData(22, 0.4)]
    public void Unweighted_AC2_Is_AC1(int seed, double missing)
    {
        var table = RatingTable.FromNominal(ReliabilityData.Random(seed, units: 60, coders: 5, categories: 4, missing));

        Assert.Equal(CodingAgreement.GwetAC1(table).Value, CodingAgreement.GwetAC2(table, KappaWeighting.Unweighted).Value, 12);
    }

    private static RatingTable FromCounts(int[][] counts) =>
        RatingTable.FromNominal(
            from s in Enumerable.Range(0, counts.Length)
            from c in Enumerable.Range(0, counts[s].Length)
            from r in Enumerable.Range(0, counts[s][c])
                // Raters are interchangeable in Fleiss' design, so number them within each subject.
            select ($"s{s}", $"r{counts[s].Take(c).Sum() + r}", $"k{c}"));
}
