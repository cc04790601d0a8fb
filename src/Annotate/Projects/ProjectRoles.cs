namespace Annotate.Projects;

/// <summary>What a person may do in a project; each endpoint and hub call asks for one of these.</summary>
public enum ProjectRight
{
    /// <summary>Read the project's documents, codebook and one's own work.</summary>
    Read,

    /// <summary>Create, change and delete one's own annotations.</summary>
    Annotate,

    /// <summary>See everyone's annotations and agreement whatever the visibility mode (a teacher, a curator).</summary>
    SeeAll,

    /// <summary>Write the gold layer: accept, merge, edit and reject annotators' work (curators and owners).</summary>
    Curate,

    /// <summary>Change settings and people (visibility mode, members, attributes of others, export).</summary>
    Manage,
}

/// <summary>The roles of a project member and what each may do.</summary>
public static class ProjectRoles
{
    public const string Owner = "owner";
    public const string Curator = "curator";
    public const string Annotator = "annotator";
    public const string Viewer = "viewer";

    public static readonly string[] All = [Owner, Curator, Annotator, Viewer];

    public static bool Allows(string role, ProjectRight right) => right switch
    {
        ProjectRight.Read => All.Contains(role),
        ProjectRight.Annotate => role is Owner or Curator or Annotator,
        ProjectRight.SeeAll => role is Owner or Curator,
        ProjectRight.Curate => role is Owner or Curator,
        ProjectRight.Manage => role is Owner,
        _ => false,
    };
}
