namespace Annotate.Agreement.Relations;

/// <summary>
/// Relation agreement summed over documents as they come (<see cref="RelationAgreement.Piece"/> of each): memory is
/// the types and their coincidences, never the relations.
/// </summary>
public sealed class RelationAgreementSum
{
    private readonly Dictionary<string, RelationTypeCounts> byType = new(StringComparer.Ordinal);
    private readonly CoincidenceSum types = new();
    private int coderPairs;

    /// <summary>Adds one document's piece.</summary>
    public void Add(RelationPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        foreach (var (type, counts) in piece.ByType)
            byType[type] = byType.GetValueOrDefault(type) + counts;
        types.Add(piece.Types);
        coderPairs += piece.CoderPairs;
    }

    /// <summary>Whether any relation was added.</summary>
    public bool Any => byType.Count > 0;

    /// <summary>The figures of everything added; undefined ones carry the reason.</summary>
    public RelationAgreementResult Result()
    {
        var all = byType.Values.Aggregate(default(RelationTypeCounts), (a, b) => a + b);
        var perType = byType.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new RelationTypeAgreement(t.Key, t.Value.Relations, F1(t.Value.Exact, t.Value.Counted), F1(t.Value.Overlap, t.Value.Counted))).ToList();
        var matrix = types.ToMatrix();
        var alpha = CodingAgreement.KrippendorffAlpha(matrix);
        var why = Undefined();
        if (why is null && matrix.PairableUnits == 0)
            why = "no endpoint pair was related by two or more annotators";
        if (why is not null)
            alpha = alpha with { Alpha = Coefficient.NotDefined(why) };
        return new RelationAgreementResult(all.Relations, coderPairs, F1(all.Exact, all.Counted), F1(all.Overlap, all.Counted), perType, alpha, matrix.PairableUnits);
    }

    private RelationF1 F1(long matches, long counted) =>
        new(counted == 0 ? Coefficient.NotDefined(Undefined() ?? "no relation is on a document two or more annotators annotated") : Coefficient.Of(2.0 * matches / counted), matches, counted);

    // Why nothing can be compared at all, or null.
    private string? Undefined() =>
        byType.Count == 0 ? "no relations"
        : coderPairs == 0 ? "fewer than two annotators on every document"
        : null;
}
