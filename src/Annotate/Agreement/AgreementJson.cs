using System.Text.Json;

namespace Annotate.Agreement;

/// <summary>How agreement reports are written as JSON, by `annotate agreement --format json` and the agreement export alike.</summary>
internal static class AgreementJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { WriteIndented = true };
}
