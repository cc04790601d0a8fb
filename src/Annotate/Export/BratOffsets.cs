using System.Text;

namespace Annotate.Export;

/// <summary>
/// brat counts offsets in Unicode code points (Python str indices), Annotate in UTF-16 code units: the two differ
/// after every character outside the BMP (𝔸, 😀). One table per text converts both ways.
/// </summary>
internal sealed class BratOffsets(string text)
{
    // The conversion itself is CodePoints' (shared with the other code-point formats); here it is tabled once per text.
    private readonly IReadOnlyDictionary<int, int> codePointAt = CodePoints.FromUtf16(text, Enumerable.Range(0, text.Length + 1));
    private readonly IReadOnlyDictionary<int, int> utf16At = CodePoints.ToUtf16(text, Enumerable.Range(0, CodePoints.Length(text) + 1));

    public int ToCodePoints(int utf16) => codePointAt[utf16];

    /// <summary>The UTF-16 offset of a code point offset, or -1 when it is outside the text.</summary>
    public int ToUtf16(int codePoint) => utf16At.TryGetValue(codePoint, out var unit) ? unit : -1;

    /// <summary>
    /// The fragments brat needs for [start, end) (UTF-16): the runs between line breaks, since a brat fragment and
    /// its quote may not contain one. A span that is all line breaks keeps one fragment (rare; it cannot round-trip).
    /// </summary>
    public static List<(int Start, int End)> Fragments(string text, int start, int end)
    {
        var fragments = new List<(int Start, int End)>();
        var runStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || text[i] is '\n' or '\r')
            {
                if (i > runStart)
                    fragments.Add((runStart, i));
                runStart = i + 1;
            }
        }

        if (fragments.Count == 0)
            fragments.Add((start, end));
        return fragments;
    }

    /// <summary>brat's quote field: the fragments' texts joined by a space (brat's own convention).</summary>
    public static string Quote(string text, IEnumerable<(int Start, int End)> fragments) =>
        string.Join(' ', fragments.Select(f => OneLine(text[f.Start..f.End])));

    private static string OneLine(string s) => s.Contains('\n', StringComparison.Ordinal) || s.Contains('\r', StringComparison.Ordinal)
        ? new StringBuilder(s).Replace('\r', ' ').Replace('\n', ' ').ToString() : s;
}
