using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Annotate.Corpus;

/// <summary>Splits optional YAML front matter (between '---' lines at the top of a file) from the Markdown body.</summary>
internal static class FrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>
    /// Metadata needs a list or a map or two, never more. Deeper values are refused here, where the file is named,
    /// instead of failing later in the JSON writer (whose own limit is 64) and stopping a whole load.
    /// </summary>
    public const int MaxDepth = 8;

    /// <summary>Returns the parsed keys (empty without front matter), the body, and how many lines precede the body.</summary>
    public static (Dictionary<string, object?> Keys, string Body) Split(string source)
    {
        var firstLineEnd = source.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? source : source[..firstLineEnd];
        if (firstLine.TrimEnd() != "---")
        {
            return (new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase), source);
        }

        var yamlStart = firstLineEnd < 0 ? source.Length : firstLineEnd + 1;
        var end = FindClosingLine(source, yamlStart, out var bodyStart);
        if (end < 0)
        {
            throw new CorpusFileException("front-matter", "Front matter opened with '---' on line 1 is never closed by a '---' line.");
        }

        return (ParseKeys(source[yamlStart..end]), source[bodyStart..]);
    }

    private static int FindClosingLine(string source, int lineStart, out int bodyStart)
    {
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
        if (SafeYaml.FindAlias(yaml) is { } alias)
        {
            throw new CorpusFileException("front-matter", $"Front matter (counting from its first line) {alias}");
        }

        object? parsed;
        try
        {
            parsed = Yaml.Deserialize<object?>(yaml);
        }
        catch (YamlException ex)
        {
            // +1: the YAML starts on line 2 of the file, after the opening '---'.
            throw new CorpusFileException("front-matter",
                $"Front matter is not valid YAML at line {ex.Start.Line + 1}, column {ex.Start.Column}: {SafeYaml.Reason(ex)}");
        }

        return parsed switch
        {
            null => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase),
            Dictionary<object, object?> map => Map(map, 1),
            _ => throw new CorpusFileException("front-matter", "Front matter must be a YAML mapping of keys to values (title: …, outlet: …)."),
        };
    }

    /// <summary>YAML nodes as JSON-friendly values: strings, lists and maps with (case-insensitive) string keys.</summary>
    private static object? Plain(object? value, int depth) => value switch
    {
        Dictionary<object, object?> map => Map(map, depth + 1),
        List<object?> list => List(list, depth + 1),
        _ => value,
    };

    private static Dictionary<string, object?> Map(Dictionary<object, object?> map, int depth)
    {
        CheckDepth(depth);
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map)
        {
            if (key is not string name)
            {
                throw new CorpusFileException("front-matter", "Front matter keys must be plain words, not lists or maps.");
            }

            result[name] = Plain(value, depth);
        }

        return result;
    }

    private static List<object?> List(List<object?> list, int depth)
    {
        CheckDepth(depth);
        return list.Select(item => Plain(item, depth)).ToList();
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CorpusFileException("front-matter", $"Front matter nests lists and maps more than {MaxDepth} levels deep; metadata needs only a few.");
        }
    }
}
