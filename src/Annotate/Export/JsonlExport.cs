using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Annotate.Annotations;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Projects;
using Dapper;

namespace Annotate.Export;

/// <summary>A person who annotated a document, with their perspective attributes.</summary>
public sealed record ExportAnnotator(string Id, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A span as exported: UTF-16 offsets into the document's text (the version the line carries).</summary>
public sealed record ExportSpan(string Id, string Annotator, string Layer, string Label, int Start, int End, string? Quote,
    JsonElement Attributes, JsonElement? Attribution, string? Note);

/// <summary>A document label as exported.</summary>
public sealed record ExportLabel(string Id, string Annotator, string Layer, string Label, JsonElement Attributes, string? Note);

/// <summary>A span whose text changed under it and whose quote was not found again: kept, never dropped silently.</summary>
public sealed record ExportOrphan(string Id, string Annotator, string Layer, string Label, int DocumentVersion, string? Quote);

/// <summary>
/// A soft label: for one stretch someone marked in a layer, how the document's annotators labelled exactly that
/// stretch — each annotator's vote split over their labels there, "none" for those who did not mark it.
/// </summary>
public sealed record SoftLabel(string Layer, int Start, int End, int Annotators, IReadOnlyDictionary<string, double> Distribution);

/// <summary>One line of the JSONL export: a document with every annotator's perspective.</summary>
public sealed record ExportDocument(
    string Id, string ProjectId, string Collection, string Path, string Title, int Version, JsonElement Metadata,
    string Offsets, string Text, IReadOnlyList<ExportAnnotator> Annotators, IReadOnlyList<ExportSpan> Spans,
    IReadOnlyList<ExportLabel> DocumentLabels, IReadOnlyList<SoftLabel> SoftLabels, IReadOnlyList<ExportOrphan> Orphans);

/// <summary>
/// `jsonl` export: one line per document of the project, in id order, streamed document by document (constant
/// memory), deterministic (same data, same bytes): fixed property order, sorted collections, no export time.
/// Offsets are UTF-16 code units, as everywhere in Annotate (say so in "offsets").
/// </summary>
internal sealed class JsonlExport(Db db, DocumentStore documents, AnnotationStore annotations, AnnotatorStore annotators)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the project's documents; reports progress as (done, total).</summary>
    public async Task<int> WriteAsync(string projectId, Stream output, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        List<string> ids;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            ids = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT Id FROM Documents WHERE ProjectId = @ProjectId AND IsMissing = 0 ORDER BY Id;", new { ProjectId = projectId }, cancellationToken: cancellationToken))).AsList();
        }

        var people = (await annotators.ListAsync(projectId, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var newline = Encoding.UTF8.GetBytes("\n");
        for (var i = 0; i < ids.Count; i++)
        {
            if (await LineAsync(ids[i], people, cancellationToken) is { } line)
            {
                await JsonSerializer.SerializeAsync(output, line, Json, cancellationToken);
                await output.WriteAsync(newline, cancellationToken);
            }

            progress?.Report((i + 1, ids.Count));
        }

        await output.FlushAsync(cancellationToken);
        return ids.Count;
    }

    private async Task<ExportDocument?> LineAsync(string id, IReadOnlyDictionary<string, Annotator> people, CancellationToken ct)
    {
        if (await documents.GetAsync(id, null, ct) is not var (document, version))
        {
            return null;
        }

        var spans = await annotations.ListAsync(id, Annotation.SpanKind, null, null, ct);
        var labels = await annotations.ListAsync(id, Annotation.DocumentKind, null, null, ct);
        var current = spans.Where(s => s.IsOrphan == 0 && s.DocumentVersion == version.Version && s.StartOffset is not null && s.EndOffset is not null)
            .OrderBy(s => s.StartOffset).ThenBy(s => s.EndOffset).ThenBy(s => s.Layer, StringComparer.Ordinal).ThenBy(s => s.AnnotatorId, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ExportSpan(s.Id, s.AnnotatorId, s.Layer, s.Label, (int)s.StartOffset!.Value, (int)s.EndOffset!.Value, s.Quote,
                JsonElement.Parse(s.AttributesJson), s.AttributionJson is null ? null : JsonElement.Parse(s.AttributionJson), s.Note))
            .ToList();
        var orphans = spans.Where(s => s.IsOrphan != 0 || s.DocumentVersion != version.Version)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ExportOrphan(s.Id, s.AnnotatorId, s.Layer, s.Label, (int)s.DocumentVersion, s.Quote)).ToList();
        var documentLabels = labels.OrderBy(l => l.Layer, StringComparer.Ordinal).ThenBy(l => l.AnnotatorId, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)
            .Select(l => new ExportLabel(l.Id, l.AnnotatorId, l.Layer, l.Label, JsonElement.Parse(l.AttributesJson), l.Note)).ToList();
        var annotatorIds = spans.Select(s => s.AnnotatorId).Concat(labels.Select(l => l.AnnotatorId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var names = spans.Concat(labels).GroupBy(a => a.AnnotatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().AnnotatorName, StringComparer.Ordinal);
        var empty = new Dictionary<string, string>(StringComparer.Ordinal);
        return new ExportDocument(document.Id, document.ProjectId, document.Collection, document.Path, document.Title, (int)version.Version,
            JsonElement.Parse(document.MetadataJson), "utf16", version.Text,
            annotatorIds.Select(a => new ExportAnnotator(a, names[a], new SortedDictionary<string, string>((people.GetValueOrDefault(a)?.Attributes ?? empty).ToDictionary(), StringComparer.Ordinal))).ToList(),
            current, documentLabels, SoftLabels(current, annotatorIds), orphans);
    }

    /// <summary>Per stretch (layer, start, end) someone marked: each annotator's vote, split over their labels there, or "none".</summary>
    internal static List<SoftLabel> SoftLabels(IReadOnlyList<ExportSpan> spans, IReadOnlyList<string> annotators)
    {
        var result = new List<SoftLabel>();
        foreach (var stretch in spans.GroupBy(s => (s.Layer, s.Start, s.End)).OrderBy(g => g.Key.Start).ThenBy(g => g.Key.End).ThenBy(g => g.Key.Layer, StringComparer.Ordinal))
        {
            var votes = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var annotator in annotators)
            {
                var theirs = stretch.Where(s => s.Annotator == annotator).Select(s => s.Label).Distinct(StringComparer.Ordinal).ToList();
                foreach (var label in theirs.Count == 0 ? ["none"] : theirs)
                    votes[label] = votes.GetValueOrDefault(label) + (1.0 / Math.Max(1, theirs.Count) / annotators.Count);
            }

            result.Add(new SoftLabel(stretch.Key.Layer, stretch.Key.Start, stretch.Key.End, annotators.Count, votes));
        }

        return result;
    }
}
