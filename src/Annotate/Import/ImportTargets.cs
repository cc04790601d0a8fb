using Annotate.Data;
using Annotate.Export;
using Dapper;

namespace Annotate.Import;

/// <summary>The project's documents, found by id (jsonl) or by corpus path without extension (brat).</summary>
internal sealed class ImportTargets
{
    private readonly HashSet<string> ids;
    private readonly Dictionary<string, string> byPath;

    private ImportTargets(IReadOnlyList<(string Id, string Path)> documents)
    {
        ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        byPath = documents.GroupBy(d => BratExport.WithoutExtension(d.Path), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
    }

    public static async Task<ImportTargets> LoadAsync(Db db, string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Path)>(new CommandDefinition(
            "SELECT Id, Path FROM Documents WHERE ProjectId = @ProjectId AND IsMissing = 0 ORDER BY Id;", new { ProjectId = projectId }, cancellationToken: cancellationToken));
        return new ImportTargets(rows.AsList());
    }

    public string? Find(ImportItem item) => item.DocumentId is { } id
        ? ids.Contains(id) ? id : null
        : byPath.GetValueOrDefault(item.DocumentPath ?? "");
}
