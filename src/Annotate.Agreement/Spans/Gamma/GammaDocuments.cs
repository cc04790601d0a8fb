using System.Globalization;

namespace Annotate.Agreement.Spans.Gamma;

/// <summary>Spans grouped into one <see cref="GammaContinuum"/> per document, with the labels they use.</summary>
internal static class GammaDocuments
{
    public static List<GammaContinuum> Build(
        IReadOnlyList<LabelledSpan> spans,
        IReadOnlyList<Continuum> continua,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? coders,
        List<string> notes,
        out List<string> labels)
    {
        var bounds = new Dictionary<string, Continuum>(StringComparer.Ordinal);
        foreach (var continuum in continua)
        {
            if (!bounds.TryAdd(continuum.Document, continuum))
            {
                throw new ArgumentException($"Document '{continuum.Document}' has more than one continuum.", nameof(continua));
            }
        }

        foreach (var span in spans)
        {
            Check(span, bounds);
        }

        var everyone = spans.Select(s => s.Coder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counted = new List<(List<string> Coders, List<LabelledSpan> Spans)>();
        var fewCoders = 0;
        foreach (var group in spans.GroupBy(s => s.Document, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var documentCoders = coders is null ? everyone : coders.GetValueOrDefault(group.Key)?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
            var set = documentCoders.ToHashSet(StringComparer.Ordinal);
            var kept = group.Where(s => set.Contains(s.Coder)).ToList();
            if (documentCoders.Count < 2)
            {
                fewCoders++;
            }
            else if (kept.Count > 0)
            {
                counted.Add((documentCoders, kept));
            }
        }

        labels = [.. counted.SelectMany(c => c.Spans).Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var documents = new List<GammaContinuum>();
        var duplicates = 0;
        foreach (var (documentCoders, kept) in counted)
        {
            var coderIndex = documentCoders.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
            var byAnnotator = documentCoders.Select(_ => new List<GammaUnit>()).ToList();
            foreach (var span in kept)
            {
                var a = coderIndex[span.Coder];
                byAnnotator[a].Add(new GammaUnit(span.Start, span.End, labelIndex[span.Label], a));
            }

            documents.Add(GammaContinuum.Of(byAnnotator, out var repeated));
            duplicates += repeated;
        }

        if (fewCoders > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{fewCoders} document(s) with fewer than two coders left out of gamma."));
        }

        if (duplicates > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{duplicates} repeated span(s) (same coder, extent and label) counted once by gamma."));
        }

        return documents;
    }

    private static void Check(LabelledSpan span, Dictionary<string, Continuum> bounds)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (!bounds.TryGetValue(span.Document, out var continuum))
        {
            throw new ArgumentException($"Span of coder '{span.Coder}' is on document '{span.Document}', which has no continuum.", nameof(span));
        }

        if (span.End <= span.Start || span.Start < continuum.Begin || span.End > (long)continuum.Begin + continuum.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Span [{span.Start}, {span.End}) of coder '{span.Coder}' is empty or outside document '{span.Document}' [{continuum.Begin}, {(long)continuum.Begin + continuum.Length})."), nameof(span));
        }
    }
}
