using System.Text.Json;
using Annotate.Agreement;
using Annotate.AgreementReports;

namespace Annotate.Tests.Cli;

/// <summary>`annotate agreement FILE --format json` writes with generated code; the text must be what the reflection serializer writes.</summary>
public sealed class AgreementReportJsonTests
{
    [Fact]
    public void Generated_Json_Is_The_Same_As_Reflection_Json()
    {
        RatingRow[] rows = [new(2, "u1", "a", "x"), new(3, "u1", "b", "x"), new(4, "u2", "a", "y"), new(5, "u2", "b", "x"), new(6, "ü3", "a", "\"y\"")];
        var full = AgreementReport.For(rows, MeasurementLevel.Nominal, null, withCoincidences: true) with
        {
            Ci95 = new IntervalFigures([0.125, 0.875]),
            Distance = "custom",
            DistanceFile = "d.csv",
            CohenKappaWeighted = double.NaN,
            GwetAC2Weighted = double.PositiveInfinity,
        };
        var degenerate = AgreementReport.For([new(2, "u1", "a", "1"), new(3, "u1", "b", "1")], MeasurementLevel.Interval, null);

        foreach (var report in new[] { full, degenerate })
        {
            Assert.Equal(JsonSerializer.Serialize(report, AgreementJson.Options), JsonSerializer.Serialize(report, AgreementReportJson.Default.AgreementReport));
        }
    }
}
