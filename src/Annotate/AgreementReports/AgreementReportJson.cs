using System.Text.Json;
using System.Text.Json.Serialization;

namespace Annotate.AgreementReports;

/// <summary>
/// <see cref="AgreementReport"/> as JSON with the options of <see cref="AgreementJson.Options"/>, by code generated at
/// build time: `annotate agreement FILE --format json` then spends no start-up time on the reflection serializer
/// (tens of milliseconds of a run that should take a fraction of a second). The output is the same, byte for byte.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, Converters = [typeof(AgreementJson.FiniteNumbers)])]
[JsonSerializable(typeof(AgreementReport))]
internal sealed partial class AgreementReportJson : JsonSerializerContext;
