using Annotate.Annotations;
using Annotate.Codebook;

namespace Annotate.Relations;

/// <summary>Checks a relation request against the codebook, before any database read; every error names its field.</summary>
internal static class RelationValidator
{
    /// <summary>The type the request names (when it exists) and the errors found.</summary>
    public static (RelationDefinition? Type, Dictionary<string, string[]> Errors) Validate(RelationRequest request, CodebookDefinition codebook)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var type = codebook.Relations.FirstOrDefault(r => r.Id == request.Type);
        if (string.IsNullOrWhiteSpace(request.Type))
        {
            Add("type", "A relation type is required.");
        }
        else if (type is null)
        {
            var known = codebook.Relations.Count == 0 ? "none (add a relations: section to the codebook)" : string.Join(", ", codebook.Relations.Select(r => r.Id));
            Add("type", $"The codebook has no relation type '{request.Type}'; its relation types are: {known}.");
        }

        foreach (var (field, value) in new[] { ("source", request.Source), ("target", request.Target) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, $"A relation needs a {field}: the id of a span.");
            }
            else if (!Guid.TryParse(value, out _))
            {
                Add(field, $"'{value}' is not a span id (span ids are UUIDs).");
            }
        }

        if (request.Source is not null && request.Source == request.Target)
        {
            Add("target", "A relation joins two different spans; source and target are the same.");
        }

        if (request.Note?.Length > AnnotationValidator.MaxNoteLength)
        {
            Add("note", $"A note has at most {AnnotationValidator.MaxNoteLength} characters; this one has {request.Note.Length}.");
        }

        if (request.Version < 0)
        {
            Add("version", "A version is 1 or more (or 0 / absent when creating).");
        }

        foreach (var (name, value) in type is null ? [] : request.Attributes ?? [])
        {
            var definition = type!.Attributes.FirstOrDefault(a => a.Id == name);
            if (definition is null)
            {
                var known = type.Attributes.Count == 0 ? "none" : string.Join(", ", type.Attributes.Select(a => a.Id));
                Add($"attributes.{name}", $"Relation type '{type.Id}' has no attribute '{name}' (its attributes: {known}).");
            }
            else if (value.ValueKind != System.Text.Json.JsonValueKind.Null && AttributeValues.Check(definition, value) is { } problem)
            {
                Add($"attributes.{name}", problem);
            }
        }

        return (type, errors);
    }

    /// <summary>Why these two spans may not be joined by the type (the field to blame and the reason), or null when they may.</summary>
    public static (string Field, string Message)? CheckEnds(RelationDefinition type, AnnotationRow source, AnnotationRow target)
    {
        var (sourceFits, targetFits) = (type.Allows(type.Source, source.Layer, source.Label), type.Allows(type.Target, target.Layer, target.Label));
        if (sourceFits && targetFits)
        {
            return null;
        }

        if (!type.Directed)
        {
            return type.Allows(type.Source, target.Layer, target.Label) && type.Allows(type.Target, source.Layer, source.Label)
                ? null
                : ("type", $"'{type.Id}' joins a span of {Describe(type.Source)} with one of {Describe(type.Target)}; these spans are {Name(source)} and {Name(target)}.");
        }

        return sourceFits
            ? ("target", $"A '{type.Id}' relation ends at a span of {Describe(type.Target)}; the target is {Name(target)}.")
            : ("source", $"A '{type.Id}' relation starts at a span of {Describe(type.Source)}; the source is {Name(source)}.");
    }

    private static string Name(AnnotationRow span) => $"'{span.Layer}/{span.Label}'";

    private static string Describe(EndpointDefinition end) => (end.Layers.Count, end.Labels.Count) switch
    {
        (0, 0) => "any layer",
        (_, 0) => $"layer {string.Join(" or ", end.Layers)}",
        (0, _) => $"label {string.Join(" or ", end.Labels)}",
        _ => $"layer {string.Join(" or ", end.Layers)} with label {string.Join(" or ", end.Labels)}",
    };
}
