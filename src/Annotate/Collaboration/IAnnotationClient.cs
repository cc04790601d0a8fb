using Annotate.Annotations;
using Annotate.Relations;
using Annotate.Rounds;

namespace Annotate.Collaboration;

/// <summary>What the server sends to a client of /hubs/annotations. Method names are wire names.</summary>
public interface IAnnotationClient
{
    /// <summary>A committed change to an annotation or document label the client may see.</summary>
    Task AnnotationChanged(AnnotationChange change);

    /// <summary>A committed change to a relation between spans the client may see (same routes as the spans').</summary>
    Task RelationChanged(RelationChange change);

    /// <summary>Someone joined, moved (to another block) or left a document the client has joined.</summary>
    Task PresenceChanged(PresenceUpdate presence);

    /// <summary>The project's visibility mode changed: rejoin with afterSeq 0 and replace what is shown.</summary>
    Task VisibilityChanged(string visibility);

    /// <summary>The document's text has a new version: reload it (annotations were moved onto it and are pushed too).</summary>
    Task DocumentChanged(DocumentVersionChange change);

    /// <summary>A norming round started or ended: editing is now frozen (a discuss round) or open again.</summary>
    Task EditingChanged(EditingState editing);

    /// <summary>Agreement figures of these documents (and so of the project) changed: fetch them again.</summary>
    Task AgreementChanged(AgreementUpdate update);

    /// <summary>Students' progress in a class the client watches changed (a Done mark, the instruction): fetch the dashboard again.</summary>
    Task ClassChanged(ClassUpdate update);
}

/// <summary>Which project's class changed; the dashboard itself is fetched over HTTP.</summary>
public sealed record ClassUpdate(string ProjectId);

/// <summary>Which documents' agreement changed; the figures themselves are fetched over HTTP.</summary>
public sealed record AgreementUpdate(string ProjectId, IReadOnlyList<string> DocumentIds);

/// <summary>A document and the number of its new text version.</summary>
public sealed record DocumentVersionChange(string DocumentId, int Version);

/// <summary>Who is on a document and roughly where (the block they are reading). Never stored.</summary>
public sealed record PresenceUpdate(string DocumentId, string UserId, string DisplayName, int? Block, bool Present);

/// <summary>
/// The answer to JoinDocument: the changes after the given sequence number that the caller may see, annotations in
/// <see cref="Changes"/> and relations in <see cref="Relations"/> (one sequence numbers both). <see cref="SeesOthers"/>
/// says whether they cover everyone's work or only the caller's: a client whose previous join said otherwise (the mode
/// or the caller's role changed while it was away) must join again from 0, since a catch-up from its last number
/// would skip others' earlier work it may now see, or keep what it may no longer see.
/// </summary>
public sealed record JoinResult(IReadOnlyList<AnnotationChange> Changes, long LastSeq, IReadOnlyList<PresenceUpdate> Present, string Visibility,
    IReadOnlyList<RelationChange> Relations, bool SeesOthers);
