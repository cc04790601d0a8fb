using System.Text;

namespace Annotate.Corpus;

/// <summary>
/// Stable document ids derived from the relative path: folders become '.', the extension is dropped, letters are
/// lower-cased, and anything that is not a letter, digit, '-' or '_' becomes '-'. "Dalmor Standard/Road Closed.md"
/// is "dalmor-standard.road-closed". Ids are URL-safe without a '/', so routes can nest under them.
/// </summary>
internal static class DocumentIds
{
    public static string FromRelativePath(string relativePath)
    {
        var withoutExtension = Path.ChangeExtension(relativePath.Replace('\\', '/'), null)!;
        var segments = withoutExtension.Normalize(NormalizationForm.FormC).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('.', segments.Select(Slug));
    }

    /// <summary>The collection of a document: its folder relative to the corpus root, '/'-separated, "" at the root.</summary>
    public static string CollectionOf(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath[..slash];
    }

    private static string Slug(string segment)
    {
        var slug = new StringBuilder(segment.Length);
        foreach (var rune in segment.EnumerateRunes())
        {
            var keep = Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' || Rune.GetUnicodeCategory(rune)
                is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
            if (keep)
            {
                slug.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "_" : result;
    }

    /// <summary>Whether a string could be a document id (checked before it reaches a query).</summary>
    public static bool IsWellFormed(string id) =>
        id.Length is > 0 and <= 1024 && id.EnumerateRunes().All(r => Rune.IsLetterOrDigit(r) || r.Value is '-' or '_' or '.'
            || Rune.GetUnicodeCategory(r) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);
}
