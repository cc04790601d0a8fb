using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Annotate.Corpus;

/// <summary>Splits optional YAML front matter (between '---' lines at the top of a file) from the Markdown body.</summary>
internal static class FrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Returns the parsed keys (empty without front matter), the body, and how many lines precede the body.</summary>
    public static (Dictionary<string, object?> Keys, string Body) Split(string source)
    {
        if (!source.StartsWith("---\n", StringComparison.Ordinal) && source != "---")
        {
            return ([], source);
        }

        var end = FindClosingLine(source, out var bodyStart);
        if (end < 0)
        {
            throw new CorpusFileException("front-matter", "Front matter opened with '---' on line 1 is never closed by a '---' line.");
        }

        var yaml = source[4..end];
        return (ParseKeys(yaml), source[bodyStart..]);
    }

    private static int FindClosingLine(string source, out int bodyStart)
    {
        var lineStart = 4;
        while (lineStart <= source.Length)
        {
            var lineEnd = source.IndexOf('\n', lineStart);
            var line = lineEnd < 0 ? source.AsSpan(lineStart) : source.AsSpan(lineStart, lineEnd - lineStart);
            if (line.TrimEnd() is "---" or "...")
            {
                bodyStart = lineEnd < 0 ? source.Length : lineEnd + 1;
                return lineStart;
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        bodyStart = 0;
        return -1;
    }

    private static Dictionary<string, object?> ParseKeys(string yaml)
    {
        object? parsed;
        try
        {
            parsed = Yaml.Deserialize<object?>(yaml);
        }
        catch (YamlException ex)
        {
            // +1: the YAML starts on line 2 of the file, after the opening '---'.
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0].Trim();
            throw new CorpusFileException("front-matter",
                $"Front matter is not valid YAML at line {ex.Start.Line + 1}, column {ex.Start.Column}: {reason}");
        }

        return parsed switch
        {
            null => [],
            Dictionary<object, object?> map => map.ToDictionary(kv => Convert.ToString(kv.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", kv => Plain(kv.Value)),
            _ => throw new CorpusFileException("front-matter", "Front matter must be a YAML mapping of keys to values (title: …, outlet: …)."),
        };
    }

    /// <summary>YAML nodes as JSON-friendly values: strings, lists and string-keyed maps.</summary>
    private static object? Plain(object? value) => value switch
    {
        Dictionary<object, object?> map => map.ToDictionary(kv => Convert.ToString(kv.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", kv => Plain(kv.Value)),
        List<object?> list => list.Select(Plain).ToList(),
        _ => value,
    };
}
