using System.Text.Json;
using System.Text.Json.Serialization;

namespace Annotate.Export;

/// <summary>
/// `jsonl`: one line per document of the project with every annotator's perspective, soft labels, orphans and the
/// gold layer. Fixed property order, sorted collections, no export time: the same data gives the same bytes.
/// Offsets are UTF-16 code units, as everywhere in Annotate (each line says so in "offsets").
/// </summary>
internal sealed class JsonlExport : IExportFormat
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "jsonl";

    public string Description => "one JSON line per document: text, every annotator's spans, labels and attributes, soft labels, the gold layer (UTF-16 offsets)";

    public static string FileName(string projectId) => $"{projectId}.jsonl";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        await using var output = await sink.CreateAsync(FileName(context.ProjectId), cancellationToken);
        await WriteLinesAsync(context, output, cancellationToken);
    }

    public static async Task WriteLinesAsync(ExportContext context, Stream output, CancellationToken cancellationToken)
    {
        var newline = "\n"u8.ToArray();
        await foreach (var document in context.DocumentsAsync(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(output, document, Json, cancellationToken);
            await output.WriteAsync(newline, cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }
}
