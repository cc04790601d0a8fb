using Annotate.Agreement;
using Annotate.Agreement.Spans;
using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Projects;

namespace Annotate.AgreementReports;

/// <summary>What to compute beyond the figures every report has.</summary>
/// <param name="GroupBy">An annotator attribute to form perspective groups by, or null.</param>
/// <param name="Bootstrap">Bootstrap samples for 95% intervals of alpha, or null for none.</param>
public sealed record AgreementOptions(string? GroupBy = null, int? Bootstrap = null)
{
    /// <summary>Pairwise tables are listed up to this many annotators (a class of 200 has 19,900 pairs).</summary>
    public const int MaxListedAnnotators = 50;
}

/// <summary>
/// A project's agreement report from its documents' pieces: per span layer (unitizing alpha, span F1, token alpha,
/// per label, per pair, coincidences), per document-label layer (the coding report of `annotate agreement`, units
/// being documents), per document, and per perspective group. Sums cached per-document pieces, so only unitizing
/// alpha (which needs the whole continuum) is recomputed over all spans. Pure: no I/O, shared by CLI and app.
/// </summary>
internal static class ProjectAgreement
{
    /// <summary>Everything from a snapshot at once (benchmarks of the in-memory path).</summary>
    public static ProjectAgreementReport Compute(AgreementSnapshot snapshot, string? documentId, long revision, AgreementOptions options)
    {
        var byDocument = snapshot.Annotations.GroupBy(a => a.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var relations = (snapshot.Relations ?? []).GroupBy(r => r.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var pieces = snapshot.Documents.Where(d => byDocument.ContainsKey(d.Id)).AsParallel().AsOrdered()
            .Select(d => DocumentPieces.Compute(d, "", byDocument[d.Id], kept: Kept(options), relations: relations.GetValueOrDefault(d.Id))).ToList();
        return Combine(snapshot.ProjectId, snapshot.Visibility, documentId, revision, pieces, snapshot.Annotators, snapshot.LeftOut, options);
    }

    /// <summary>
    /// The report straight from the database, one document at a time (the command line, the agreement export, the
    /// dataset card): each document's text is read, tokenized, turned into its pieces, added to the project's sums
    /// and dropped, so memory holds sums and spans, not texts or pieces, at any project size. Documents are computed
    /// on every core a few documents ahead of the fold, while the next are read (<see cref="PiecesAhead"/>), and added
    /// in order. Perspective groups and a bootstrap need every document's ratings: with those options the pieces are kept.
    /// </summary>
    /// <param name="parallel">False computes one document after another on the calling thread: the same figures, bit for bit.</param>
    /// <param name="bootstrapLimit">The most units × samples a bootstrap may cost (<see cref="AgreementLimits"/>).</param>
    /// <exception cref="AgreementLimitException">A bootstrap above <paramref name="bootstrapLimit"/>, found before it starts.</exception>
    public static async Task<ProjectAgreementReport> ComputeAsync(AgreementStore store, ProjectSettings project, string? documentId, AgreementOptions options,
        CancellationToken cancellationToken, long bootstrapLimit = AgreementLimits.MaxCommandLineBootstrapCost, bool parallel = true)
    {
        var keep = options.GroupBy is not null || options.Bootstrap is not null;
        var pieces = keep ? new List<DocumentPieces>() : null;
        // Documents come in id order (the store's ORDER BY, which is ordinal for the ids the app makes), the order
        // the sums must add them in to give the figures of ProjectAgreement.Combine to the last bit.
        var sums = new ProjectSums(await store.SpanLabelsAsync(project.Id, documentId, cancellationToken));
        var leftOut = 0;
        var tokens = 0L;
        await foreach (var piece in PiecesAhead.StreamAsync(store, project.Id, documentId, Kept(options), parallel, cancellationToken))
        {
            sums.Add(piece);
            pieces?.Add(piece);
            leftOut += piece.LeftOut;
            tokens += piece.Document.TokenCount;
        }

        if (options.Bootstrap is { } samples && AgreementLimits.BootstrapRefusal(Math.Max(tokens, sums.Rows.Count), samples, bootstrapLimit, "") is { } refusal)
        {
            throw new AgreementLimitException(refusal);
        }

        return Report(sums, project.Id, project.Visibility, documentId, 0, await store.AnnotatorsAsync(project.Id, cancellationToken), leftOut, options, parallel, pieces);
    }

    /// <summary>The units a bootstrap redraws: the tokens of the documents (span layers), at least the documents (label layers).</summary>
    public static long BootstrapUnits(IReadOnlyList<DocumentPieces> pieces) => Math.Max(pieces.Sum(p => (long)p.Document.TokenCount), pieces.Count);

    /// <summary>The ratings a report with these options needs its pieces to keep.</summary>
    public static KeptRatings Kept(AgreementOptions options) =>
        (options.GroupBy is null ? KeptRatings.None : KeptRatings.Pooled) | (options.Bootstrap is null ? KeptRatings.None : KeptRatings.Layers);

    /// <param name="parallel">Whether pair figures may use every core (the command line), or must stay on the
    /// calling thread (the server's agreement thread, which must not take the request threads).</param>
    public static ProjectAgreementReport Combine(string projectId, string visibility, string? documentId, long revision, IReadOnlyList<DocumentPieces> pieces,
        IReadOnlyList<Annotator> annotators, int leftOut, AgreementOptions options, bool parallel = true)
    {
        var sums = new ProjectSums(ProjectSums.LabelsOf(pieces));
        foreach (var piece in pieces)
            sums.Add(piece);
        return Report(sums, projectId, visibility, documentId, revision, annotators, leftOut, options, parallel, pieces);
    }

    /// <summary>The report from a project's sums; <paramref name="pieces"/> (the same documents, in the same order)
    /// only when perspective groups or a bootstrap need their ratings.</summary>
    public static ProjectAgreementReport Report(ProjectSums sums, string projectId, string visibility, string? documentId, long revision,
        IReadOnlyList<Annotator> annotators, int leftOut, AgreementOptions options, bool parallel, IReadOnlyList<DocumentPieces>? pieces)
    {
        var notes = new List<string>();
        if (leftOut > 0)
        {
            notes.Add($"{leftOut} annotation(s) on an older text version are left out until they are moved onto the current text.");
        }

        var layers = new List<LayerFigures>();
        // Layers in the codebook's order, as the annotate view shows them; a layer the codebook no longer has comes last.
        var codebookOrder = (sums.FirstCodebook?.Layers ?? [])
            .Select((l, index) => (l.Id, index)).DistinctBy(l => l.Id).ToDictionary(l => l.Id, l => l.index, StringComparer.Ordinal);
        foreach (var layer in sums.Layers
            .OrderBy(l => codebookOrder.GetValueOrDefault(l.Layer, int.MaxValue)).ThenBy(l => l.Kind == Annotation.SpanKind ? 0 : 1).ThenBy(l => l.Layer, StringComparer.Ordinal))
        {
            var definition = sums.Definition(layer.Layer);
            var name = definition?.Name ?? layer.Layer;
            var layerNotes = new List<string>();
            layers.Add(layer.Kind == Annotation.SpanKind
                ? new LayerFigures(layer.Layer, name, LayerDefinition.SpanScope, SpanLayer(sums, pieces, layer.Layer, definition, options, parallel, layerNotes), null)
                : new LayerFigures(layer.Layer, name, LayerDefinition.DocumentScope, null,
                    DocumentLayer(sums.DocumentLabels.Where(a => a.Kind == layer.Kind && a.Layer == layer.Layer).ToList(), definition, options)));
            notes.AddRange(layerNotes.Select(n => $"{name}: {n}"));
        }

        var groups = options.GroupBy is { } attribute
            ? Groups(attribute, pieces ?? throw new InvalidOperationException("Perspective groups need the documents' pieces."), annotators, notes)
            : null;
        var relations = RelationFigures.Of(sums, notes);
        return new ProjectAgreementReport(projectId, documentId, revision, visibility, annotators, sums.Rows, layers, groups, notes, relations);
    }

    private static SpanLayerFigures SpanLayer(ProjectSums project, IReadOnlyList<DocumentPieces>? pieces, string layer, LayerDefinition? definition,
        AgreementOptions options, bool parallel, List<string> notes)
    {
        var sums = project.SpanLayer(layer);
        var coders = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        for (var i = 0; i < project.Continua.Count; i++)
            coders[project.Continua[i].Document] = (IReadOnlyCollection<string>)project.CodersOfDocument[i];
        var data = new SpanData(sums.Spans, project.Continua, coders, null);
        var (alphaU, alphaUByLabel) = SpanFigures.UnitizingAlpha(data, notes);
        var tokenAlpha = CodingAgreement.KrippendorffAlpha(sums.Tokens.ToMatrix());
        double[]? interval = null;
        if (options.Bootstrap is { } samples && tokenAlpha.Alpha.IsDefined
            && CodingAgreement.KrippendorffAlphaBootstrap(
                TokenRatings.Concat((pieces ?? throw new InvalidOperationException("A bootstrap needs the documents' pieces.")).Select(p => p.Layer(layer).Ratings).ToList()).Table(),
                MeasurementLevel.Nominal, samples) is { } ci)
        {
            interval = [ci.Low, ci.High];
        }

        var labels = (definition?.Labels.Select(l => l.Id) ?? []).Concat(sums.Used).Distinct(StringComparer.Ordinal).ToList();
        var byLabel = labels.Select(label =>
        {
            var spans = sums.SpansOf(label);
            var labelDefinition = definition?.Labels.FirstOrDefault(l => l.Id == label);
            if (spans == 0)
                return new LabelFigures(label, labelDefinition?.Name ?? label, labelDefinition?.Color, 0, alphaUByLabel.GetValueOrDefault(label), null, null, null);
            var (tokens, exact, overlap) = sums.Label(label);
            return new LabelFigures(label, labelDefinition?.Name ?? label, labelDefinition?.Color, spans,
                alphaUByLabel.GetValueOrDefault(label),
                SpanFigures.Value(CodingAgreement.KrippendorffAlpha(tokens).Alpha, "", null),
                F1(exact), F1(overlap));
        }).ToList();

        List<PairFigures>? pairs = null;
        if (data.Coders.Count <= AgreementOptions.MaxListedAnnotators)
        {
            // Pairs are independent: their sums are kept, only their unitizing alpha goes over the spans again, from
            // one layout of the layer's spans when every pair shares the whole continuum.
            var coderPairs = Pairs(data.Coders).ToList();
            var layout = SharedLayout(project, sums, data.Coders);
            pairs = parallel
                ? [.. coderPairs.AsParallel().AsOrdered().Select(p => Pair(project, sums, layout, p.A, p.B))]
                : [.. coderPairs.Select(p => Pair(project, sums, layout, p.A, p.B))];
        }
        else
        {
            notes.Add($"{data.Coders.Count} annotators: pairwise figures are listed up to {AgreementOptions.MaxListedAnnotators}; use perspective groups instead.");
        }

        return new SpanLayerFigures(alphaU, alphaUByLabel,
            SpanFigures.Value(sums.Exact.F1, "spanF1Exact", notes),
            SpanFigures.Value(sums.Overlap.F1, "spanF1Overlap", notes),
            SpanFigures.Value(tokenAlpha.Alpha, "tokenAlpha", notes), interval,
            sums.Disagreements, byLabel, pairs, MatrixFigures.From(tokenAlpha.Coincidences));
    }

    /// <summary>
    /// The layer's spans laid out once for every pair's unitizing alpha, when every document someone annotated was
    /// annotated by all of <paramref name="coders"/>: each pair's documents are then the whole continuum, and its αu
    /// from this layout is the one of its own layout to the last bit. Otherwise null (each pair lays out its own).
    /// </summary>
    private static UnitizingLayout? SharedLayout(ProjectSums project, SpanLayerSums sums, IReadOnlyList<string> coders)
    {
        var annotated = new List<Continuum>();
        for (var i = 0; i < project.Continua.Count; i++)
        {
            var of = project.CodersOfDocument[i];
            if (of.Count == 0)
                continue;
            if (of.Count != coders.Count || !coders.All(of.Contains))
                return null;
            annotated.Add(project.Continua[i]);
        }

        return annotated.Count == 0 ? null : UnitizingLayout.Build(sums.Spans, annotated, coders);
    }

    private static PairFigures Pair(ProjectSums project, SpanLayerSums sums, UnitizingLayout? layout, string a, string b)
    {
        if (sums.Pair(a, b) is not { } figures)
            return new PairFigures(a, b, null, null, null);
        if (layout is not null)
        {
            return new PairFigures(a, b,
                SpanFigures.Value(CodingAgreement.KrippendorffAlpha(figures.Tokens).Alpha, "", null),
                F1(figures.Overlap),
                SpanFigures.Value(layout.PairAlpha(a, b).Alpha, "", null));
        }

        // Only the documents both annotated: elsewhere the pair has nothing to agree or disagree on.
        var shared = Enumerable.Range(0, project.Continua.Count).Where(i => project.CodersOfDocument[i].Contains(a) && project.CodersOfDocument[i].Contains(b)).ToList();
        var both = shared.ToDictionary(i => project.Continua[i].Document, _ => (IReadOnlyCollection<string>)[a, b], StringComparer.Ordinal);
        var pairData = new SpanData(shared.SelectMany(sums.SpansOfDocument).Where(s => s.Coder == a || s.Coder == b).ToList(),
            shared.Select(i => project.Continua[i]).ToList(), both, null);
        return new PairFigures(a, b,
            SpanFigures.Value(CodingAgreement.KrippendorffAlpha(figures.Tokens).Alpha, "", null),
            F1(figures.Overlap),
            SpanFigures.UnitizingAlpha(pairData, [], byLabel: false).Overall);
    }

    private static AgreementReport DocumentLayer(List<AgreementAnnotation> annotations, LayerDefinition? definition, AgreementOptions options)
    {
        // Units are documents, coders the annotators; several labels of one person on one document form one value.
        // Someone who annotated the document but gave no label in this layer has no rating (missing), not "none".
        var rows = annotations.GroupBy(a => (a.DocumentId, a.AnnotatorId))
            .OrderBy(g => g.Key.DocumentId, StringComparer.Ordinal).ThenBy(g => g.Key.AnnotatorId, StringComparer.Ordinal)
            .Select(g => new RatingRow(0, g.Key.DocumentId, g.Key.AnnotatorId, string.Join('+', g.Select(a => a.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
            .ToList();
        // The categories are the layer's labels, as the codebook declares them, not only those someone used: Bennett's S
        // and Randolph's kappa count them, and the per-category table lists each. A layer that takes several labels
        // at once has combinations for values, and a label since removed from the codebook still counts.
        var declared = definition is { Multiple: false } ? definition.Labels.Select(l => l.Id).ToList() : [];
        var categories = declared.Concat(rows.Select(r => r.Value).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return AgreementReport.For(rows, MeasurementLevel.Nominal, categories, options.Bootstrap, withCoincidences: true);
    }

    private static GroupFigures Groups(string attribute, IReadOnlyList<DocumentPieces> pieces, IReadOnlyList<Annotator> annotators, List<string> notes)
    {
        var annotating = pieces.SelectMany(p => p.Coders).ToHashSet(StringComparer.Ordinal);
        var people = annotators.Where(a => annotating.Contains(a.Id)).ToList();
        var grouped = people.Where(a => a.Attributes.ContainsKey(attribute))
            .GroupBy(a => a.Attributes[attribute], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Members: g.Select(a => a.Id).Order(StringComparer.Ordinal).ToList())).ToList();
        var pairAlpha = new Dictionary<(string, string), double?>();
        double? Alpha(string a, string b)
        {
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (!pairAlpha.TryGetValue(key, out var value))
            {
                var shared = pieces.Where(p => p.Coders.Contains(key.Item1) && p.Coders.Contains(key.Item2)).Select(p => p.Pooled.Pair(key.Item1, key.Item2).Tokens).ToList();
                pairAlpha[key] = value = shared.Count == 0 ? null : SpanFigures.Value(CodingAgreement.KrippendorffAlpha(CoincidenceMatrix.Sum(shared)).Alpha, "", null);
            }

            return value;
        }

        static double? Mean(IEnumerable<double?> values) => values.Where(v => v.HasValue).Select(v => v!.Value).ToList() is { Count: > 0 } defined ? defined.Average() : null;
        var within = grouped.Select(g => new GroupWithin(g.Value, g.Members,
            g.Members.Count < 2 ? null : SpanFigures.Value(CodingAgreement.KrippendorffAlpha(CoincidenceMatrix.Sum(pieces.Select(p => p.Pooled.Ratings.Coincidences(g.Members)))).Alpha, "", null),
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

        return new GroupFigures(attribute, within, between, people.Where(a => !a.Attributes.ContainsKey(attribute)).Select(a => a.Id).ToList());
    }

    /// <summary>Span F1 of summed matches and spans.</summary>
    public static SpanF1 Sum(long matches, long spans) =>
        new(spans == 0 ? Coefficient.NotDefined("no pair of coders marked any span") : Coefficient.Of(2.0 * matches / spans), matches, spans);

    private static double? F1(SpanF1? sum) => sum is null ? null : SpanFigures.Value(sum.F1, "", null);

    private static IEnumerable<(string A, string B)> Pairs(IReadOnlyList<string> people)
    {
        for (var i = 0; i < people.Count; i++)
            for (var j = i + 1; j < people.Count; j++)
                yield return (people[i], people[j]);
    }
}
