using System.Text.Json;

namespace Annotate.Annotations;

/// <summary>
/// A span's attribution as stored: <c>{"actor":"…"}</c>, or NULL. Rows written before schema step 0022 read
/// <c>{"actor":"…","span":null}</c>; they mean the same and compare, list and export the same.
/// </summary>
internal static class AttributionText
{
    public static string? Of(string? actor) => actor is null ? null : JsonSerializer.Serialize(new Attribution(actor), JsonSerializerOptions.Web);

    public static string? Canonical(string? stored) => stored is null ? null : Of(Read(stored)?.Actor);

    public static Attribution? Read(string? stored) => stored is null ? null : JsonSerializer.Deserialize<Attribution>(stored, JsonSerializerOptions.Web) is { Actor: not null } a ? a : null;
}
