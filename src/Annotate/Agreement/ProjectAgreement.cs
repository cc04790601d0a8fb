using Annotate.Agreement.Spans;
using Annotate.Annotations;
using Annotate.Codebook;

namespace Annotate.Agreement;

/// <summary>What to compute beyond the figures every report has.</summary>
/// <param name="GroupBy">An annotator attribute to form perspective groups by, or null.</param>
/// <param name="Bootstrap">Bootstrap samples for 95% intervals of alpha, or null for none.</param>
public sealed record AgreementOptions(string? GroupBy = null, int? Bootstrap = null)
{
    /// <summary>Pairwise tables are listed up to this many annotators (a class of 200 has 19,900 pairs).</summary>
    public const int MaxListedAnnotators = 50;
}

/// <summary>
/// Computes a project's agreement report from a snapshot: per span layer (unitizing alpha, span F1, token alpha,
/// per label, per pair, coincidences), per document-label layer (the coding report of `annotate agreement`, units
/// being documents), per document, and per perspective group. Pure: no I/O, so the CLI and the app share it.
/// </summary>
internal static class ProjectAgreement
{
    public static ProjectAgreementReport Compute(AgreementSnapshot snapshot, string? documentId, long revision, AgreementOptions options)
    {
        var notes = new List<string>();
        if (snapshot.LeftOut > 0)
        {
            notes.Add($"{snapshot.LeftOut} annotation(s) on an older text version are left out until they are moved onto the current text.");
        }

        var documents = snapshot.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var codersByDocument = snapshot.Annotations.GroupBy(a => a.DocumentId, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => (IReadOnlyCollection<string>)g.Select(a => a.AnnotatorId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var layers = new List<LayerFigures>();
        foreach (var layer in snapshot.Annotations.GroupBy(a => (a.Kind, a.Layer)).OrderBy(g => g.Key.Kind == Annotation.SpanKind ? 0 : 1).ThenBy(g => g.Key.Layer, StringComparer.Ordinal))
        {
            var definition = LayerDefinitionOf(snapshot.Documents, layer.Key.Layer);
            var name = definition?.Name ?? layer.Key.Layer;
            var layerNotes = new List<string>();
            layers.Add(layer.Key.Kind == Annotation.SpanKind
                ? new LayerFigures(layer.Key.Layer, name, LayerDefinition.SpanScope, SpanLayer(layer.ToList(), definition, documents, codersByDocument, options, layerNotes), null)
                : new LayerFigures(layer.Key.Layer, name, LayerDefinition.DocumentScope, null, DocumentLayer(layer.ToList(), options)));
            notes.AddRange(layerNotes.Select(n => $"{name}: {n}"));
        }

        var everySpan = SpanDataOf(snapshot.Annotations.Where(a => a.Kind == Annotation.SpanKind), documents, codersByDocument, labelOfLayer: true);
        var spansByDocument = everySpan.Spans.GroupBy(s => s.Document, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var perDocument = snapshot.Documents.Select(d => DocumentRow(d, spansByDocument.GetValueOrDefault(d.Id) ?? [], everySpan.CodersByDocument)).ToList();
        var groups = options.GroupBy is { } attribute
            ? Groups(attribute, snapshot, TokenRatings.Build(everySpan.Spans, everySpan.Tokens!, everySpan.CodersByDocument), notes)
            : null;
        return new ProjectAgreementReport(snapshot.ProjectId, documentId, revision, snapshot.Visibility, snapshot.Annotators, perDocument, layers, groups, notes);
    }

    private static SpanLayerFigures SpanLayer(List<AgreementAnnotation> annotations, LayerDefinition? definition, Dictionary<string, AgreementDocument> documents,
        Dictionary<string, IReadOnlyCollection<string>> codersByDocument, AgreementOptions options, List<string> notes)
    {
        var data = SpanDataOf(annotations, documents, codersByDocument, labelOfLayer: false);
        var (alphaU, alphaUByLabel) = SpanFigures.UnitizingAlpha(data, notes);
        var ratings = TokenRatings.Build(data.Spans, data.Tokens!, data.CodersByDocument);
        var tokenAlpha = ratings.Alpha();
        double[]? interval = null;
        if (options.Bootstrap is { } samples && tokenAlpha.Alpha.IsDefined
            && CodingAgreement.KrippendorffAlphaBootstrap(ratings.Table(), MeasurementLevel.Nominal, samples) is { } ci)
        {
            interval = [ci.Low, ci.High];
        }

        var used = data.Spans.Select(s => s.Label).Distinct(StringComparer.Ordinal);
        var labels = (definition?.Labels.Select(l => l.Id) ?? []).Concat(used).Distinct(StringComparer.Ordinal).ToList();
        var byLabel = labels.Select(label =>
        {
            var spans = data.Spans.Count(s => s.Label == label);
            var labelDefinition = definition?.Labels.FirstOrDefault(l => l.Id == label);
            return new LabelFigures(label, labelDefinition?.Name ?? label, labelDefinition?.Color, spans,
                alphaUByLabel.GetValueOrDefault(label),
                spans == 0 ? null : SpanFigures.Value(ratings.ForLabel(label).Alpha().Alpha, $"tokenAlpha of '{label}'", null),
                spans == 0 ? null : SpanFigures.Value(SpanAgreement.PairwiseF1(data.Spans, SpanMatching.Exact, label, data.CodersByDocument).F1, "", null),
                spans == 0 ? null : SpanFigures.Value(SpanAgreement.PairwiseF1(data.Spans, SpanMatching.Overlap, label, data.CodersByDocument).F1, "", null));
        }).ToList();

        List<PairFigures>? pairs = null;
        if (data.Coders.Count <= AgreementOptions.MaxListedAnnotators)
        {
            pairs = [.. Pairs(data.Coders).Select(p => Pair(data, ratings, p.A, p.B))];
        }
        else
        {
            notes.Add($"{data.Coders.Count} annotators: pairwise figures are listed up to {AgreementOptions.MaxListedAnnotators}; use perspective groups instead.");
        }

        return new SpanLayerFigures(alphaU, alphaUByLabel,
            SpanFigures.Value(SpanAgreement.PairwiseF1(data.Spans, SpanMatching.Exact, null, data.CodersByDocument).F1, "spanF1Exact", notes),
            SpanFigures.Value(SpanAgreement.PairwiseF1(data.Spans, SpanMatching.Overlap, null, data.CodersByDocument).F1, "spanF1Overlap", notes),
            SpanFigures.Value(tokenAlpha.Alpha, "tokenAlpha", notes), interval,
            SpanAgreement.Disagreements(data.Spans, data.CodersByDocument), byLabel, pairs, MatrixFigures.From(tokenAlpha.Coincidences));
    }

    private static PairFigures Pair(SpanData data, TokenRatings ratings, string a, string b)
    {
        // Only the documents both annotated: elsewhere the pair has nothing to agree or disagree on.
        var both = data.CodersByDocument.Where(d => d.Value.Contains(a) && d.Value.Contains(b))
            .ToDictionary(d => d.Key, d => (IReadOnlyCollection<string>)[a, b], StringComparer.Ordinal);
        var pairData = new SpanData(data.Spans.Where(s => both.ContainsKey(s.Document) && (s.Coder == a || s.Coder == b)).ToList(),
            data.Continua.Where(c => both.ContainsKey(c.Document)).ToList(), both, null);
        return new PairFigures(a, b,
            SpanFigures.Value(ratings.PairAlpha(a, b), "", null),
            SpanFigures.Value(SpanAgreement.PairwiseF1(pairData.Spans, SpanMatching.Overlap, null, both).F1, "", null),
            both.Count == 0 ? null : SpanFigures.UnitizingAlpha(pairData, []).Overall);
    }

    private static AgreementReport DocumentLayer(List<AgreementAnnotation> annotations, AgreementOptions options)
    {
        // Units are documents, coders the annotators; several labels of one person on one document form one value.
        // Someone who annotated the document but gave no label in this layer has no rating (missing), not "none".
        var rows = annotations.GroupBy(a => (a.DocumentId, a.AnnotatorId))
            .OrderBy(g => g.Key.DocumentId, StringComparer.Ordinal).ThenBy(g => g.Key.AnnotatorId, StringComparer.Ordinal)
            .Select(g => new RatingRow(0, g.Key.DocumentId, g.Key.AnnotatorId, string.Join('+', g.Select(a => a.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
            .ToList();
        return AgreementReport.For(rows, MeasurementLevel.Nominal, null, options.Bootstrap, withCoincidences: true);
    }

    private static DocumentFigures DocumentRow(AgreementDocument document, List<LabelledSpan> spans, IReadOnlyDictionary<string, IReadOnlyCollection<string>> codersByDocument)
    {
        var coders = codersByDocument.GetValueOrDefault(document.Id) ?? [];
        var only = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { [document.Id] = coders };
        var data = new SpanData(spans, [new Continuum(document.Id, 0, document.Text.Length)], only, document.Tokens);
        return new DocumentFigures(document.Id, document.Title, coders.Count, spans.Count,
            spans.Count == 0 ? null : SpanFigures.UnitizingAlpha(data, []).Overall,
            spans.Count == 0 ? null : SpanFigures.Value(TokenRatings.Build(spans, document.Tokens, only).Alpha().Alpha, "", null),
            spans.Count == 0 ? null : SpanFigures.Value(SpanAgreement.PairwiseF1(spans, SpanMatching.Overlap, null, only).F1, "", null));
    }

    private static GroupFigures Groups(string attribute, AgreementSnapshot snapshot, TokenRatings ratings, List<string> notes)
    {
        var annotators = snapshot.Annotators.Where(a => ratings.Coders.Contains(a.Id)).ToList();
        var grouped = annotators.Where(a => a.Attributes.ContainsKey(attribute))
            .GroupBy(a => a.Attributes[attribute], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Members: g.Select(a => a.Id).ToList())).ToList();
        var pairAlpha = new Dictionary<(string, string), double?>();
        double? Alpha(string a, string b)
        {
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (!pairAlpha.TryGetValue(key, out var value))
                pairAlpha[key] = value = SpanFigures.Value(ratings.PairAlpha(key.Item1, key.Item2), "", null);
            return value;
        }

        static double? Mean(IEnumerable<double?> values) => values.Where(v => v.HasValue).Select(v => v!.Value).ToList() is { Count: > 0 } defined ? defined.Average() : null;
        var within = grouped.Select(g => new GroupWithin(g.Value, g.Members,
            g.Members.Count < 2 ? null : SpanFigures.Value(ratings.Alpha(g.Members).Alpha, "", null),
            Mean(Pairs(g.Members).Select(p => Alpha(p.A, p.B))))).ToList();
        var between = new List<GroupBetween>();
        for (var i = 0; i < grouped.Count; i++)
        {
            for (var j = i + 1; j < grouped.Count; j++)
            {
                between.Add(new GroupBetween(grouped[i].Value, grouped[j].Value,
                    Mean(grouped[i].Members.SelectMany(a => grouped[j].Members.Select(b => Alpha(a, b))))));
            }
        }

        if (grouped.Count == 0)
        {
            notes.Add($"groups: no annotator has the attribute '{attribute}'.");
        }

        return new GroupFigures(attribute, within, between, annotators.Where(a => !a.Attributes.ContainsKey(attribute)).Select(a => a.Id).ToList());
    }

    private static SpanData SpanDataOf(IEnumerable<AgreementAnnotation> annotations, Dictionary<string, AgreementDocument> documents,
        Dictionary<string, IReadOnlyCollection<string>> codersByDocument, bool labelOfLayer)
    {
        // Across layers a label is known by its layer too: two layers may both have a label "other".
        var spans = annotations.Where(a => a is { StartOffset: not null, EndOffset: not null } && documents.ContainsKey(a.DocumentId))
            .Select(a => new LabelledSpan(a.DocumentId, a.AnnotatorId, (int)a.StartOffset!.Value, (int)a.EndOffset!.Value, labelOfLayer ? $"{a.Layer}/{a.Label}" : a.Label))
            .ToList();
        var annotated = codersByDocument.Keys.Where(documents.ContainsKey).Order(StringComparer.Ordinal).ToList();
        return new SpanData(spans,
            annotated.Select(d => new Continuum(d, 0, documents[d].Text.Length)).ToList(),
            annotated.ToDictionary(d => d, d => codersByDocument[d], StringComparer.Ordinal),
            annotated.SelectMany(d => documents[d].Tokens).ToList());
    }

    private static LayerDefinition? LayerDefinitionOf(IReadOnlyList<AgreementDocument> documents, string layer) =>
        documents.Select(d => d.Codebook?.Layers.FirstOrDefault(l => l.Id == layer)).FirstOrDefault(l => l is not null);

    private static IEnumerable<(string A, string B)> Pairs(IReadOnlyList<string> people)
    {
        for (var i = 0; i < people.Count; i++)
            for (var j = i + 1; j < people.Count; j++)
                yield return (people[i], people[j]);
    }
}
