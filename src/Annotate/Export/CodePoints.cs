namespace Annotate.Export;

/// <summary>
/// Converts text offsets between UTF-16 code units (Annotate's, JavaScript's, .NET's) and Unicode code points
/// (Python's str and so spaCy's, and the W3C TextPositionSelector's). They differ after every character outside the
/// Basic Multilingual Plane (an emoji, 𝔸): two UTF-16 units, one code point. A lone surrogate counts as one of each,
/// as Python and <see cref="string.EnumerateRunes"/> count it.
/// </summary>
public static class CodePoints
{
    /// <summary>Whether UTF-16 and code point offsets are the same all through the text (no surrogates in it).</summary>
    public static bool SameAsUtf16(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0;
    }

    /// <summary>The text's length in code points.</summary>
    public static int Length(string text) => FromUtf16(text, [text.Length])[text.Length];

    /// <summary>Code point offsets for UTF-16 offsets, in one pass over the text whatever their number or order.</summary>
    /// <remarks>An offset inside a surrogate pair (Annotate never stores one) maps to the code point after the pair.</remarks>
    public static IReadOnlyDictionary<int, int> FromUtf16(string text, IEnumerable<int> utf16Offsets) => Walk(text, utf16Offsets, byUnits: true);

    /// <summary>UTF-16 offsets for code point offsets (for importing), in one pass over the text.</summary>
    public static IReadOnlyDictionary<int, int> ToUtf16(string text, IEnumerable<int> codePointOffsets) => Walk(text, codePointOffsets, byUnits: false);

    private static Dictionary<int, int> Walk(string text, IEnumerable<int> offsets, bool byUnits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(offsets);
        var wanted = offsets.Distinct().Order().ToList();
        var result = new Dictionary<int, int>(wanted.Count);
        if (SameAsUtf16(text))
        {
            foreach (var offset in wanted)
                result[offset] = InRange(offset, text.Length);
            return result;
        }

        var (unit, point) = (0, 0);
        foreach (var offset in wanted)
        {
            // Offsets come sorted, so the cursor only moves forward: one pass over the text in all.
            while ((byUnits ? unit : point) < offset && unit < text.Length)
            {
                unit += char.IsSurrogatePair(text, unit) ? 2 : 1;
                point++;
            }

            InRange(offset, byUnits ? text.Length : point);
            result[offset] = byUnits ? point : unit;
        }

        return result;
    }

    private static int InRange(int offset, int length) => offset >= 0 && offset <= length
        ? offset
        : throw new ArgumentOutOfRangeException(nameof(offset), offset, $"An offset must lie between 0 and the text's length ({length}).");
}
