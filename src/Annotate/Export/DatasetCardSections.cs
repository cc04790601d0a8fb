using System.Globalization;
using System.Text;
using Annotate.Codebook;
using Annotate.Curation;
using Annotate.Projects;

namespace Annotate.Export;

/// <summary>The dataset card's tables: corpus, codebooks, annotators and counts per label (Markdown).</summary>
internal static class DatasetCardSections
{
    public static void Corpus(StringBuilder card, DatasetCardFacts facts)
    {
        card.Append("## Corpus\n\n| collection | documents | characters |\n|---|---:|---:|\n");
        foreach (var row in facts.Collections)
            card.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Collection.Length == 0 ? "(corpus root)" : row.Collection)} | {row.Documents} | {row.Characters} |\n");
        card.Append(CultureInfo.InvariantCulture, $"| **total** | {facts.Collections.Sum(c => c.Documents)} | {facts.Collections.Sum(c => c.Characters)} |\n\n");
        card.Append("Characters are Unicode code points of each document's current text.\n");
        card.Append(CultureInfo.InvariantCulture, $"Documents with a gold layer: {facts.DocumentsWithGold}.\n\n");
    }

    public static void Codebooks(StringBuilder card, IReadOnlyList<CodebookInfo> codebooks)
    {
        card.Append("## Codebook\n\n");
        foreach (var codebook in codebooks)
        {
            card.Append(CultureInfo.InvariantCulture, $"- {Cell(codebook.Collection.Length == 0 ? "(corpus root)" : codebook.Collection)}: {Cell(codebook.Codebook.Name)}");
            card.Append(CultureInfo.InvariantCulture, $", version {codebook.Codebook.Version ?? "(none)"} (stored version {codebook.Version}, sha256 {codebook.ContentHash})\n");
            foreach (var layer in codebook.Codebook.Layers)
            {
                card.Append(CultureInfo.InvariantCulture, $"  - layer `{layer.Id}` {Cell(layer.Name)} ({layer.Scope}): ");
                card.Append(string.Join(", ", layer.Labels.Select(l => $"`{l.Id}` {Cell(l.Name)}"))).Append('\n');
            }
        }

        card.Append('\n');
    }

    public static void Annotators(StringBuilder card, IReadOnlyList<Annotator> annotators, DatasetCardFacts facts)
    {
        var counts = facts.Labels.GroupBy(l => l.AnnotatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Count), StringComparer.Ordinal);
        card.Append("## Annotators\n\n| id | name | attributes | annotations |\n|---|---|---|---:|\n");
        foreach (var annotator in annotators)
        {
            var attributes = string.Join("; ", annotator.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"));
            card.Append(CultureInfo.InvariantCulture, $"| {Cell(annotator.Id)} | {Cell(annotator.Name)} | {Cell(attributes)} | {counts.GetValueOrDefault(annotator.Id)} |\n");
        }

        card.Append(CultureInfo.InvariantCulture, $"| {GoldLayer.AnnotatorId} | {GoldLayer.Name} (curated) | | {counts.GetValueOrDefault(GoldLayer.AnnotatorId)} |\n\n");
    }

    public static void Labels(StringBuilder card, DatasetCardFacts facts, IReadOnlyList<Annotator> annotators)
    {
        card.Append("## Counts per label\n\nCurrent annotations per layer and label: all annotators together, and the gold layer.\n\n");
        card.Append("| layer | label | kind | annotators | gold |\n|---|---|---|---:|---:|\n");
        foreach (var label in facts.Labels.GroupBy(l => (l.Layer, l.Label, l.Kind)))
        {
            var gold = label.Where(l => GoldLayer.Is(l.AnnotatorId)).Sum(l => l.Count);
            card.Append(CultureInfo.InvariantCulture, $"| {Cell(label.Key.Layer)} | {Cell(label.Key.Label)} | {label.Key.Kind} | {label.Sum(l => l.Count) - gold} | {gold} |\n");
        }

        var names = annotators.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        card.Append("\n### Per annotator\n\n| annotator | layer | label | count |\n|---|---|---|---:|\n");
        foreach (var row in facts.Labels.Where(l => !GoldLayer.Is(l.AnnotatorId))
            .OrderBy(l => names.GetValueOrDefault(l.AnnotatorId, l.AnnotatorId), StringComparer.Ordinal).ThenBy(l => l.AnnotatorId, StringComparer.Ordinal)
            .ThenBy(l => l.Layer, StringComparer.Ordinal).ThenBy(l => l.Label, StringComparer.Ordinal))
        {
            card.Append(CultureInfo.InvariantCulture, $"| {Cell(names.GetValueOrDefault(row.AnnotatorId, row.AnnotatorId))} | {Cell(row.Layer)} | {Cell(row.Label)} | {row.Count} |\n");
        }

        card.Append('\n');
    }

    /// <summary>Text in a Markdown table cell: a '|' would end the cell, a line break the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
