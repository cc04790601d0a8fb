using System.Globalization;
using System.Text.RegularExpressions;

namespace Annotate.Corpus;

/// <summary>The well-known front-matter keys, typed; every other key is kept as free metadata.</summary>
internal sealed partial record ArticleMetadata(
    string Title,
    string? Outlet,
    string? Author,
    string? Date,
    string? Language,
    string? Url,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, object?> Extra)
{
    private static readonly string[] KnownKeys = ["title", "outlet", "author", "date", "url", "language", "tags"];

    /// <summary>Reads the keys leniently: a malformed optional value becomes a warning, never a lost article.</summary>
    public static ArticleMetadata From(IReadOnlyDictionary<string, object?> keys, string fallbackTitle, Action<string> warn)
    {
        string? Text(string key)
        {
            if (!keys.TryGetValue(key, out var value) || value is null)
            {
                return null;
            }

            if (value is string s)
            {
                return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            }

            warn($"Front matter '{key}' should be a single value; it was ignored.");
            return null;
        }

        var extra = keys.Where(kv => !KnownKeys.Contains(kv.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new ArticleMetadata(
            Text("title") ?? fallbackTitle,
            Text("outlet"),
            Text("author"),
            ParseDate(Text("date"), warn),
            ParseLanguage(Text("language"), warn),
            ParseUrl(Text("url"), warn),
            ParseTags(keys.GetValueOrDefault("tags"), warn),
            extra);
    }

    private static string? ParseDate(string? value, Action<string> warn)
    {
        if (value is null)
        {
            return null;
        }

        // Only ISO 8601 (2026-03-04, or a date-time starting so): "03/04/2026" is March or April depending on who wrote it.
        if (IsoDate().IsMatch(value)
            && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && (value.Length == 10 || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        warn($"Front matter 'date' is '{value}', not a date like 2026-03-04; the article has no date.");
        return null;
    }

    private static string? ParseLanguage(string? value, Action<string> warn)
    {
        if (value is null || LanguageTag().IsMatch(value))
        {
            return value;
        }

        warn($"Front matter 'language' is '{value}', not a language tag like 'en' or 'el'; it was ignored.");
        return null;
    }

    private static string? ParseUrl(string? value, Action<string> warn)
    {
        if (value is null)
        {
            return null;
        }

        if (ArticleRenderer.SafeUrl(value) is { } safe && safe.StartsWith("http", StringComparison.Ordinal))
        {
            return safe;
        }

        warn($"Front matter 'url' is '{value}', not an http(s) address; it was ignored.");
        return null;
    }

    private static List<string> ParseTags(object? value, Action<string> warn) => value switch
    {
        null => [],
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList(),
        List<object?> list when list.All(i => i is string) => list.Cast<string>().Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList(),
        _ => Ignore(warn),
    };

    private static List<string> Ignore(Action<string> warn)
    {
        warn("Front matter 'tags' should be a list of words, like [trade, border]; it was ignored.");
        return [];
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}.*)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
