namespace Annotate.Agreement.Spans;

/// <summary>
/// The labels covering the current token during <see cref="TokenRatings.Build"/>'s sweep, each with how many of
/// the coder's spans give it, in ordinal order. A handful at most, so a sorted list: the sorted dictionary it
/// replaces allocated an enumerator (and its stack) every time the labels were joined into a value.
/// </summary>
internal sealed class ActiveLabels
{
    private readonly List<string> labels = [];
    private readonly List<int> counts = [];

    public int Count => labels.Count;

    public void Clear()
    {
        labels.Clear();
        counts.Clear();
    }

    /// <summary>Adds <paramref name="delta"/> spans of a label; a label whose count comes to 0 leaves.</summary>
    public void Add(string label, int delta)
    {
        var i = 0;
        while (i < labels.Count && string.CompareOrdinal(labels[i], label) < 0)
            i++;
        if (i < labels.Count && labels[i] == label)
        {
            if (counts[i] + delta == 0)
            {
                labels.RemoveAt(i);
                counts.RemoveAt(i);
            }
            else
            {
                counts[i] += delta;
            }
        }
        else if (delta != 0)
        {
            labels.Insert(i, label);
            counts.Insert(i, delta);
        }
    }

    /// <summary>The value the labels form together: "a+b" in ordinal order.</summary>
    public string Joined() => labels.Count == 1 ? labels[0] : string.Join('+', labels);

    public string[] Labels() => [.. labels];
}
