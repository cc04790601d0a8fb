using System.Globalization;

namespace Annotate.Sessions;

/// <summary>
/// What a name shown to other people may hold, wherever it comes from (sign-in, a class, a teacher's list, an
/// import): not empty, not too long, no control characters, and no invisible formatting characters such as
/// direction overrides or zero-width spaces, which let one name pass for another (the emoji joiner is fine).
/// </summary>
internal static class NameRules
{
    /// <summary>Why the value is not an acceptable <paramref name="noun"/> ("display name", "person id"), or null.</summary>
    public static string? Problem(string value, string noun, int maxLength) => value switch
    {
        "" => $"Enter a {noun}.",
        _ when value.Length > maxLength => $"A {noun} has at most {maxLength} characters; this one has {value.Length}.",
        _ when value.Any(char.IsControl) => $"A {noun} cannot contain control characters.",
        _ when value.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u200D') =>
            $"A {noun} cannot contain invisible formatting characters (such as direction marks or zero-width spaces).",
        _ => null,
    };
}
