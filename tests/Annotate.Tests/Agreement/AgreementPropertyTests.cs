using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class AgreementPropertyTests
{
    private static readonly Func<RatingTable, double>[] Coefficients =
    [
        t => CodingAgreement.KrippendorffAlpha(t).Alpha.Value,
        t => CodingAgreement.KrippendorffAlpha(t, MeasurementLevel.Ordinal).Alpha.Value,
        t => CodingAgreement.PercentAgreement(t).Value,
        t => CodingAgreement.BennettS(t).Value,
        t => CodingAgreement.FleissKappa(t).Value,
        t => CodingAgreement.GwetAC1(t).Value,
    ];

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.3)]
    [InlineData(3, 0.5)]
    public void Coefficients_Do_Not_Depend_On_Coder_Or_Unit_Order(int seed, double missing)
    {
        var triples = ReliabilityData.Random(seed, units: 40, coders: 4, categories: 4, missing);
        var order = new Random(seed);
        var shuffled = triples.OrderBy(_ => order.Next()).ToList();
        // Renaming coders changes the order in which they are first seen, and so their indices.
        var renamed = shuffled.Select(t => (t.Unit, "z" + t.Coder, t.Value)).Reverse().ToList();

        var tables = new[] { triples, shuffled, renamed }.Select(t => RatingTable.FromNominal(t)).ToList();

        foreach (var coefficient in Coefficients)
        {
            var expected = coefficient(tables[0]);
            Assert.All(tables, t => Assert.Equal(expected, coefficient(t), 12));
        }
    }

    [Fact]
    public void Perfect_Agreement_Gives_One_For_Every_Chance_Corrected_Coefficient()
    {
        var table = RatingTable.FromNominal(
            from u in Enumerable.Range(0, 12) from c in new[] { "x", "y", "z" } select ($"u{u}", c, $"k{u % 3}"));

        Assert.All(Coefficients, coefficient => Assert.Equal(1, coefficient(table), 12));
        Assert.Equal(1, CodingAgreement.CohenKappa(RatingTable.FromNominal(
            from u in Enumerable.Range(0, 12) from c in new[] { "x", "y" } select ($"u{u}", c, $"k{u % 3}"))).Value, 12);
    }

    // For two coders and n units with complete nominal data the coincidence matrix holds 2n values and
    // D_o = 1 − p_o. With pooled proportions p_c = n_c / 2n, D_e = Σ_{c≠k} n_c n_k / (2n (2n − 1))
    // = (2n / (2n − 1)) (1 − Σ p_c²) = (2n / (2n − 1)) (1 − p_e^Scott). Hence, exactly,
    //     α = 1 − D_o / D_e = 1 − ((2n − 1) / 2n) · (1 − π).
    [Theory]
    [InlineData(11, 5, 3)]
    [InlineData(12, 30, 4)]
    [InlineData(13, 200, 6)]
    public void Two_Coder_Nominal_Alpha_Is_Scott_Pi_With_The_Small_Sample_Correction(int seed, int units, int categories)
    {
        var table = RatingTable.FromNominal(ReliabilityData.Random(seed, units, coders: 2, categories, missing: 0));
        var n = (double)units;

        var alpha = CodingAgreement.KrippendorffAlpha(table).Alpha.Value;
        var pi = CodingAgreement.ScottPi(table).Value;

        Assert.Equal(1 - ((2 * n - 1) / (2 * n) * (1 - pi)), alpha, 12);
    }
}
