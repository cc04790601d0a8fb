using System.Text.Json;
using Annotate.Projects;

namespace Annotate.Codebook;

/// <summary>
/// A project may hide its codebook's examples from annotators and viewers (so that they do not steer a reading);
/// curators and owners always see them. Every route that hands out a codebook goes through here.
/// </summary>
internal static class CodebookExamples
{
    public static async Task<bool> ShownToAsync(ProjectGrant grant, ProjectStore projects, CancellationToken ct) =>
        grant.Can(ProjectRight.SeeAll) || (await projects.GetAsync(grant.ProjectId, ct))?.ShowCodebookExamples != false;

    /// <summary>A copy without examples: the cached codebook is shared by every request.</summary>
    public static CodebookInfo Without(CodebookInfo codebook)
    {
        var copy = JsonSerializer.Deserialize<CodebookDefinition>(JsonSerializer.Serialize(codebook.Codebook))!;
        foreach (var label in copy.Layers.SelectMany(l => l.Labels))
        {
            label.Examples = [];
        }

        foreach (var relation in copy.Relations)
        {
            relation.Examples = [];
        }

        return codebook with { Codebook = copy };
    }
}
