using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class CategoryDistancesTests
{
    /// <summary>
    /// Artstein &amp; Poesio (2008), "Inter-coder agreement for computational linguistics", Computational Linguistics
    /// 34(4), §2.6 (weighted agreement coefficients), their integrated dialogue-act example: two coders, 100
    /// utterances, categories Stat(ement), IReq (info-request) and Chck (check). Agreement table (coder A in rows):
    /// Stat/Stat 46; IReq/Stat 6, IReq/IReq 32, IReq/Chck 6; Chck/Chck 10 (A_o = 0.88). Distances: d(Stat, IReq) = 1,
    /// d(Chck, Stat) = d(Chck, IReq) = 0.5. The paper prints α = 0.8156 and κ_w = 0.8163. The same data are NLTK's
    /// artstein_poesio_example.txt. By hand: D_o = (6 · 1 + 6 · 0.5) / 100 = 0.09; α's D_e = 2 (98·76 + 0.5·98·26 +
    /// 0.5·76·26) / (200 · 199) = 0.48794 → α = 0.81555; κ_w's D_e = 0.376 + 0.0628 + 0.0512 = 0.49 → κ_w = 0.81633.
    /// </summary>
    internal static RatingTable ArtsteinPoesio()
    {
        var pairs = new List<(string A, string B)>();
        void Add(int count, string a, string b) => pairs.AddRange(Enumerable.Repeat((a, b), count));
        Add(46, "stat", "stat");
        Add(6, "ireq", "stat");
        Add(32, "ireq", "ireq");
        Add(6, "ireq", "chck");
        Add(10, "chck", "chck");
        return ReliabilityData.TwoCoders([.. pairs.Select(p => p.A)], [.. pairs.Select(p => p.B)]);
    }

    internal static CategoryDistances ArtsteinPoesioDistances() =>
        CategoryDistances.From([("stat", "ireq", 1), ("chck", "stat", 0.5), ("chck", "ireq", 0.5)]);

    [Fact]
    public void Artstein_And_Poesio_Weighted_Example_Gives_Their_Alpha_And_Weighted_Kappa()
    {
        var table = ArtsteinPoesio();

        var alpha = CodingAgreement.KrippendorffAlpha(table, ArtsteinPoesioDistances());
        var kappa = CodingAgreement.CohenKappa(table, ArtsteinPoesioDistances());

        Assert.Equal(0.8156, alpha.Alpha.Value, 4);
        Assert.Equal(0.8163, kappa.Value, 4);
        Assert.Equal(0.09, alpha.ObservedDisagreement, 12);
        Assert.Equal(19420.0 / 39800, alpha.ExpectedDisagreement, 12);
        Assert.Equal(1 - (0.09 / 0.49), kappa.Value, 12);
    }

    [Fact]
    public void Distance_One_Between_Every_Pair_Is_Nominal()
    {
        var table = RatingTable.FromNominal(ReliabilityData.Random(7, units: 60, coders: 4, categories: 5, missing: 0.2));
        var ones = CategoryDistances.From(
            from a in table.Categories from b in table.Categories where string.CompareOrdinal(a, b) < 0 select (a, b, 1.0));
        var two = ArtsteinPoesio();
        var twoOnes = CategoryDistances.From([("stat", "ireq", 1), ("chck", "stat", 1), ("chck", "ireq", 1)]);

        Assert.Equal(CodingAgreement.KrippendorffAlpha(table).Alpha.Value, CodingAgreement.KrippendorffAlpha(table, ones).Alpha.Value, 12);
        Assert.Equal(CodingAgreement.GwetAC1(table).Value, CodingAgreement.GwetAC2(table, ones).Value, 12);
        Assert.Equal(CodingAgreement.CohenKappa(two).Value, CodingAgreement.CohenKappa(two, twoOnes).Value, 12);
    }

    [Fact]
    public void Squared_Differences_Given_As_Distances_Equal_Interval_Alpha()
    {
        // Krippendorff (2011)'s data as labels "1" … "5", with d(c, k) = (c − k)² written out: δ² is taken as given.
        var numeric = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);
        var labels = RatingTable.FromNominal(ReliabilityData.Triples(ReliabilityData.Krippendorff2011)
            .Select(t => (t.Unit, t.Coder, t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var squared = CategoryDistances.From(
            from a in Enumerable.Range(1, 5) from b in Enumerable.Range(a + 1, 5 - a) select ($"{a}", $"{b}", (double)(a - b) * (a - b)));

        var interval = CodingAgreement.KrippendorffAlpha(numeric, MeasurementLevel.Interval);
        var custom = CodingAgreement.KrippendorffAlpha(labels, squared);

        Assert.Equal(0.849, custom.Alpha.Value, 3);
        Assert.Equal(interval.Alpha.Value, custom.Alpha.Value, 12);
        Assert.Equal(interval.ExpectedDisagreement, custom.ExpectedDisagreement, 12);
    }

    [Fact]
    public void An_Asymmetric_Matrix_Is_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => CategoryDistances.From([("a", "b", 1), ("b", "a", 0.5)]));

        Assert.Contains("symmetric", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CategoryDistances.From([("a", "a", 0.5)]));
        Assert.Throws<ArgumentException>(() => CategoryDistances.From([("a", "b", -1)]));
        Assert.Throws<ArgumentException>(() => CategoryDistances.From([("a", "b", double.NaN)]));
        Assert.NotNull(CategoryDistances.From([("a", "b", 1), ("b", "a", 1), ("a", "a", 0)]));
    }

    [Fact]
    public void A_Missing_Pair_Is_Named()
    {
        var table = ArtsteinPoesio();
        var partial = CategoryDistances.From([("stat", "ireq", 1), ("chck", "stat", 0.5)]);

        var ex = Assert.Throws<ArgumentException>(() => CodingAgreement.KrippendorffAlpha(table, partial));

        Assert.Contains("'chck' and 'ireq'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(("chck", "ireq"), partial.MissingPair(table.Categories));
        Assert.Throws<ArgumentException>(() => CodingAgreement.CohenKappa(table, partial));
    }

    [Fact]
    public void The_Bootstrap_Uses_The_Distances()
    {
        var table = ArtsteinPoesio();

        var interval = CodingAgreement.KrippendorffAlphaBootstrap(table, ArtsteinPoesioDistances(), 1000, seed: 3)!;

        Assert.InRange(0.8156, interval.Low, interval.High);
    }
}
