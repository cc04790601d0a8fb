using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Annotate.Corpus;

/// <summary>Guards shared by every YAML file we read (front matter and codebooks).</summary>
internal static class SafeYaml
{
    /// <summary>
    /// Refuses aliases (*name): a few hundred bytes of nested aliases expand to gigabytes ("billion laughs"), and
    /// neither front matter nor a codebook needs them. Returns the error, or null when the YAML has none.
    /// </summary>
    public static string? FindAlias(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                if (parser.Current is AnchorAlias alias)
                {
                    return $"line {alias.Start.Line}, column {alias.Start.Column}: aliases (*{alias.Value}) are not supported; write the value out.";
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return null; // a syntax error: the deserialiser reports it with its place
        }

        return null;
    }

    /// <summary>The first line of a YamlDotNet error, without its stack of inner wrappers.</summary>
    public static string Reason(YamlException ex) => (ex.InnerException?.Message ?? ex.Message).Split('\n')[0].Trim();
}
