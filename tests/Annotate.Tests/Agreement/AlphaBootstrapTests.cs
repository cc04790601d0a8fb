using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class AlphaBootstrapTests
{
    [Fact]
    public void Same_Seed_Gives_The_Same_Interval()
    {
        var table = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);

        var first = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Ordinal, 2000, seed: 7);
        var second = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Ordinal, 2000, seed: 7);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(MeasurementLevel.Nominal)]
    [InlineData(MeasurementLevel.Ordinal)]
    [InlineData(MeasurementLevel.Interval)]
    [InlineData(MeasurementLevel.Ratio)]
    public void Interval_Contains_Alpha_On_Krippendorff_2011(MeasurementLevel level)
    {
        var table = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);
        var alpha = CodingAgreement.KrippendorffAlpha(table, level).Alpha.Value;

        var interval = CodingAgreement.KrippendorffAlphaBootstrap(table, level, 5000, seed: 1)!;

        Assert.InRange(alpha, interval.Low, interval.High);
        Assert.True(interval.High - interval.Low > 0.05, "55 pairs should leave real uncertainty");
        Assert.Equal(0.95, interval.Confidence);
        Assert.Equal(5000, interval.Samples);
    }

    [Fact]
    public void Interval_Contains_Alpha_On_Hayes_And_Krippendorff_2007()
    {
        var table = PublishedData.FromUnitRows(PublishedData.Hayes2007);
        var alpha = CodingAgreement.KrippendorffAlpha(table, MeasurementLevel.Ordinal).Alpha.Value;

        var interval = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Ordinal, 10_000, seed: 3)!;

        Assert.InRange(alpha, interval.Low, interval.High);
        Assert.InRange(interval.ProbabilityBelow, 0, 1);
    }

    [Fact]
    public void Perfect_Agreement_Gives_One_To_One()
    {
        double?[][] rows = [[1, 2, 3, 1, 2], [1, 2, 3, 1, 2], [1, 2, null, 1, 2]];

        var interval = CodingAgreement.KrippendorffAlphaBootstrap(ReliabilityData.Numeric(rows), MeasurementLevel.Nominal, 1000)!;

        Assert.Equal(1, interval.Low);
        Assert.Equal(1, interval.High);
        Assert.Equal(0, interval.ProbabilityBelow);
    }

    [Fact]
    public void Interval_Narrows_With_More_Data()
    {
        var small = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);
        var large = ReliabilityData.Numeric([.. ReliabilityData.Krippendorff2011.Select(row => Enumerable.Repeat(row, 20).SelectMany(r => r).ToArray())]);

        var wide = CodingAgreement.KrippendorffAlphaBootstrap(small, MeasurementLevel.Interval, 5000, seed: 2)!;
        var narrow = CodingAgreement.KrippendorffAlphaBootstrap(large, MeasurementLevel.Interval, 5000, seed: 2)!;

        // Same alpha, 20 times the pairs: the width should shrink by about √20 ≈ 4.5.
        Assert.InRange((wide.High - wide.Low) / (narrow.High - narrow.Low), 3, 7);
    }

    [Fact]
    public void Width_Matches_The_Sampling_Distribution_Of_Observed_Disagreement()
    {
        // Nominal δ is 0 or 1, so D_o* is a mean of M Bernoulli(D_o) draws and α* has SD √(D_o (1 − D_o) / M) / D_e.
        // Large counts exercise the BTRS binomial sampler.
        var table = RatingTable.FromNominal(ReliabilityData.Random(seed: 5, units: 20_000, coders: 3, categories: 4, missing: 0.1));
        var point = CodingAgreement.KrippendorffAlpha(table);
        var pairs = Enumerable.Range(0, table.UnitCount).Sum(u => { long m = table.RatingsOf(u).Count(); return m * (m - 1) / 2; });
        var sd = Math.Sqrt(point.ObservedDisagreement * (1 - point.ObservedDisagreement) / pairs) / point.ExpectedDisagreement;

        var interval = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Nominal, 20_000, seed: 11)!;

        Assert.Equal(point.Alpha.Value - (1.96 * sd), interval.Low, sd * 0.1);
        Assert.Equal(point.Alpha.Value + (1.96 * sd), interval.High, sd * 0.1);
    }

    [Fact]
    public void Many_Distinct_Values_Sample_Pairs_One_By_One_With_The_Right_Spread()
    {
        // Two coders, 500 units, values 0–999: more coincidence cells than pairs, so pairs are drawn singly.
        // Each pair is drawn with probability 1/N, so D_o* is a mean of N draws of the units' δ².
        var random = new Random(4);
        var rows = new double?[2][];
        rows[0] = [.. Enumerable.Range(0, 500).Select(_ => (double?)random.Next(1000))];
        rows[1] = [.. rows[0].Select(v => (double?)Math.Clamp(v!.Value + random.Next(-150, 151), 0, 999))];
        var table = ReliabilityData.Numeric(rows);
        var point = CodingAgreement.KrippendorffAlpha(table, MeasurementLevel.Interval);
        var deltas = rows[0].Zip(rows[1], (a, b) => Math.Pow(a!.Value - b!.Value, 2)).ToArray();
        var mean = deltas.Average();
        var sd = Math.Sqrt(deltas.Average(d => (d - mean) * (d - mean)) / deltas.Length) / point.ExpectedDisagreement;

        var interval = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Interval, 20_000, seed: 9)!;

        Assert.Equal(point.Alpha.Value, (interval.Low + interval.High) / 2, sd * 0.25);
        Assert.Equal(2 * 1.96 * sd, interval.High - interval.Low, sd * 0.25);
    }

    [Fact]
    public void Probability_Below_Counts_Bootstrap_Alphas_Under_The_Minimum()
    {
        var table = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);

        var atLow = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Nominal, 4000, minimum: -1)!;
        var atHigh = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Nominal, 4000, minimum: 1)!;
        var at667 = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Nominal, 4000, minimum: 0.667)!;

        Assert.Equal(0, atLow.ProbabilityBelow);
        Assert.Equal(1, atHigh.ProbabilityBelow);
        Assert.InRange(at667.ProbabilityBelow, 0.01, 0.5);
    }

    [Fact]
    public void Undefined_Alpha_Gives_No_Interval()
    {
        double?[][] rows = [[2, 2, 2], [2, 2, 2]];

        Assert.Null(CodingAgreement.KrippendorffAlphaBootstrap(ReliabilityData.Numeric(rows), MeasurementLevel.Nominal, 1000));
    }

    [Theory]
    [InlineData(99, 0.95)]
    [InlineData(1_000_001, 0.95)]
    [InlineData(1000, 0)]
    [InlineData(1000, 1)]
    [InlineData(1000, double.NaN)]
    public void Out_Of_Range_Arguments_Throw(int samples, double confidence)
    {
        var table = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);

        Assert.Throws<ArgumentOutOfRangeException>(
            () => CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Nominal, samples, confidence: confidence));
    }

    [Fact]
    public void A_Million_Ratings_Give_An_Interval_Around_Alpha()
    {
        // Speed is measured by the BenchmarkDotNet benchmarks (docs/benchmarks.md), not here.
        var table = RatingTable.FromNominal(ReliabilityData.Random(seed: 1, units: 200_000, coders: 5, categories: 10, missing: 0));

        var interval = CodingAgreement.KrippendorffAlphaBootstrap(table, MeasurementLevel.Ordinal, 1000);

        var alpha = CodingAgreement.KrippendorffAlpha(table, MeasurementLevel.Ordinal).Alpha.Value;
        Assert.NotNull(interval);
        Assert.InRange(alpha, interval.Low, interval.High);
    }
}
