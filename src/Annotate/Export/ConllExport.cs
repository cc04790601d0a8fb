using System.Globalization;
using System.IO.Compression;
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

    // BIO repeats every token for every annotator and layer: gigabytes on a large project, where the fastest
    // compression halves the time for archives about half again as large.
    public CompressionLevel Compression => CompressionLevel.Fastest;

    public string Description => "token-per-line BIO tags (token, start, end, tag) per span layer, one file per annotator and gold; overlaps listed in dropped.tsv";

    public async Task WriteAsync(ExportContext context, IExportSink sink, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> layers = context.Options.Layer is { } one ? [one] : context.SpanLayers;
        var buffers = new SortedDictionary<(string Layer, string Annotator), StreamWriter>(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var c and not 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        var dropped = layers.ToDictionary(l => l, _ => new ConllReport(), StringComparer.Ordinal);
        var widened = layers.ToDictionary(l => l, _ => new ConllReport(), StringComparer.Ordinal);
        try
        {
            var (droppedHere, widenedHere, lines) = (new List<ConllDropped>(), new List<ConllWidened>(), new StringBuilder());
            await foreach (var document in context.DocumentsAsync(cancellationToken))
            {
                var people = document.Annotators.Select(a => a.Id).ToList();
                if (document.Gold.Spans.Count + document.Gold.DocumentLabels.Count > 0)
                    people.Add(GoldLayer.AnnotatorId);
                var tokens = Agreement.Spans.TextTokenizer.Tokenize(document.Id, document.Text);
                var breakable = ConllTagger.Breakable(document.Text, tokens);
                foreach (var layer in layers)
                {
                    foreach (var person in people)
                    {
                        var spans = document.SpansOf(person).Where(s => s.Layer == layer);
                        var tagged = ConllTagger.Tag(document.Id, person, document.Text, tokens, spans, droppedHere, widenedHere, breakable);
                        foreach (var d in droppedHere)
                            dropped[layer].Add(string.Create(CultureInfo.InvariantCulture, $"{d.Annotator}\t{d.Document}\t{d.SpanId}\t{d.Label}\t{d.Start}\t{d.End}\t{Cell(d.Quote)}\t{d.Overlaps}\t{d.Reason}"));
                        foreach (var w in widenedHere)
                            widened[layer].Add(string.Create(CultureInfo.InvariantCulture, $"{w.Annotator}\t{w.Document}\t{w.SpanId}\t{w.Label}\t{w.Start}\t{w.End}\t{w.TokenStart}\t{w.TokenEnd}\t{Cell(w.Quote)}"));
                        droppedHere.Clear();
                        widenedHere.Clear();
                        if (!buffers.TryGetValue((layer, person), out var buffer))
                            buffers[(layer, person)] = buffer = TempWriter();
                        await WriteDocumentAsync(buffer, document, tagged, lines);
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
            foreach (var report in dropped.Values.Concat(widened.Values))
                await report.DisposeAsync();
        }
    }

    // Every annotator's file is built in a temporary file, so memory stays flat however large the project.
    private static StreamWriter TempWriter() => new(new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
        FileOptions.DeleteOnClose), new UTF8Encoding(false))
    { NewLine = "\n" };

    // One document at a time into the export's own builder, then one write: a million tokens' lines without an
    // async call each.
    private static async Task WriteDocumentAsync(StreamWriter writer, ExportDocument document, ConllTokens tagged, StringBuilder lines)
    {
        var text = lines.Clear().Append("# document = ").Append(document.Id).Append('\n');
        for (var i = 0; i < tagged.Tokens.Count; i++)
        {
            var token = tagged.Tokens[i];
            if (tagged.BreakBefore[i])
                text.Append('\n');
            text.Append(document.Text.AsSpan(token.Start, token.End - token.Start)).Append('\t').Append(token.Start).Append('\t')
                .Append(token.End).Append('\t').Append(tagged.Tags[i]).Append('\n');
        }

        text.Append('\n');
        foreach (var chunk in text.GetChunks())
            await writer.WriteAsync(chunk);
    }

    private static async Task WriteReportsAsync(IExportSink sink, string layer, IReadOnlyList<string> files, ConllReport dropped,
        ConllReport widened, CancellationToken cancellationToken)
    {
        await dropped.WriteToAsync(sink, $"conll/{layer}/dropped.tsv", count => $"# {count} span(s) of layer '{layer}' could not be written as BIO",
            "annotator\tdocument\tspan\tlabel\tstart\tend\tquote\toverlaps\treason", cancellationToken);
        await widened.WriteToAsync(sink, $"conll/{layer}/widened.tsv", count => $"# {count} span(s) of layer '{layer}' widened to whole tokens",
            "annotator\tdocument\tspan\tlabel\tstart\tend\ttokenStart\ttokenEnd\tquote", cancellationToken);

        var readme = string.Create(CultureInfo.InvariantCulture, $"""
            Layer '{layer}' as BIO tags: one file per annotator ({string.Join(", ", files.Select(f => f + ".conll"))}).
            Columns: token, start, end (UTF-16 offsets into the document text), tag. "# document = ID" starts each document.
            Overlaps: earliest start kept, then the longest; {dropped.Count} span(s) dropped (dropped.tsv), {widened.Count} span(s) widened to whole tokens (widened.tsv).

            """);
        await BratExport.WriteFileAsync(sink, $"conll/{layer}/README.txt", readme, cancellationToken);
    }

    private static string Cell(string text) => BratNames.Note(text);
}
