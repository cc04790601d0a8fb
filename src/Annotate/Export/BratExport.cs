using System.Text;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>
/// `brat`: brat standoff, one folder per annotator and one for the gold layer:
/// brat/{annotator}/{document path without extension}.txt + .ann, with annotation.conf, visual.conf and
/// annotators.tsv (id, name) at brat/. The .txt is the text exactly as offsets count it; offsets are code points.
/// </summary>
internal sealed class BratExport : IExportFormat
{
    public const string Root = "brat";
    public const string AnnotatorsFile = "annotators.tsv";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Name => "brat";

    public string Description => "brat standoff: per annotator and gold folders of .txt + .ann (code-point offsets), annotation.conf and visual.conf";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        await WriteFileAsync(sink, $"{Root}/annotation.conf", BratConf.Annotation(context.Codebooks), cancellationToken);
        await WriteFileAsync(sink, $"{Root}/visual.conf", BratConf.Visual(context.Codebooks), cancellationToken);
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var document in context.DocumentsAsync(cancellationToken))
        {
            var baseName = WithoutExtension(document.Path);
            foreach (var annotator in document.Annotators)
            {
                names[annotator.Id] = annotator.Name;
                var spans = document.Spans.Where(s => s.Annotator == annotator.Id).ToList();
                var labels = document.DocumentLabels.Where(l => l.Annotator == annotator.Id).ToList();
                await WriteDocumentAsync(sink, $"{Root}/{annotator.Id}/{baseName}", document, spans, labels, new Dictionary<string, Provenance?>(), document.RelationsOf(annotator.Id), cancellationToken);
            }

            if (document.Gold.Spans.Count + document.Gold.DocumentLabels.Count > 0)
            {
                names[GoldLayer.AnnotatorId] = GoldLayer.Name;
                var labels = document.Gold.DocumentLabels.Select(l => new ExportLabel(l.Id, GoldLayer.AnnotatorId, l.Layer, l.Label, l.Attributes, l.Note)).ToList();
                var provenance = document.Gold.Spans.Select(s => (s.Id, s.Provenance)).Concat(document.Gold.DocumentLabels.Select(l => (l.Id, l.Provenance)))
                    .ToDictionary(p => p.Id, p => p.Provenance, StringComparer.Ordinal);
                await WriteDocumentAsync(sink, $"{Root}/{GoldLayer.AnnotatorId}/{baseName}", document, document.GoldAsSpans().ToList(), labels, provenance,
                    document.RelationsOf(GoldLayer.AnnotatorId), cancellationToken);
            }
        }

        await WriteFileAsync(sink, $"{Root}/{AnnotatorsFile}", string.Concat(names.Select(n => $"{n.Key}\t{BratNames.Note(n.Value)}\n")), cancellationToken);
    }

    /// <summary>The document's corpus path without its extension (.md, .txt): the name of its .txt and .ann.</summary>
    public static string WithoutExtension(string path) =>
        Path.GetExtension(path) is { Length: > 0 } extension ? path[..^extension.Length] : path;

    private static async Task WriteDocumentAsync(IExportSink sink, string baseName, ExportDocument document, IReadOnlyList<ExportSpan> spans,
        IReadOnlyList<ExportLabel> labels, IReadOnlyDictionary<string, Provenance?> provenance, IEnumerable<ExportRelation> relations, CancellationToken cancellationToken)
    {
        await WriteFileAsync(sink, baseName + ".txt", document.Text, cancellationToken);
        await WriteFileAsync(sink, baseName + ".ann", BratAnn.Write(document, spans, labels, provenance, relations), cancellationToken);
    }

    internal static async Task WriteFileAsync(IExportSink sink, string path, string content, CancellationToken cancellationToken)
    {
        await using var stream = await sink.CreateAsync(path, cancellationToken);
        await stream.WriteAsync(Utf8.GetBytes(content), cancellationToken);
    }
}
