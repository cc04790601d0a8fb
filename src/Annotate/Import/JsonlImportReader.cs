using System.Text.Json;
using Annotate.Annotations;
using Annotate.Curation;
using Annotate.Export;
using Annotate.Relations;

namespace Annotate.Import;

/// <summary>
/// Reads a jsonl export: the .jsonl file itself, or the export folder or .zip holding it. Every line must be a
/// document as <see cref="JsonlExport"/> writes it; a line that is not is bad input, named by its number.
/// </summary>
internal static class JsonlImportReader
{
    public static async Task<ImportBatch> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var (items, problems) = (new List<ImportItem>(), new List<ImportProblem>());
        if (File.Exists(path) && path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = File.OpenRead(path);
            await ReadLinesAsync(Path.GetFileName(path), stream, items, problems, cancellationToken);
            return new ImportBatch(items, problems);
        }

        using var files = ImportFiles.Open(path);
        var jsonl = files.Paths.Where(p => p.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).ToList();
        if (jsonl.Count == 0)
            throw new ImportFormatException($"'{path}' holds no .jsonl file.");
        foreach (var file in jsonl)
        {
            await using var stream = files.OpenRead(file);
            await ReadLinesAsync(file, stream, items, problems, cancellationToken);
        }

        return new ImportBatch(items, problems);
    }

    private static async Task ReadLinesAsync(string file, Stream stream, List<ImportItem> items, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            ExportDocument? document;
            try
            {
                document = JsonSerializer.Deserialize<ExportDocument>(line, JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                throw new ImportFormatException($"{file}:{number}: not a document line of a jsonl export ({e.Message})");
            }

            if (document is not { Id: not null, Spans: not null, DocumentLabels: not null })
                throw new ImportFormatException($"{file}:{number}: not a document line of a jsonl export (it needs \"id\", \"spans\" and \"documentLabels\").");
            Add(document, $"{file}:{number}", items, problems);
        }
    }

    private static void Add(ExportDocument d, string source, List<ImportItem> items, List<ImportProblem> problems)
    {
        var names = (d.Annotators ?? []).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        string Name(string id) => names.GetValueOrDefault(id) ?? id;
        foreach (var s in d.Spans)
        {
            items.Add(new ImportItem(source, d.Id, null, s.Annotator, Name(s.Annotator), Annotation.SpanKind, s.Id, s.Layer, s.Label, s.Start, s.End, s.Quote,
                Attributes(s.Attributes), Actor(s.Attribution), s.Note, null));
            AddSaidBy(items, source, d.Id, s.Annotator, Name(s.Annotator), s.Id, s.Attribution);
        }

        foreach (var l in d.DocumentLabels)
            items.Add(new ImportItem(source, d.Id, null, l.Annotator, Name(l.Annotator), Annotation.DocumentKind, l.Id, l.Layer, l.Label, null, null, null,
                Attributes(l.Attributes), null, l.Note, null));
        foreach (var g in d.Gold?.Spans ?? [])
        {
            items.Add(new ImportItem(source, d.Id, null, GoldLayer.AnnotatorId, GoldLayer.Name, Annotation.SpanKind, g.Id, g.Layer, g.Label, g.Start, g.End, g.Quote,
                Attributes(g.Attributes), Actor(g.Attribution), g.Note, Provenance(g.Provenance)));
            AddSaidBy(items, source, d.Id, GoldLayer.AnnotatorId, GoldLayer.Name, g.Id, g.Attribution);
        }

        foreach (var g in d.Gold?.DocumentLabels ?? [])
            items.Add(new ImportItem(source, d.Id, null, GoldLayer.AnnotatorId, GoldLayer.Name, Annotation.DocumentKind, g.Id, g.Layer, g.Label, null, null, null,
                Attributes(g.Attributes), null, g.Note, Provenance(g.Provenance)));

        foreach (var r in (d.Relations ?? []).Concat(d.Gold?.Relations ?? []))
            items.Add(ImportItem.Relation(source, d.Id, null, r.Annotator, GoldLayer.Is(r.Annotator) ? GoldLayer.Name : Name(r.Annotator), r.Id, r.Type, r.Source, r.Target,
                Attributes(r.Attributes), r.Note));

        // An orphan lost its place when the text changed: there are no offsets to import it at.
        foreach (var o in d.Orphans ?? [])
            problems.Add(new ImportProblem(source, d.Id, ImportProblem.Orphan, $"span {o.Id} ({o.Layer}/{o.Label}) of {Name(o.Annotator)} has no place in the current text."));
    }

    private static Dictionary<string, JsonElement> Attributes(JsonElement attributes) => attributes.ValueKind == JsonValueKind.Object
        ? attributes.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
        : [];

    private static AttributionRequest? Actor(JsonElement? attribution) => attribution is { ValueKind: JsonValueKind.Object } a && Text(a, "actor") is { } actor
        ? new AttributionRequest(actor)
        : null;

    /// <summary>An export made before schema step 0022 may attribute a span to another span: that link is a said-by relation now.</summary>
    private static void AddSaidBy(List<ImportItem> items, string source, string document, string annotator, string name, string spanId, JsonElement? attribution)
    {
        if (attribution is { ValueKind: JsonValueKind.Object } a && Text(a, "span") is { } target)
            items.Add(ImportItem.Relation(source, document, null, annotator, name, SaidBy.RelationIdOf(spanId), SaidBy.Type, spanId, target, [], null));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Provenance(Provenance? provenance) => provenance is null ? null : JsonSerializer.Serialize(provenance, JsonSerializerOptions.Web);
}
