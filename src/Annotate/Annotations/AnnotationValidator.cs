using System.Text.Json;
using Annotate.Codebook;
using Annotate.Corpus;

namespace Annotate.Annotations;

/// <summary>Checks an annotation request against its document's text and codebook; every error names its field.</summary>
internal sealed class AnnotationValidator(string kind, CodebookDefinition codebook, string text, IReadOnlyList<Block> blocks)
{
    public const int MaxNoteLength = 5000;
    public const int MaxTextAttributeLength = 2000;

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public IDictionary<string, string[]> Errors => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public bool IsValid => errors.Count == 0;

    /// <summary>Validates the request; returns the layer it names (when it exists).</summary>
    public LayerDefinition? Validate(AnnotationRequest request)
    {
        var scope = kind == Annotation.SpanKind ? LayerDefinition.SpanScope : LayerDefinition.DocumentScope;
        var layer = ValidateLabel(request, scope);
        if (kind == Annotation.SpanKind)
        {
            ValidateOffsets(request);
        }
        else if (request.Start is not null || request.End is not null || request.Quote is not null)
        {
            Add("start", "A document label has no offsets; send only layer, label, note and attributes.");
        }

        if (request.Note?.Length > MaxNoteLength)
        {
            Add("note", $"A note has at most {MaxNoteLength} characters; this one has {request.Note.Length}.");
        }

        if (request.Version < 0)
        {
            Add("version", "A version is 1 or more (or 0 / absent when creating).");
        }

        if (layer is not null)
        {
            foreach (var (name, value) in request.Attributes ?? [])
            {
                ValidateAttribute(layer, name, value);
            }
        }

        ValidateAttribution(request.Attribution);
        return layer;
    }

    private LayerDefinition? ValidateLabel(AnnotationRequest request, string scope)
    {
        if (string.IsNullOrWhiteSpace(request.Layer))
        {
            Add("layer", "A layer is required.");
            return null;
        }

        var layer = codebook.Layers.FirstOrDefault(l => l.Id == request.Layer);
        if (layer is null || layer.Scope != scope)
        {
            var choices = string.Join(", ", codebook.Layers.Where(l => l.Scope == scope).Select(l => l.Id));
            Add("layer", $"The codebook has no {scope} layer '{request.Layer}'; its {scope} layers are: {choices}.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.Label))
        {
            Add("label", "A label is required.");
        }
        else if (layer.Labels.All(l => l.Id != request.Label))
        {
            Add("label", $"Layer '{layer.Id}' has no label '{request.Label}'; its labels are: {string.Join(", ", layer.Labels.Select(l => l.Id))}.");
        }

        return layer;
    }

    private void ValidateOffsets(AnnotationRequest request)
    {
        if (request.Start is not { } start || request.End is not { } end)
        {
            if (request.Start is null)
            {
                Add("start", "A span needs a start offset.");
            }

            if (request.End is null)
            {
                Add("end", "A span needs an end offset.");
            }

            return;
        }

        if (start < 0 || start > text.Length)
        {
            Add("start", $"start {start} is outside the text (0 to {text.Length}).");
        }
        else if (end < 0 || end > text.Length)
        {
            Add("end", $"end {end} is outside the text (0 to {text.Length}).");
        }
        else if (end < start)
        {
            Add("end", $"end {end} is before start {start}; the offsets are reversed.");
        }
        else if (end == start)
        {
            Add("end", "end equals start: a span cannot be empty.");
        }
        else
        {
            ValidateBoundaries(start, end, request.Quote);
        }
    }

    private void ValidateBoundaries(int start, int end, string? quote)
    {
        foreach (var (field, offset) in new[] { ("start", start), ("end", end) })
        {
            if (!TextAnchors.IsCharacterBoundary(text, blocks, offset))
            {
                Add(field, $"{field} {offset} splits a character (a surrogate pair or a combining sequence).");
            }
        }

        if (quote is not null && !text.AsSpan(start, end - start).SequenceEqual(quote))
        {
            var actual = text[start..end];
            Add("quote", $"The quote does not match the text at {start}–{end}, which reads \"{(actual.Length > 80 ? actual[..80] + "…" : actual)}\".");
        }
    }

    private void ValidateAttribute(LayerDefinition layer, string name, JsonElement value)
    {
        var field = $"attributes.{name}";
        var definition = layer.Attributes.FirstOrDefault(a => a.Id == name);
        if (definition is null)
        {
            var known = layer.Attributes.Count == 0 ? "none" : string.Join(", ", layer.Attributes.Select(a => a.Id));
            Add(field, $"Layer '{layer.Id}' has no attribute '{name}' (its attributes: {known}).");
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return; // null clears the attribute
        }

        if (AttributeValues.Check(definition, value) is { } problem)
        {
            Add(field, problem);
        }
    }

    private void ValidateAttribution(AttributionRequest? attribution)
    {
        if (attribution is null)
        {
            return;
        }

        if ((attribution.Actor is null) == (attribution.Span is null))
        {
            Add("attribution", "An attribution names an actor of the codebook: { \"actor\": id }.");
        }
        else if (attribution.Span is not null)
        {
            // One mechanism for who says a claim: the span of its source is the target of a said-by relation.
            Add("attribution.span", $"A span is no longer attributed to another span: link the claim to its source with a '{Relations.SaidBy.Type}' relation, "
                + $"PUT /api/documents/{{documentId}}/relations/{{relationId}} with {{ \"type\": \"{Relations.SaidBy.Type}\", \"source\": claimId, \"target\": sourceSpanId }} "
                + "(gold-relations for the gold layer); attribution keeps only 'actor'.");
        }
        else if (attribution.Actor is { } actor && codebook.Actors.All(a => a.Id != actor))
        {
            var known = codebook.Actors.Count == 0 ? "none" : string.Join(", ", codebook.Actors.Select(a => a.Id));
            Add("attribution.actor", $"The codebook has no actor '{actor}' (its actors: {known}).");
        }
    }

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
