namespace Annotate.Projects;

/// <summary>
/// What a person's attributes may hold, wherever they are set: by an owner (the attributes endpoint) or self-declared
/// when joining a class. One rule, so the join path cannot store what the endpoint would refuse.
/// </summary>
internal static class AttributeRules
{
    /// <summary>The first problem as (field, message), or null when the attributes are acceptable.</summary>
    public static (string Field, string Message)? Problem(IReadOnlyDictionary<string, string?> attributes)
    {
        if (attributes.Count > AnnotatorStore.MaxAttributes)
            return ("attributes", $"At most {AnnotatorStore.MaxAttributes} attributes per person.");
        foreach (var (name, value) in attributes)
        {
            if (!AnnotatorStore.AttributeName().IsMatch(name))
                return ($"attributes.{name}", $"'{name}' is not an attribute name: use 1–40 characters of a-z, 0-9, _ and -.");
            if (value is { Length: > AnnotatorStore.MaxValueLength })
                return ($"attributes.{name}", $"The value is {value.Length} characters long; at most {AnnotatorStore.MaxValueLength}.");
            if (value is not null && value.Any(char.IsControl))
                return ($"attributes.{name}", "The value contains control characters.");
        }

        return null;
    }
}
