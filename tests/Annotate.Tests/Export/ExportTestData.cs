using System.Net.Http.Json;
using System.Text.Json;

namespace Annotate.Tests.Export;

/// <summary>Helpers shared by the export and import tests: annotate over HTTP, read exports back as content.</summary>
internal static class ExportTestData
{
    public static async Task<string> TextAsync(HttpClient client, string documentId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/documents/{documentId}")).GetProperty("text").GetString()!;

    public static async Task<string> PutAsync(HttpClient client, string documentId, object body, string kind = "annotations", string? id = null)
    {
        id ??= Guid.NewGuid().ToString();
        var response = await client.PutAsJsonAsync($"/api/documents/{documentId}/{kind}/{id}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>
    /// Every annotation of a jsonl export as one comparable line: annotator, layer, label, offsets, attributes,
    /// note, attribution and, for gold, provenance; and every relation with its ends as their places; ids only if asked.
    /// </summary>
    public static async Task<List<string>> ContentAsync(string jsonlPath, bool withIds)
    {
        var result = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(jsonlPath))
        {
            var document = JsonDocument.Parse(line).RootElement;
            var id = document.GetProperty("id").GetString();
            var spans = document.GetProperty("spans").EnumerateArray().ToList();
            var gold = document.GetProperty("gold");
            var names = document.GetProperty("annotators").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("name").GetString()!);
            names["gold"] = "gold";
            var all = spans.Concat(gold.GetProperty("spans").EnumerateArray()).ToList();
            string Place(JsonElement s) => $"{s.GetProperty("layer")}/{s.GetProperty("label")}@{s.GetProperty("start")}-{s.GetProperty("end")}";
            string PlaceOf(string? spanId) => Place(all.Single(x => x.GetProperty("id").GetString() == spanId));
            string Attribution(JsonElement s) => s.GetProperty("attribution") is { ValueKind: JsonValueKind.Object } a
                ? a.TryGetProperty("span", out var target) && target.ValueKind == JsonValueKind.String ? "span:" + PlaceOf(target.GetString()) : "actor:" + a.GetProperty("actor")
                : "-";
            string Row(string who, JsonElement a, bool isSpan) => string.Join(" | ", id, who, names[who], a.GetProperty("layer"), a.GetProperty("label"),
                isSpan ? $"{a.GetProperty("start")}-{a.GetProperty("end")}" : "doc", a.GetProperty("attributes").GetRawText(),
                a.GetProperty("note").GetRawText(), isSpan ? Attribution(a) : "-",
                a.TryGetProperty("provenance", out var p) ? p.GetRawText() : "-", withIds ? a.GetProperty("id").GetString() : "");
            result.AddRange(spans.Select(s => Row(s.GetProperty("annotator").GetString()!, s, true)));
            result.AddRange(document.GetProperty("documentLabels").EnumerateArray().Select(l => Row(l.GetProperty("annotator").GetString()!, l, false)));
            result.AddRange(gold.GetProperty("spans").EnumerateArray().Select(s => Row("gold", s, true)));
            result.AddRange(gold.GetProperty("documentLabels").EnumerateArray().Select(l => Row("gold", l, false)));
            static List<JsonElement> Listed(JsonElement owner) =>
                owner.TryGetProperty("relations", out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];
            var relations = Listed(document).Concat(Listed(gold));
            result.AddRange(relations.Select(x => string.Join(" | ", id, x.GetProperty("annotator"), "relation", x.GetProperty("type"),
                $"{PlaceOf(x.GetProperty("source").GetString())} -> {PlaceOf(x.GetProperty("target").GetString())}", x.GetProperty("attributes").GetRawText(),
                x.GetProperty("note").GetRawText(), withIds ? x.GetProperty("id").GetString() : "")));
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
