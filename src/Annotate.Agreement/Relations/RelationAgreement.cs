namespace Annotate.Agreement.Relations;

/// <summary>
/// Agreement on relations between spans (links of a type from a source span to a target span). Two measures:
/// <list type="bullet">
/// <item>Relation F1 per type and over all types: two coders' relations match when they have the same type and their
/// ends match, exactly (same offsets) or by overlap (one-to-one, greedily by shared positions), in order for a
/// directed type and in either order for an undirected one. F1 = 2 · matches / (relations of the one coder + relations
/// of the other), summed over every pair of coders and every document (micro-averaged, as span F1 is).</item>
/// <item>Krippendorff's nominal alpha over relation types: each endpoint pair (exact ends) that two or more coders
/// related is a unit, and each of them gives it the type they chose (several types on one pair: sorted and joined
/// with '+', as stacked span labels are). It answers "given that two coders linked the same two spans, do they agree
/// on how?"; which spans get linked is F1's question.</item>
/// </list>
/// A coder who annotated a document but drew no relation there still takes part: every relation of the others is a
/// miss against them.
/// </summary>
public static class RelationAgreement
{
    /// <summary>Both measures over every document at once (the sum of each document's <see cref="Piece"/>).</summary>
    /// <param name="relations">Every relation.</param>
    /// <param name="codersByDocument">Who annotated each document, when known (beyond those who drew relations there).</param>
    /// <param name="endLabels">Whether the ends' span labels must match too.</param>
    public static RelationAgreementResult Compute(IReadOnlyList<LabelledRelation> relations,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? codersByDocument = null, bool endLabels = false)
    {
        ArgumentNullException.ThrowIfNull(relations);
        var byDocument = relations.GroupBy(r => r.Document, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var documents = byDocument.Keys.Concat(codersByDocument?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var sum = new RelationAgreementSum();
        foreach (var document in documents)
        {
            var coders = (codersByDocument?.GetValueOrDefault(document) ?? []).ToList();
            sum.Add(Piece(byDocument.GetValueOrDefault(document) ?? [], coders, endLabels));
        }

        return sum.Result();
    }

    /// <summary>One document's counts and type coincidences, to be summed over documents.</summary>
    /// <param name="relations">The document's relations.</param>
    /// <param name="coders">Who annotated the document; those with a relation here take part in any case.</param>
    /// <param name="endLabels">Whether the ends' span labels must match too.</param>
    public static RelationPiece Piece(IReadOnlyList<LabelledRelation> relations, IReadOnlyCollection<string> coders, bool endLabels = false)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(coders);
        var everyone = coders.Concat(relations.Select(r => r.Coder)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var byType = new Dictionary<string, RelationTypeCounts>(StringComparer.Ordinal);
        foreach (var type in relations.GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            var byCoder = type.GroupBy(r => r.Coder, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            long exact = 0, overlap = 0, counted = 0;
            for (var i = 0; i < everyone.Count; i++)
            {
                for (var j = i + 1; j < everyone.Count; j++)
                {
                    var a = byCoder.GetValueOrDefault(everyone[i]) ?? [];
                    var b = byCoder.GetValueOrDefault(everyone[j]) ?? [];
                    if (a.Count + b.Count == 0)
                        continue;
                    exact += RelationMatcher.MatchExactly(a, b, endLabels);
                    overlap += RelationMatcher.MatchByOverlap(a, b, endLabels);
                    counted += a.Count + b.Count;
                }
            }

            byType[type.Key] = new RelationTypeCounts(type.Count(), exact, overlap, counted);
        }

        return new RelationPiece(byType, TypeCoincidences(relations, endLabels), everyone.Count * (everyone.Count - 1) / 2);
    }

    // Units are the endpoint pairs; a coder's value is the type (or types) they gave it. Units one coder alone related
    // have a single value and add nothing to the matrix.
    private static CoincidenceMatrix TypeCoincidences(IReadOnlyList<LabelledRelation> relations, bool endLabels)
    {
        var units = new Dictionary<RelationKey, Dictionary<string, SortedSet<string>>>();
        foreach (var relation in relations)
        {
            var key = RelationKey.Of(relation, endLabels);
            if (!units.TryGetValue(key, out var coders))
                units[key] = coders = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            if (!coders.TryGetValue(relation.Coder, out var types))
                coders[relation.Coder] = types = new SortedSet<string>(StringComparer.Ordinal);
            types.Add(relation.Type);
        }

        var ratings = units.Values.Where(c => c.Count >= 2).SelectMany((coders, unit) =>
            coders.Select(c => (Unit: unit.ToString(System.Globalization.CultureInfo.InvariantCulture), Coder: c.Key, Value: string.Join('+', c.Value))));
        return CoincidenceMatrix.From(RatingTable.FromNominal(ratings));
    }
}
