using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.AgreementReports;

/// <summary>How agreement reports are written as JSON, by `annotate agreement --format json` and the agreement export alike.</summary>
internal static class AgreementJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { WriteIndented = true, Converters = { new FiniteNumbers() } };

    /// <summary>
    /// Every JSON the app writes (API answers, hub messages) writes an undefined figure as null: a coefficient of
    /// degenerate data (one coder, one category) is NaN or infinite, which JSON cannot hold and which once turned a
    /// whole report into a 500. The report's notes say why a figure is missing.
    /// </summary>
    public static IServiceCollection AddFiniteJsonNumbers(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new FiniteNumbers()));
        services.Configure<JsonHubProtocolOptions>(options => options.PayloadSerializerOptions.Converters.Add(new FiniteNumbers()));
        return services;
    }

    /// <summary>Doubles as numbers when finite and as null otherwise (nullable doubles use it too).</summary>
    internal sealed class FiniteNumbers : JsonConverter<double>
    {
        public override bool HandleNull => false;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
