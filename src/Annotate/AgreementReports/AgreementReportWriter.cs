using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Annotate.AgreementReports;

/// <summary>
/// <see cref="AgreementReport"/> as the JSON <see cref="AgreementJson.Options"/> gives (camelCase names, indented,
/// undefined figures as null, the order-1 and order-2 keys last and left out when null), written straight to a
/// <see cref="Utf8JsonWriter"/>: the serializer, even with generated metadata, JIT-compiles its generic converters
/// over double at every start, about 40 ms of CPU of a command-line run. A test holds the text equal to the
/// serializer's, byte for byte; a property added to the report must be added here too.
/// </summary>
internal static class AgreementReportWriter
{
    public static string Write(AgreementReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("units", report.Units);
            json.WriteNumber("coders", report.Coders);
            Number(json, "pairableValues", report.PairableValues);
            json.WriteString("level", report.Level);
            Number(json, "percentAgreement", report.PercentAgreement);
            Number(json, "krippendorffAlpha", report.KrippendorffAlpha);
            Number(json, "observedDisagreement", report.ObservedDisagreement);
            Number(json, "expectedDisagreement", report.ExpectedDisagreement);
            Number(json, "cohenKappa", report.CohenKappa);
            Number(json, "cohenKappaLinear", report.CohenKappaLinear);
            Number(json, "cohenKappaQuadratic", report.CohenKappaQuadratic);
            Number(json, "scottPi", report.ScottPi);
            Number(json, "bennettS", report.BennettS);
            Number(json, "fleissKappa", report.FleissKappa);
            Number(json, "randolphKappa", report.RandolphKappa);
            Number(json, "gwetAC1", report.GwetAC1);
            Number(json, "gwetAC2Linear", report.GwetAC2Linear);
            Number(json, "gwetAC2Quadratic", report.GwetAC2Quadratic);
            PerCategory(json, report.PerCategory);
            Strings(json, "notes", report.Notes);
            if (report.Ci95 is { } ci)
            {
                json.WriteStartObject("ci95");
                Numbers(json, "krippendorffAlpha", ci.KrippendorffAlpha);
                json.WriteEndObject();
            }

            if (report.Distance is { } distance)
                json.WriteString("distance", distance);
            if (report.DistanceFile is { } distanceFile)
                json.WriteString("distanceFile", distanceFile);
            if (report.CohenKappaWeighted is { } cohenKappaWeighted)
                Number(json, "cohenKappaWeighted", cohenKappaWeighted);
            if (report.GwetAC2Weighted is { } gwetAC2Weighted)
                Number(json, "gwetAC2Weighted", gwetAC2Weighted);
            if (report.Coincidence is { } matrix)
            {
                json.WriteStartObject("coincidence");
                Strings(json, "categories", matrix.Categories);
                json.WriteStartArray("cells");
                foreach (var row in matrix.Cells)
                    Numbers(json, null, row);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void PerCategory(Utf8JsonWriter json, IReadOnlyDictionary<string, CategoryFigures> perCategory)
    {
        json.WriteStartObject("perCategory");
        foreach (var (category, figures) in perCategory)
        {
            json.WriteStartObject(category);
            Number(json, "positiveAgreement", figures.PositiveAgreement);
            Number(json, "alpha", figures.Alpha);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, string? name, double[] values)
    {
        if (name is null)
            json.WriteStartArray();
        else
            json.WriteStartArray(name);
        foreach (var value in values)
            Value(json, value);
        json.WriteEndArray();
    }

    // As AgreementJson.FiniteNumbers writes a double or a nullable double: null unless finite.
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    private static void Value(Utf8JsonWriter json, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            json.WriteNumberValue(v);
        else
            json.WriteNullValue();
    }
}
