using Annotate.Import;

namespace Annotate.Relations;

/// <summary>
/// The relation type that links a claim to the span of its source, which a span's <c>attribution.span</c> used to
/// do. A relation converted from such an attribution (by schema step 0022, or by importing an older export) takes an
/// id derived from the span's, so converting the same span twice, on one server or two, finds the same relation.
/// </summary>
internal static class SaidBy
{
    public const string Type = "said-by";

    public static string RelationIdOf(string spanId) => ImportIds.Derive(Type, spanId);
}
