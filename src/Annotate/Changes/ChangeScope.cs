using Annotate.Projects;

namespace Annotate.Changes;

/// <summary>The project a change belongs to and its settings now, read once per change for every subscriber.</summary>
/// <param name="Settings">Null when the project is gone: then the change is treated as blind, the safe reading.</param>
internal sealed record ChangeScope(string ProjectId, ProjectSettings? Settings)
{
    public string Visibility => Settings?.Visibility ?? Projects.Visibility.Blind;

    public bool SharesWork => Projects.Visibility.SharesWork(Visibility);
}
