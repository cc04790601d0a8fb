using System.Globalization;

namespace Annotate.Benchmarks;

/// <summary>Minimal "--name value" / "--flag" parsing; unknown or malformed options throw <see cref="ArgumentException"/>.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; names in <paramref name="flags"/> take no value.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> flags)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{name}'.");
            }

            if (flags.Contains(name))
            {
                parsed.values[name] = null;
            }
            else if (i + 1 < args.Count)
            {
                parsed.values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"option '{name}' needs a value.");
            }
        }

        return parsed;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? String(string name) => values.GetValueOrDefault(name);

    public string Required(string name) => String(name) ?? throw new ArgumentException($"option '{name}' is required.");

    public int Int(string name, int fallback, int min)
    {
        if (String(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"option '{name}' must be a whole number of at least {min}, not '{text}'.");
    }

    /// <summary>Throws if any option outside <paramref name="known"/> was given.</summary>
    public void Only(params string[] known)
    {
        var unknown = values.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown)}; known: {string.Join(", ", known)}.");
        }
    }
}
