namespace Annotate.Collaboration;

/// <summary>
/// SignalR group names. A document has one group for work everyone may see and one per annotator for their own
/// work; which one a change goes to is decided per change from the project's visibility, in the database.
/// </summary>
internal static class CollaborationGroups
{
    public static string Shared(string documentId) => $"doc:{documentId}";

    public static string Own(string documentId, string userId) => $"doc:{documentId}:user:{userId}";

    /// <summary>Curators and owners on the document: in a blind project they still see everyone's work.</summary>
    public static string Overseers(string documentId) => $"doc:{documentId}:overseers";

    /// <summary>Everyone on the document, whatever the visibility: new text versions go here, and presence outside blind mode.</summary>
    public static string Presence(string documentId) => $"presence:{documentId}";

    /// <summary>Curators and owners on the document: presence in blind mode goes only here.</summary>
    public static string PresenceOverseers(string documentId) => $"presence:{documentId}:overseers";

    /// <summary>Every connection working in a project (joined one of its documents or watching its agreement): mode changes go here.</summary>
    public static string Project(string projectId) => $"project:{projectId}";

    /// <summary>Everyone viewing a project's agreement figures.</summary>
    public static string Agreement(string projectId) => $"agreement:{projectId}";

    /// <summary>One annotator viewing the agreement of a project that spreads documents out: told only of their documents.</summary>
    public static string AgreementOf(string projectId, string userId) => $"agreement:{projectId}:user:{userId}";

    /// <summary>Curators and owners viewing a blind project's agreement.</summary>
    public static string AgreementOverseers(string projectId) => $"agreement:{projectId}:overseers";

    /// <summary>Curators and owners on a project's class page: told when a student marks a document done or reopens it.</summary>
    public static string Class(string projectId) => $"class:{projectId}";
}
