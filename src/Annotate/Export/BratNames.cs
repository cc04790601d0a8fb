using System.Globalization;
using System.Text;

namespace Annotate.Export;

/// <summary>
/// Reversible names and values for brat, whose .ann lines split on spaces and tabs and whose type names keep to
/// letters, digits, '-' and '_'. A type is "{layer}__{label}": every character other than [A-Za-z0-9-] is written
/// "_" + four hex digits (so '_' is "_005F"), hence "__" can only be the separator.
/// </summary>
internal static class BratNames
{
    public const string Separator = "__";

    /// <summary>
    /// The R line a span-to-span attribution became in exports made before schema step 0022; read on import as a
    /// said-by relation, never written any more.
    /// </summary>
    public const string AttributionRelation = "Attribution";

    /// <summary>The attribute an attribution to an actor of the codebook becomes (codebook ids are lower case).</summary>
    public const string ActorAttribute = "Actor";

    public const string NoteType = "AnnotatorNotes";

    /// <summary>The note type holding Annotate's id of the annotation, so importing an export back finds it again.</summary>
    public const string IdType = "AnnotateId";

    /// <summary>The note type holding a gold annotation's provenance as one line of JSON.</summary>
    public const string ProvenanceType = "Provenance";

    public static string Type(string layer, string label) => Escape(layer) + Separator + Escape(label);

    /// <summary>(layer, label) of a type written by <see cref="Type"/>; null for any other name.</summary>
    public static (string Layer, string Label)? ParseType(string type)
    {
        var at = FindSeparator(type);
        return at < 0 || Unescape(type[..at]) is not { } layer || Unescape(type[(at + 2)..]) is not { } label ? null : (layer, label);
    }

    public static string Escape(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
                builder.Append(c);
            else
                builder.Append('_').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The name <see cref="Escape"/> made, or null when the text is not one.</summary>
    public static string? Unescape(string escaped)
    {
        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '_')
            {
                builder.Append(escaped[i]);
                continue;
            }

            if (i + 5 > escaped.Length || !int.TryParse(escaped.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                return null;
            builder.Append((char)code);
            i += 4;
        }

        return builder.ToString();
    }

    /// <summary>An attribute value as one brat token: '%', white space and control characters percent-encoded.</summary>
    public static string Value(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in value)
        {
            if (b == '%' || b == '|' || b == ',' || char.IsWhiteSpace(b) || char.IsControl(b))
                builder.Append(Uri.EscapeDataString(b.ToString())); // UTF-8 percent-encoding, as Uri.UnescapeDataString reads it
            else
                builder.Append(b);
        }

        return builder.ToString();
    }

    public static string ParseValue(string token) => Uri.UnescapeDataString(token);

    /// <summary>A note on one line: backslash, CR, LF and tab written as \\, \r, \n, \t.</summary>
    public static string Note(string note) =>
        note.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    public static string ParseNote(string line)
    {
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                builder.Append(line[++i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var other => other });
                continue;
            }

            builder.Append(line[i]);
        }

        return builder.ToString();
    }

    private static int FindSeparator(string type)
    {
        for (var i = 0; i < type.Length - 1; i++)
        {
            if (type[i] != '_')
                continue;
            if (type[i + 1] == '_')
                return i;
            i += 4; // skip an escape
        }

        return -1;
    }
}
