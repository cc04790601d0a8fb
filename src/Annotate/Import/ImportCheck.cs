using System.Text.Json;
using System.Text.RegularExpressions;
using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;

namespace Annotate.Import;

/// <summary>
/// Checks one imported annotation against its document's text and codebook before anything is written: the
/// layer and label, the quote at the offsets (expected vs found), then everything a live write is checked for.
/// </summary>
internal static partial class ImportCheck
{
    public static (AnnotationRequest? Request, string Kind, ImportProblem? Problem) Check(ImportItem item, string document, CodebookDefinition codebook,
        string text, IReadOnlyList<Block> blocks)
    {
        ImportProblem Problem(string reason, string detail) => new(item.Source, document, reason, detail);
        var layerId = item.Layer ?? (codebook.Layers.Where(l => l.Labels.Any(x => x.Id == item.Label)).Select(l => l.Id).ToList() is [var only] ? only : null);
        var layer = codebook.Layers.FirstOrDefault(l => l.Id == layerId);
        if (layer is null || layer.Labels.All(l => l.Id != item.Label))
        {
            var where = item.Layer is null ? $"'{item.Label}' (no layer given, and no single layer has that label)" : $"'{item.Layer}/{item.Label}'";
            return (null, item.Kind, Problem(ImportProblem.UnknownLabel, $"the codebook has no label {where}."));
        }

        // brat marks document labels on the text too: the layer's scope decides what an annotation is.
        var kind = layer.Scope == LayerDefinition.DocumentScope ? Annotation.DocumentKind : Annotation.SpanKind;
        if (kind == Annotation.SpanKind)
        {
            if (item.Start is not { } start || item.End is not { } end)
                return (null, kind, Problem(ImportProblem.Invalid, $"'{layer.Id}' is a span layer, and this annotation has no offsets."));
            if (start < 0 || end > text.Length || end < start)
                return (null, kind, Problem(ImportProblem.QuoteMismatch, $"offsets {start}–{end} are outside the text (length {text.Length})."));
            if (item.Quote is { } quote && text[start..end] != quote)
                return (null, kind, Problem(ImportProblem.QuoteMismatch, $"expected \"{Short(quote)}\" at {start}–{end}, found \"{Short(text[start..end])}\"."));
        }

        var request = new AnnotationRequest(layer.Id, item.Label, kind == Annotation.SpanKind ? item.Start : null, kind == Annotation.SpanKind ? item.End : null,
            kind == Annotation.SpanKind ? item.Quote : null, Coerce(layer.Attributes, item.Attributes), item.Attribution, item.Note, null, null);
        var validator = new AnnotationValidator(kind, codebook, text, blocks);
        validator.Validate(request);
        if (!validator.IsValid)
        {
            var reason = validator.Errors.Keys.Any(k => k is "layer" or "label") ? ImportProblem.UnknownLabel : ImportProblem.Invalid;
            return (null, kind, Problem(reason, string.Join(" ", validator.Errors.SelectMany(e => e.Value))));
        }

        return (request, kind, null);
    }

    /// <summary>brat values are text: a number or true/false becomes one where the codebook's attribute wants it.</summary>
    public static Dictionary<string, JsonElement> Coerce(IReadOnlyList<AttributeDefinition> definitions, Dictionary<string, JsonElement> attributes) =>
        attributes.ToDictionary(a => a.Key, a =>
        {
            var type = definitions.FirstOrDefault(d => d.Id == a.Key)?.Type;
            if (a.Value.ValueKind != JsonValueKind.String || type is not ("integer" or "number" or "boolean"))
                return a.Value;
            var raw = a.Value.GetString()!;
            return type == "boolean"
                ? bool.TryParse(raw, out var flag) ? JsonSerializer.SerializeToElement(flag) : a.Value
                : JsonNumber().IsMatch(raw) ? JsonElement.Parse(raw) : a.Value;
        }, StringComparer.Ordinal);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text.Replace("\n", "\\n", StringComparison.Ordinal);
}
