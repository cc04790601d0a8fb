using Annotate.Annotations;

namespace Annotate.Curation;

/// <summary>
/// Which gold span stands for an annotator's span, so that a relation accepted from that annotator joins gold spans:
/// the gold span taken from it (its provenance names it), else a gold span identical to it (same layer, stretch and
/// label, taken from another annotator's copy). Pure; the reader and the writer both ask it.
/// </summary>
public static class GoldCopies
{
    /// <param name="gold">The live gold spans of the document.</param>
    public static Annotation? Of(Annotation span, IEnumerable<Annotation> gold)
    {
        Annotation? identical = null;
        foreach (var g in gold.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            if (g.Provenance?.Sources.Any(s => s.Id == span.Id) == true)
                return g;
            if (identical is null && g.Layer == span.Layer && g.Start == span.Start && g.End == span.End && g.Label == span.Label)
                identical = g;
        }

        return identical;
    }
}
