using System.Net;
using System.Text.RegularExpressions;

namespace Annotate.Tests.Infrastructure;

/// <summary>Reads the text content of each data-block element of reader HTML (our HTML never nests blocks).</summary>
internal static partial class HtmlBlocks
{
    public static Dictionary<int, string> TextByBlock(string html)
    {
        var result = new Dictionary<int, string>();
        foreach (Match match in BlockElement().Matches(html))
        {
            var inner = Tags().Replace(match.Groups["inner"].Value, "");
            result[int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)] = WebUtility.HtmlDecode(inner);
        }

        return result;
    }

    [GeneratedRegex("<(?<tag>[a-z0-9]+) data-block=\"(?<index>\\d+)\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex BlockElement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
