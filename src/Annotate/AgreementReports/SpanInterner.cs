using System.Runtime.CompilerServices;

namespace Annotate.AgreementReports;

/// <summary>
/// Gives each distinct text an integer id, looking texts up as spans: a string is made only the first time a text
/// is seen. The last hit is checked first, since ratings files list a unit's ratings one after another.
/// </summary>
internal sealed class SpanInterner
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> names = [];
    private int last = -1;

    public SpanInterner() => lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => names.Count;

    public IReadOnlyList<string> NameList => names;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every rating: optimized at once, a command-line run ends before tiered JIT would get to it
    public int Id(ReadOnlySpan<char> text)
    {
        if (last >= 0 && text.SequenceEqual(names[last]))
        {
            return last;
        }

        // A handful of coders or labels: comparing with each is cheaper than hashing.
        var id = -1;
        if (names.Count <= 8)
        {
            for (var i = 0; i < names.Count && id < 0; i++)
            {
                if (text.SequenceEqual(names[i]))
                    id = i;
            }
        }
        else if (!lookup.TryGetValue(text, out id))
        {
            id = -1;
        }

        if (id < 0)
        {
            var name = text.ToString();
            id = names.Count;
            ids.Add(name, id);
            names.Add(name);
        }

        return last = id;
    }

    public string[] Names() => [.. names];
}
