using Annotate.AgreementReports;
using Annotate.Codebook;
using Annotate.Projects;

namespace Annotate.Export;

/// <summary>One export format: writes its files into the sink; the dataset card is added by <see cref="ExportRunner"/>.</summary>
internal interface IExportFormat
{
    /// <summary>The name used by --format and ?format= (lower case).</summary>
    string Name { get; }

    /// <summary>One line for the command's help and the dataset card.</summary>
    string Description { get; }

    /// <summary>How hard a zip of this format is compressed (Optimal unless the format's files are huge).</summary>
    System.IO.Compression.CompressionLevel Compression => System.IO.Compression.CompressionLevel.Optimal;

    Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken);
}

/// <summary>What a format may ask for: the project, its codebooks, its annotators, its documents (streamed), options.</summary>
internal sealed class ExportContext(ExportReader reader, string projectId, IReadOnlyDictionary<string, CodebookInfo> codebooksByCollection,
    IReadOnlyList<Annotator> annotators, ExportOptions options, IProgress<(int Done, int Total)>? progress)
{
    public string ProjectId { get; } = projectId;

    /// <summary>The codebooks the project's documents follow (usually one), by collection and then version.</summary>
    public IReadOnlyList<CodebookInfo> Codebooks { get; } = codebooksByCollection.Values.DistinctBy(c => (c.Collection, c.Version))
        .OrderBy(c => c.Collection, StringComparer.Ordinal).ThenBy(c => c.Version).ToList();

    /// <summary>The ids of every span layer of those codebooks, in order.</summary>
    public IReadOnlyList<string> SpanLayers => Codebooks.SelectMany(c => c.Codebook.Layers).Where(l => l.Scope == LayerDefinition.SpanScope)
        .Select(l => l.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The codebook a document of this collection follows (null when none applies).</summary>
    public CodebookInfo? CodebookFor(string collection) => codebooksByCollection.GetValueOrDefault(collection);

    /// <summary>Everyone who annotated in the project (the gold layer is not among them), with attributes.</summary>
    public IReadOnlyList<Annotator> Annotators { get; } = annotators;

    public ExportOptions Options { get; } = options;

    /// <summary>
    /// The whole project's agreement report, once a format has computed it (the agreement export): the dataset card
    /// then takes it instead of computing it a second time, which at 10,000 documents costs as much as the export.
    /// </summary>
    public ProjectAgreementReport? ProjectReport { get; set; }

    /// <summary>The project's documents, one at a time, in id order; progress is reported as they are read.</summary>
    public IAsyncEnumerable<ExportDocument> DocumentsAsync(CancellationToken cancellationToken) => reader.DocumentsAsync(ProjectId, Options.Document, progress, cancellationToken);
}

/// <summary>
/// Format options: the codebook layer a layer-at-a-time format (conll) writes (null for every span layer), and
/// whether CSV cells are made safe to open in a spreadsheet (<see cref="CsvFile"/>; on unless raw data is asked for),
/// and one document of the project to export instead of all (null for all).
/// </summary>
public sealed record ExportOptions(string? Layer = null, bool SpreadsheetSafe = true, string? Document = null);
