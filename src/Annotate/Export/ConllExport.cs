using System.Globalization;
using System.Text;
using Annotate.Codebook;
using Annotate.Curation;

namespace Annotate.Export;

/// <summary>
/// `conll`: token-per-line BIO, one span layer at a time (--layer, or every span layer), one file per annotator and
/// one for the gold layer: conll/{layer}/{annotator}.conll with "token TAB start TAB end TAB tag" (UTF-16 offsets),
/// "# document = id" before each document and blank lines at sentence and line breaks. What BIO cannot hold is listed
/// in dropped.tsv and widened.tsv and counted in README.txt, never lost silently.
/// </summary>
internal sealed class ConllExport : IExportFormat
{
    public string Name => "conll";

    public string Description => "token-per-line BIO tags (token, start, end, tag) per span layer, one file per annotator and gold; overlaps listed in dropped.tsv";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        var layers = context.Options.Layer is { } one ? [one]
            : context.Codebooks.SelectMany(c => c.Codebook.Layers).Where(l => l.Scope == LayerDefinition.SpanScope).Select(l => l.Id).Distinct().ToList();
        var buffers = new SortedDictionary<(string Layer, string Annotator), StreamWriter>(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var c and not 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        var dropped = layers.ToDictionary(l => l, _ => new List<ConllDropped>(), StringComparer.Ordinal);
        var widened = layers.ToDictionary(l => l, _ => new List<ConllWidened>(), StringComparer.Ordinal);
        try
        {
            await foreach (var document in context.DocumentsAsync(cancellationToken))
            {
                var people = document.Annotators.Select(a => a.Id).ToList();
                if (document.Gold.Spans.Count + document.Gold.DocumentLabels.Count > 0)
                    people.Add(GoldLayer.AnnotatorId);
                foreach (var layer in layers)
                {
                    foreach (var person in people)
                    {
                        var spans = document.SpansOf(person).Where(s => s.Layer == layer);
                        var tagged = ConllTagger.Tag(document.Id, person, document.Text, spans, dropped[layer], widened[layer]);
                        if (!buffers.TryGetValue((layer, person), out var buffer))
                            buffers[(layer, person)] = buffer = TempWriter();
                        await WriteDocumentAsync(buffer, document, tagged);
                    }
                }
            }

            // Files in a fixed order (layer, then annotator), each copied whole before the next: the sink streams.
            foreach (var ((layer, person), buffer) in buffers)
            {
                await buffer.FlushAsync(cancellationToken);
                buffer.BaseStream.Position = 0;
                await using var output = await sink.CreateAsync($"conll/{layer}/{person}.conll", cancellationToken);
                await buffer.BaseStream.CopyToAsync(output, cancellationToken);
            }

            foreach (var layer in layers)
                await WriteReportsAsync(sink, layer, buffers.Keys.Where(k => k.Layer == layer).Select(k => k.Annotator).ToList(), dropped[layer], widened[layer], cancellationToken);
        }
        finally
        {
            foreach (var buffer in buffers.Values)
                await buffer.DisposeAsync();
        }
    }

    // Every annotator's file is built in a temporary file, so memory stays flat however large the project.
    private static StreamWriter TempWriter() => new(new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
        FileOptions.DeleteOnClose), new UTF8Encoding(false)) { NewLine = "\n" };

    private static async Task WriteDocumentAsync(StreamWriter writer, ExportDocument document, ConllTokens tagged)
    {
        await writer.WriteLineAsync($"# document = {document.Id}");
        for (var i = 0; i < tagged.Tokens.Count; i++)
        {
            var token = tagged.Tokens[i];
            if (tagged.BreakBefore[i])
                await writer.WriteLineAsync();
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{document.Text[token.Start..token.End]}\t{token.Start}\t{token.End}\t{tagged.Tags[i]}"));
        }

        await writer.WriteLineAsync();
    }

    private static async Task WriteReportsAsync(IExportSink sink, string layer, IReadOnlyList<string> files, List<ConllDropped> dropped,
        List<ConllWidened> widened, CancellationToken cancellationToken)
    {
        var tsv = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# {dropped.Count} span(s) of layer '{layer}' could not be written as BIO\n")
            .Append("annotator\tdocument\tspan\tlabel\tstart\tend\tquote\toverlaps\treason\n");
        foreach (var d in dropped)
            tsv.Append(CultureInfo.InvariantCulture, $"{d.Annotator}\t{d.Document}\t{d.SpanId}\t{d.Label}\t{d.Start}\t{d.End}\t{Cell(d.Quote)}\t{d.Overlaps}\t{d.Reason}\n");
        await BratExport.WriteFileAsync(sink, $"conll/{layer}/dropped.tsv", tsv.ToString(), cancellationToken);

        var wide = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# {widened.Count} span(s) of layer '{layer}' widened to whole tokens\n")
            .Append("annotator\tdocument\tspan\tlabel\tstart\tend\ttokenStart\ttokenEnd\tquote\n");
        foreach (var w in widened)
            wide.Append(CultureInfo.InvariantCulture, $"{w.Annotator}\t{w.Document}\t{w.SpanId}\t{w.Label}\t{w.Start}\t{w.End}\t{w.TokenStart}\t{w.TokenEnd}\t{Cell(w.Quote)}\n");
        await BratExport.WriteFileAsync(sink, $"conll/{layer}/widened.tsv", wide.ToString(), cancellationToken);

        var readme = string.Create(CultureInfo.InvariantCulture, $"""
            Layer '{layer}' as BIO tags: one file per annotator ({string.Join(", ", files.Select(f => f + ".conll"))}).
            Columns: token, start, end (UTF-16 offsets into the document text), tag. "# document = ID" starts each document.
            Overlaps: earliest start kept, then the longest; {dropped.Count} span(s) dropped (dropped.tsv), {widened.Count} span(s) widened to whole tokens (widened.tsv).

            """);
        await BratExport.WriteFileAsync(sink, $"conll/{layer}/README.txt", readme, cancellationToken);
    }

    private static string Cell(string text) => BratNames.Note(text);
}
