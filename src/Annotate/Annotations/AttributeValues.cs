using System.Text.Json;
using Annotate.Codebook;

namespace Annotate.Annotations;

/// <summary>Whether a JSON value fits an attribute of the codebook; null when it does, else the reason.</summary>
internal static class AttributeValues
{
    public static string? Check(AttributeDefinition attribute, JsonElement value) => attribute.Type switch
    {
        "choice" => value.ValueKind == JsonValueKind.String && attribute.Values.Contains(value.GetString()!)
            ? null
            : $"'{attribute.Id}' is one of: {string.Join(", ", attribute.Values)}.",
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole)
            ? InRange(attribute, whole)
            : $"'{attribute.Id}' is a whole number{Range(attribute)}.",
        "number" => value.ValueKind == JsonValueKind.Number
            ? InRange(attribute, value.GetDouble())
            : $"'{attribute.Id}' is a number{Range(attribute)}.",
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"'{attribute.Id}' is true or false.",
        _ => value.ValueKind != JsonValueKind.String
            ? $"'{attribute.Id}' is text."
            : value.GetString()!.Length > AnnotationValidator.MaxTextAttributeLength
                ? $"'{attribute.Id}' has at most {AnnotationValidator.MaxTextAttributeLength} characters."
                : null,
    };

    private static string? InRange(AttributeDefinition attribute, double number) =>
        number < attribute.Min || number > attribute.Max ? $"'{attribute.Id}' is {number}, outside{Range(attribute)}." : null;

    private static string Range(AttributeDefinition attribute) => (attribute.Min, attribute.Max) switch
    {
        ({ } min, { } max) => FormattableString.Invariant($" from {min} to {max}"),
        ({ } min, null) => FormattableString.Invariant($" of at least {min}"),
        (null, { } max) => FormattableString.Invariant($" of at most {max}"),
        _ => "",
    };
}
