namespace Annotate.Annotations;

/// <summary>
/// One committed change of a document's annotations, as the hub sends it. <see cref="Seq"/> is the document's
/// sequence number for the change: strictly increasing per document, so a client that sees a gap catches up.
/// </summary>
public sealed record AnnotationChange(long Seq, string DocumentId, string Kind, Annotation Annotation)
{
    public const string Upsert = "upsert";
    public const string Delete = "delete";
}
