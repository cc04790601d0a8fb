namespace Annotate.Projects;

/// <summary>
/// The anonymised view a teacher shows a class: students (annotators) become "Student 1", "Student 2", … in the
/// order they joined (user ids are time-ordered), the same numbering in every view; teachers are not numbered (an
/// owner is "Teacher", a curator "Curator", a viewer "Viewer").
/// </summary>
internal static class Anonymous
{
    /// <summary>A person's anonymous name, students numbered over the project's students (so every view agrees).</summary>
    public static Func<string, string> Numbering(IReadOnlyList<ProjectMember> members)
    {
        var order = members.Where(m => m.Role == ProjectRoles.Annotator).Select(m => m.UserId).Order(StringComparer.Ordinal)
            .Select((userId, index) => (userId, index)).ToDictionary(x => x.userId, x => x.index + 1, StringComparer.Ordinal);
        var roles = members.ToDictionary(m => m.UserId, m => m.Role, StringComparer.Ordinal);
        return userId => order.TryGetValue(userId, out var n)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Student {n}")
            : roles.GetValueOrDefault(userId) switch
            {
                ProjectRoles.Owner => "Teacher",
                ProjectRoles.Curator => "Curator",
                ProjectRoles.Viewer => "Viewer",
                _ => "A former member",
            };
    }
}

/// <summary>One person's anonymous name in a project.</summary>
public sealed record AnonymousName(string Id, string Name);
