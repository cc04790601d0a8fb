using System.Globalization;

namespace Annotate.Agreement.Spans;

/// <summary>A document's continuum of character offsets: [<paramref name="Begin"/>, <paramref name="Begin"/> + <paramref name="Length"/>).</summary>
/// <param name="Document">The document, as in <see cref="LabelledSpan.Document"/>.</param>
/// <param name="Begin">First offset of the continuum.</param>
/// <param name="Length">Number of offsets in the continuum (0 or more).</param>
public sealed record Continuum(string Document, int Begin, int Length);

/// <summary>One unit on the joined continuum: [Start, End), End greater than Start.</summary>
internal readonly record struct UnitSegment(long Start, long End)
{
    public long Length => End - Start;
}

/// <summary>One label's units: for each coder (by index), sorted, non-overlapping segments; and how many of each coder's spans were merged.</summary>
internal sealed record LabelSegments(UnitSegment[][] ByCoder, int[] MergedByCoder)
{
    public int UnitCount => ByCoder.Sum(c => c.Length);

    public int MergedSpans => MergedByCoder.Sum();
}

/// <summary>
/// Spans laid on one continuum: documents end to end in ordinal order of their names, each coder's spans of each
/// label sorted and merged where they overlap. The step that unitizing measures (αu, later gamma) share.
/// </summary>
internal sealed class UnitizingData
{
    private readonly Dictionary<string, LabelSegments> byLabel;

    private UnitizingData(IReadOnlyList<string> coders, long length, Dictionary<string, LabelSegments> byLabel)
    {
        Coders = coders;
        Length = length;
        this.byLabel = byLabel;
    }

    public IReadOnlyList<string> Coders { get; }

    /// <summary>Total length of the joined continuum.</summary>
    public long Length { get; }

    /// <summary>Labels with at least one unit of a counted coder, in ordinal order.</summary>
    public IEnumerable<string> Labels => byLabel.Keys.Order(StringComparer.Ordinal);

    public LabelSegments? For(string label) => byLabel.GetValueOrDefault(label);

    public static UnitizingData Build(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<Continuum> continua, IReadOnlyList<string>? coders)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(continua);
        var (layout, length) = Layout(continua);
        var coderList = coders ?? spans.Select(s => s.Coder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var coderIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var coder in coderList)
        {
            if (!coderIndex.TryAdd(coder, coderIndex.Count))
            {
                throw new ArgumentException($"Coder '{coder}' is listed twice.", nameof(coders));
            }
        }

        var raw = new Dictionary<string, List<UnitSegment>[]>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            var segment = Place(span, layout);
            if (!coderIndex.TryGetValue(span.Coder, out var c))
            {
                continue; // a coder left out of an explicit list: the caller asked for the others only
            }

            if (!raw.TryGetValue(span.Label, out var perCoder))
            {
                raw[span.Label] = perCoder = [.. coderList.Select(_ => new List<UnitSegment>())];
            }

            perCoder[c].Add(segment);
        }

        var byLabel = raw.ToDictionary(kv => kv.Key, kv => Merge(kv.Value), StringComparer.Ordinal);
        return new UnitizingData(coderList, length, byLabel);
    }

    private static (Dictionary<string, (Continuum Continuum, long Offset)> Layout, long Length) Layout(IReadOnlyList<Continuum> continua)
    {
        var layout = new Dictionary<string, (Continuum, long)>(StringComparer.Ordinal);
        long offset = 0;
        foreach (var continuum in continua.OrderBy(c => c.Document, StringComparer.Ordinal))
        {
            if (continuum.Length < 0)
            {
                throw new ArgumentException($"Document '{continuum.Document}' has a negative continuum length.", nameof(continua));
            }

            if (!layout.TryAdd(continuum.Document, (continuum, offset)))
            {
                throw new ArgumentException($"Document '{continuum.Document}' has more than one continuum.", nameof(continua));
            }

            offset += continuum.Length;
        }

        return (layout, offset);
    }

    private static UnitSegment Place(LabelledSpan span, Dictionary<string, (Continuum Continuum, long Offset)> layout)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (!layout.TryGetValue(span.Document, out var place))
        {
            throw new ArgumentException($"Span of coder '{span.Coder}' is on document '{span.Document}', which has no continuum.", nameof(span));
        }

        var (continuum, offset) = place;
        if (span.End <= span.Start || span.Start < continuum.Begin || span.End > (long)continuum.Begin + continuum.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Span [{span.Start}, {span.End}) of coder '{span.Coder}' is empty or outside document '{span.Document}' [{continuum.Begin}, {(long)continuum.Begin + continuum.Length})."), nameof(span));
        }

        return new UnitSegment(offset + span.Start - continuum.Begin, offset + span.End - continuum.Begin);
    }

    /// <summary>One coder's overlapping spans of one label become their union (αu allows no overlap there); touching ones stay apart.</summary>
    private static LabelSegments Merge(List<UnitSegment>[] perCoder)
    {
        var merged = new int[perCoder.Length];
        var byCoder = new UnitSegment[perCoder.Length][];
        for (var c = 0; c < perCoder.Length; c++)
        {
            var list = perCoder[c];
            list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            var result = new List<UnitSegment>(list.Count);
            foreach (var segment in list)
            {
                if (result.Count > 0 && segment.Start < result[^1].End)
                {
                    result[^1] = result[^1] with { End = Math.Max(result[^1].End, segment.End) };
                    merged[c]++;
                }
                else
                {
                    result.Add(segment);
                }
            }

            byCoder[c] = [.. result];
        }

        return new LabelSegments(byCoder, merged);
    }
}
