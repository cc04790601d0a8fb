using Annotate.Agreement.Spans;

namespace Annotate.Agreement.Relations;

/// <summary>One end of a relation: the span [<paramref name="Start"/>, <paramref name="End"/>) and its label.</summary>
/// <param name="Start">First position, inclusive.</param>
/// <param name="End">Last position, exclusive; greater than <paramref name="Start"/>.</param>
/// <param name="Label">The span's label; compared only when end labels are asked to match.</param>
public sealed record RelationEnd(int Start, int End, string Label)
{
    /// <summary>How many positions this end shares with another (0 when they do not overlap).</summary>
    public int OverlapWith(RelationEnd other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));
    }
}

/// <summary>One coder's typed link between two spans of a document.</summary>
/// <param name="Document">The document both ends are on.</param>
/// <param name="Coder">Who drew the relation.</param>
/// <param name="Type">The relation type (the value alpha compares).</param>
/// <param name="Source">The span the relation starts at.</param>
/// <param name="Target">The span it ends at.</param>
/// <param name="Directed">Whether source and target play different roles; an undirected relation matches another
/// undirected one in either order. A property of the type: every relation of one type should say the same.</param>
public sealed record LabelledRelation(string Document, string Coder, string Type, RelationEnd Source, RelationEnd Target, bool Directed = true);

/// <summary>How two coders' relation ends count as the same span.</summary>
/// <param name="Matching">Exact: same start and end; overlap: at least one shared position (one-to-one, see <see cref="RelationAgreement"/>).</param>
/// <param name="EndLabels">Whether the ends' span labels must be equal too (default: no, span labels are span agreement's business).</param>
public sealed record RelationMatchingOptions(SpanMatching Matching, bool EndLabels = false);

/// <summary>
/// One relation type's counts: <see cref="Relations"/> drawn (each once), and over every pair of coders in every
/// document the matches found exactly and by overlap and the relations counted (each once per pair it is in).
/// </summary>
public readonly record struct RelationTypeCounts(long Relations, long Exact, long Overlap, long Counted)
{
    /// <summary>Both counts added.</summary>
    public static RelationTypeCounts operator +(RelationTypeCounts a, RelationTypeCounts b) =>
        new(a.Relations + b.Relations, a.Exact + b.Exact, a.Overlap + b.Overlap, a.Counted + b.Counted);
}

/// <summary>
/// One document's share of relation agreement (<see cref="RelationAgreement.Piece"/>): counts per type, the
/// coincidences of relation types on the endpoint pairs two or more coders related, and how many coder pairs the
/// document has. Pieces of disjoint documents add up (<see cref="RelationAgreementSum"/>).
/// </summary>
public sealed record RelationPiece(IReadOnlyDictionary<string, RelationTypeCounts> ByType, CoincidenceMatrix Types, int CoderPairs);

/// <summary>Relation F1: 2 · <paramref name="Matches"/> / <paramref name="Counted"/>, or undefined with the reason.</summary>
public sealed record RelationF1(Coefficient F1, long Matches, long Counted);

/// <summary>One relation type's agreement.</summary>
public sealed record RelationTypeAgreement(string Type, long Relations, RelationF1 Exact, RelationF1 Overlap);

/// <summary>
/// Relation agreement over documents: F1 with exact and overlap matching of the ends, over all types (micro: the
/// types' matches and counts summed) and per type, and Krippendorff's nominal alpha of the types given to the
/// endpoint pairs that two or more coders related (<see cref="SharedPairs"/> of them).
/// </summary>
public sealed record RelationAgreementResult(
    long Relations, int CoderPairs, RelationF1 Exact, RelationF1 Overlap, IReadOnlyList<RelationTypeAgreement> ByType, AlphaResult TypeAlpha, int SharedPairs)
{
    /// <summary>Alpha over types: defined only where some endpoint pair has two or more coders' types.</summary>
    public Coefficient Alpha => TypeAlpha.Alpha;
}
