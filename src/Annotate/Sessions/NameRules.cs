using System.Globalization;

namespace Annotate.Sessions;

/// <summary>
/// What a name shown to other people may hold, wherever it comes from (sign-in, a class, a teacher's list, an
/// import): not empty, not too long, no control characters, and no invisible formatting characters such as
/// direction overrides or zero-width spaces, which let one name pass for another (the emoji joiner is fine).
/// </summary>
internal static class NameRules
{
    /// <summary>
    /// The form in which two names (or group values) are the same to a reader: case, width and the spaces around and
    /// between words do not count.
    /// </summary>
    public static string Comparable(string name) =>
        string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

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
