using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class KrippendorffAlphaTests
{
    [Theory]
    [InlineData(MeasurementLevel.Nominal, 0.743)]
    [InlineData(MeasurementLevel.Ordinal, 0.815)]
    [InlineData(MeasurementLevel.Interval, 0.849)]
    [InlineData(MeasurementLevel.Ratio, 0.797)]
    public void Alpha_Reproduces_Krippendorff_2011_At_Every_Level(MeasurementLevel level, double expected)
    {
        var table = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);

        var result = CodingAgreement.KrippendorffAlpha(table, level);

        Assert.True(result.Alpha.IsDefined);
        Assert.Equal(expected, Math.Round(result.Alpha.Value, 3));
    }

    [Fact]
    public void Coincidence_Matrix_Matches_Krippendorff_2011_Nominal_Worked_Example()
    {
        var table = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);

        var result = CodingAgreement.KrippendorffAlpha(table);

        // The paper's matrix: n = 40 pairable values (unit 12's single value is not pairable),
        // n_c = 9, 13, 10, 5, 3 for values 1..5; o_11 = 7, o_12 = 4/3, o_22 = 10, o_33 = 8, o_44 = 4, o_55 = 3.
        var o = result.Coincidences;
        Assert.Equal(40, o.Total, 9);
        Assert.Equal([9.0, 13, 10, 5, 3], o.Marginals.Select(m => Math.Round(m, 9)));
        Assert.Equal(7, o[0, 0], 9);
        Assert.Equal(4.0 / 3, o[0, 1], 9);
        Assert.Equal(o[0, 1], o[1, 0], 9);
        Assert.Equal(10, o[1, 1], 9);
        Assert.Equal(3, o[4, 4], 9);
        Assert.Equal(1 - (result.ObservedDisagreement / result.ExpectedDisagreement), result.Alpha.Value, 12);
    }

    [Theory]
    [InlineData(MeasurementLevel.Nominal)]
    [InlineData(MeasurementLevel.Ordinal)]
    [InlineData(MeasurementLevel.Interval)]
    [InlineData(MeasurementLevel.Ratio)]
    public void Perfect_Agreement_With_Variation_Gives_One(MeasurementLevel level)
    {
        double?[][] rows = [[1, 2, 3, null], [1, 2, 3, 4], [null, 2, 3, 4]];

        var result = CodingAgreement.KrippendorffAlpha(ReliabilityData.Numeric(rows), level);

        Assert.Equal(1, result.Alpha.Value, 12);
    }

    [Fact]
    public void All_Coders_Using_One_Category_Is_Undefined_Not_One()
    {
        double?[][] rows = [[2, 2, 2], [2, 2, 2]];

        var result = CodingAgreement.KrippendorffAlpha(ReliabilityData.Numeric(rows));

        Assert.True(double.IsNaN(result.Alpha.Value));
        Assert.Contains("alike", result.Alpha.Undefined, StringComparison.Ordinal);
        Assert.Equal(0, result.ExpectedDisagreement);
    }

    [Fact]
    public void Fewer_Than_Two_Pairable_Values_Is_Undefined()
    {
        double?[][] rows = [[1, null], [null, 2]];

        var result = CodingAgreement.KrippendorffAlpha(ReliabilityData.Numeric(rows));

        Assert.False(result.Alpha.IsDefined);
        Assert.True(double.IsNaN(result.ObservedDisagreement));
    }

    [Fact]
    public void A_Single_Unit_Is_Undefined_Not_Zero()
    {
        double?[][] rows = [[1], [2], [2]];

        var result = CodingAgreement.KrippendorffAlpha(ReliabilityData.Numeric(rows));

        Assert.False(result.Alpha.IsDefined);
        Assert.Contains("one unit", result.Alpha.Undefined, StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_Level_On_String_Categories_Is_Rejected()
    {
        var table = ReliabilityData.TwoCoders(["a", "b"], ["a", "b"]);

        Assert.Throws<ArgumentException>(() => CodingAgreement.KrippendorffAlpha(table, MeasurementLevel.Interval));
    }

    [Fact]
    public void Ratio_Level_With_Negative_Values_Is_Rejected()
    {
        double?[][] rows = [[-1, 1], [1, 1]];

        Assert.Throws<ArgumentException>(() => CodingAgreement.KrippendorffAlpha(ReliabilityData.Numeric(rows), MeasurementLevel.Ratio));
    }
}
