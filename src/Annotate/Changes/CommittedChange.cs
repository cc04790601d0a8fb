using Annotate.Annotations;
using Annotate.Projects;
using Annotate.Relations;
using Annotate.Rounds;

namespace Annotate.Changes;

/// <summary>
/// A change that has committed, announced once by the code that wrote it, after the commit. Every interested feature
/// (live push, agreement, …) learns of it from <see cref="ChangeFeed"/>; none of them can fail the write.
/// </summary>
internal abstract record CommittedChange;

/// <summary>An annotation, document label, gold annotation or rejection was saved or deleted.</summary>
internal sealed record AnnotationCommitted(AnnotationChange Change) : CommittedChange;

/// <summary>A relation between spans was saved or deleted (by its author, or with one of its spans).</summary>
internal sealed record RelationCommitted(RelationChange Change) : CommittedChange;

/// <summary>A document's text got a new version (its moved annotations are announced one by one as well).</summary>
internal sealed record DocumentVersionCommitted(string DocumentId, long Version) : CommittedChange;

/// <summary>A project's visibility mode was set through this instance (the settings as saved).</summary>
internal sealed record ProjectVisibilityCommitted(ProjectSettings Settings) : CommittedChange;

/// <summary>A member's attributes in a project changed (agreement by perspective group depends on them).</summary>
internal sealed record AnnotatorAttributesCommitted(string ProjectId, string UserId) : CommittedChange;

/// <summary>
/// A student's Done mark (UserId and DocumentId set), the class instruction or an ended round's kept figures (both
/// null) changed: the teacher's dashboard refreshes. Personal, so it only ever goes to the project's teachers.
/// </summary>
internal sealed record WorkCommitted(string ProjectId, string? UserId, string? DocumentId) : CommittedChange;
/// <summary>A norming round started or ended: whether annotators may edit in the project now.</summary>
internal sealed record RoundCommitted(EditingState Editing) : CommittedChange;
