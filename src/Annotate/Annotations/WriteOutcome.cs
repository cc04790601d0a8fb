namespace Annotate.Annotations;

/// <summary>What became of a write, mapped to an HTTP answer by the API (and to a hub result later).</summary>
internal abstract record WriteOutcome
{
    /// <summary>Relations the write tombstoned or brought back with their span, as committed (announced after the commit).</summary>
    public IReadOnlyList<AnnotationRow> Relations { get; init; } = [];

    public sealed record Saved(Annotation Annotation, bool Created, long Seq) : WriteOutcome;

    /// <summary>A retry of a write that already happened: nothing changed.</summary>
    public sealed record Unchanged(Annotation Annotation) : WriteOutcome;

    /// <summary>Deleted now (with the tombstone and its sequence number), or already deleted before (null).</summary>
    public sealed record Removed(Annotation? Tombstone = null, long Seq = 0) : WriteOutcome;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : WriteOutcome;

    /// <summary>The edit was based on an older version (or clashes with another label): the client adopts Current.</summary>
    public sealed record Conflict(Annotation Current, string Detail) : WriteOutcome;

    public sealed record Forbidden(string Detail) : WriteOutcome;

    public sealed record NotFound(string Detail) : WriteOutcome;

    /// <summary>The project is in a discuss round: annotators' editing is refused until a revise round opens.</summary>
    public sealed record Frozen(string Round, string Detail) : WriteOutcome;

    /// <summary>
    /// A gold relation asked to join an annotator's span that has no gold copy yet: the curator accepts that span
    /// first. Field is "source" or "target"; SpanId the annotator's span.
    /// </summary>
    public sealed record MissingGoldEnd(string Field, string SpanId, string Detail) : WriteOutcome;

    public static Invalid Error(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
