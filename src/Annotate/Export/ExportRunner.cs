using Annotate.Codebook;
using Annotate.Data;
using Dapper;

namespace Annotate.Export;

/// <summary>What an export wrote.</summary>
public sealed record ExportSummary(string ProjectId, string Format, int Documents);

/// <summary>
/// Runs one format over a project into a sink and adds the dataset card (README.md) that goes with every export.
/// Shared by `annotate export` and GET /api/projects/{p}/export.
/// </summary>
internal sealed class ExportRunner(Db db, ExportReader reader, CodebookStore codebooks, DatasetCard card, IEnumerable<IExportFormat> formats)
{
    public IReadOnlyList<IExportFormat> Formats { get; } = formats.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

    public IExportFormat? Find(string name) => Formats.FirstOrDefault(f => f.Name == name);

    public async Task<ExportSummary> RunAsync(string projectId, IExportFormat format, ExportOptions options, IExportSink sink,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(projectId, options, progress, cancellationToken);
        await using var recording = new RecordingSink(sink);
        await format.WriteAsync(context, recording, cancellationToken);
        await card.WriteAsync(context, format, recording.Files, sink, cancellationToken);
        return new ExportSummary(projectId, format.Name, (await reader.DocumentIdsAsync(projectId, cancellationToken, options.Document)).Count);
    }

    /// <summary>Why these options do not fit the project (an unknown layer or document, named by its field), or null when they do.</summary>
    public async Task<(string Field, string Message)?> ValidateAsync(string projectId, IExportFormat format, ExportOptions options, CancellationToken cancellationToken)
    {
        if (options.Document is { } document && (await reader.DocumentIdsAsync(projectId, cancellationToken, document)).Count == 0)
        {
            return ("document", $"Project '{projectId}' has no document '{document}'.");
        }

        if (options.Layer is not { } layer)
        {
            return null;
        }

        var context = await ContextAsync(projectId, options, null, cancellationToken);
        var spanLayers = context.SpanLayers;
        return spanLayers.Contains(layer) ? null
            : ("layer", $"The codebook of project '{projectId}' has no span layer '{layer}'; its span layers are: {string.Join(", ", spanLayers)}.");
    }

    public async Task<ExportContext> ContextAsync(string projectId, ExportOptions options, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        List<string> collections;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            collections = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT Collection FROM Documents WHERE ProjectId = @ProjectId AND IsMissing = 0 ORDER BY Collection;",
                new { ProjectId = projectId }, cancellationToken: cancellationToken))).AsList();
        }

        var byCollection = new Dictionary<string, CodebookInfo>(StringComparer.Ordinal);
        foreach (var collection in collections)
        {
            if (await codebooks.ForCollectionAsync(collection, cancellationToken) is { } codebook)
            {
                byCollection[collection] = codebook;
            }
        }

        return new ExportContext(reader, projectId, byCollection, await reader.AnnotatorsAsync(projectId, cancellationToken), options, progress);
    }
}
