using System.Text.Json;
using Annotate.Agreement;
using Annotate.AgreementReports;

namespace Annotate.Tests.Cli;

/// <summary>`annotate agreement FILE --format json` writes its report by hand; the text must be what the serializer writes.</summary>
public sealed class AgreementReportWriterTests
{
    [Fact]
    public void Hand_Written_Json_Is_The_Same_As_Serializer_Json()
    {
        RatingRow[] rows = [new(2, "u1", "a", "x"), new(3, "u1", "b", "x"), new(4, "u2", "a", "y"), new(5, "u2", "b", "x"), new(6, "ü3", "a", "\"y\""), new(7, "u4", "a", "<b>&'é"), new(8, "u4", "b", "x")];
        var full = AgreementReport.For(rows, MeasurementLevel.Nominal, null, withCoincidences: true) with
        {
            Ci95 = new IntervalFigures([0.125, double.NaN]),
            Distance = "custom",
            DistanceFile = "d <1>.csv",
            CohenKappaWeighted = double.NaN,
            GwetAC2Weighted = double.PositiveInfinity,
        };
        var plain = AgreementReport.For(rows, MeasurementLevel.Nominal, null) with { Distance = "nominal" };
        var numeric = AgreementReport.For([new(2, "u1", "a", "1"), new(3, "u1", "b", "2.5"), new(4, "u2", "a", "3"), new(5, "u2", "b", "3")], MeasurementLevel.Interval, null);
        var degenerate = AgreementReport.For([new(2, "u1", "a", "1"), new(3, "u1", "b", "1")], MeasurementLevel.Interval, null);

        foreach (var report in new[] { full, plain, numeric, degenerate })
        {
            Assert.Equal(JsonSerializer.Serialize(report, AgreementJson.Options), AgreementReportWriter.Write(report));
        }
    }
}
