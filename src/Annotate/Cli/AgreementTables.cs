using System.Globalization;
using System.Text;
using Annotate.Agreement;
using Annotate.AgreementReports;

namespace Annotate.Cli;

/// <summary>The human-readable (--format table) output of `annotate agreement`.</summary>
internal static class AgreementTables
{
    public static string Coding(AgreementReport r)
    {
        var text = new StringBuilder();
        var custom = r.DistanceFile is { } source ? $", distance custom ({source})" : "";
        text.AppendLine(Invariant($"{r.Units} units, {r.Coders} coders, {r.PairableValues:0} pairable values, level {r.Level}{custom}"));
        Row(text, "Krippendorff's alpha", r.KrippendorffAlpha);
        if (r.Ci95 is { } ci)
        {
            text.AppendLine(Invariant($"  {"  95% bootstrap interval",-26} [{F(ci.KrippendorffAlpha[0])}, {F(ci.KrippendorffAlpha[1])}]"));
        }

        foreach (var (name, value) in new (string, double?)[]
        {
            ("Percent agreement", r.PercentAgreement), ("Cohen's kappa", r.CohenKappa),
            ("Cohen's kappa, linear", r.CohenKappaLinear), ("Cohen's kappa, quadratic", r.CohenKappaQuadratic), ("Scott's pi", r.ScottPi),
            ("Bennett's S", r.BennettS), ("Fleiss' kappa", r.FleissKappa), ("Randolph's kappa", r.RandolphKappa), ("Gwet's AC1", r.GwetAC1),
            ("Gwet's AC2, linear", r.GwetAC2Linear), ("Gwet's AC2, quadratic", r.GwetAC2Quadratic),
        })
        {
            Row(text, name, value);
        }

        if (r.DistanceFile is not null)
        {
            Row(text, "Cohen's kappa, distances", r.CohenKappaWeighted);
            Row(text, "Gwet's AC2, distances", r.GwetAC2Weighted);
        }

        text.AppendLine(Invariant($"  (observed disagreement {F(r.ObservedDisagreement)}, expected {F(r.ExpectedDisagreement)})"));
        text.AppendLine("Per category: positive agreement, alpha");
        foreach (var (category, figures) in r.PerCategory)
        {
            text.AppendLine(Invariant($"  {category,-26} {F(figures.PositiveAgreement),7} {F(figures.Alpha),7}"));
        }

        Notes(text, r.Notes);
        return text.ToString();
    }

    public static string Spans(SpanReport r, SpanGamma? gamma = null)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{r.Spans} spans, {r.Coders} coders, {r.Documents} document(s)"));
        Row(text, "Unitizing alpha", r.AlphaU);
        Row(text, "Span F1, exact", r.SpanF1Exact);
        Row(text, "Span F1, overlap", r.SpanF1Overlap);
        Row(text, "Token alpha", r.TokenAlpha);
        if (gamma is not null)
        {
            Row(text, "Gamma", gamma.Gamma);
            text.AppendLine(Invariant($"  (observed disorder {F(gamma.ObservedDisorder)}, expected {F(gamma.ExpectedDisorder)} ± {F(gamma.Precision)} over {gamma.Samples} samples)"));
        }

        var d = r.Disagreements;
        text.AppendLine(Invariant($"Pairs of spans: {d.Agreements} agree; disagreements: {d.Boundary} boundary, {d.Label} label, {d.BoundaryAndLabel} boundary and label, {d.Missed} missed"));
        if (r.AlphaUByLabel.Count > 0)
        {
            text.AppendLine("Unitizing alpha per label");
            foreach (var (label, value) in r.AlphaUByLabel)
                Row(text, label, value);
        }

        Notes(text, r.Notes);
        return text.ToString();
    }

    public static string Relations(RelationReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{r.Relations} relations, {r.Coders} coders, {r.Documents} document(s){(r.EndLabels ? ", end labels must match" : "")}"));
        Row(text, "Relation F1, exact", r.RelationF1Exact);
        Row(text, "Relation F1, overlap", r.RelationF1Overlap);
        Row(text, "Alpha over types", r.TypeAlpha);
        text.AppendLine(Invariant($"  ({r.SharedPairs} endpoint pairs related by two or more coders)"));
        text.AppendLine("Per type: relations, F1 exact, F1 overlap");
        foreach (var t in r.ByType)
            text.AppendLine(Invariant($"  {t.Type + (t.Directed ? "" : " (undirected)"),-26} {t.Relations,5} {F(t.RelationF1Exact),7} {F(t.RelationF1Overlap),7}"));
        Notes(text, r.Notes);
        return text.ToString();
    }

    public static string Project(ProjectAgreementReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Project {r.ProjectId} ({r.Visibility}): {r.Annotators.Count} annotators, {r.Documents.Count} annotated documents"));
        foreach (var layer in r.Layers)
        {
            text.AppendLine(Invariant($"Layer {layer.Name} ({layer.Scope})"));
            if (layer.Spans is { } s)
            {
                Row(text, "Unitizing alpha", s.AlphaU);
                Row(text, "Token alpha", s.TokenAlpha);
                if (s.TokenAlphaCi95 is { } ci)
                    text.AppendLine(Invariant($"  {"  95% bootstrap interval",-26} [{F(ci[0])}, {F(ci[1])}]"));
                Row(text, "Span F1, exact", s.SpanF1Exact);
                Row(text, "Span F1, overlap", s.SpanF1Overlap);
                text.AppendLine("  Per label: spans, unitizing alpha, token alpha, F1 overlap");
                foreach (var l in s.ByLabel)
                    text.AppendLine(Invariant($"    {l.Name,-24} {l.Spans,5} {F(l.AlphaU),7} {F(l.TokenAlpha),7} {F(l.SpanF1Overlap),7}"));
                if (s.Pairs is { Count: > 0 } pairs)
                {
                    var names = r.Annotators.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
                    text.AppendLine("  Per pair: token alpha, F1 overlap, unitizing alpha");
                    foreach (var p in pairs)
                        text.AppendLine(Invariant($"    {names.GetValueOrDefault(p.A, p.A) + " / " + names.GetValueOrDefault(p.B, p.B),-24} {F(p.TokenAlpha),7} {F(p.SpanF1Overlap),7} {F(p.AlphaU),7}"));
                }
            }

            if (layer.Coding is { } c)
            {
                Row(text, "Krippendorff's alpha", c.KrippendorffAlpha);
                Row(text, "Percent agreement", c.PercentAgreement);
                Row(text, "Fleiss' kappa", c.FleissKappa);
                Row(text, "Gwet's AC1", c.GwetAC1);
            }
        }

        if (r.Relations is { } rel)
        {
            text.AppendLine(Invariant($"Relations: {rel.Relations}, {rel.SharedPairs} endpoint pairs related by two or more annotators"));
            Row(text, "Relation F1, exact", rel.RelationF1Exact);
            Row(text, "Relation F1, overlap", rel.RelationF1Overlap);
            Row(text, "Alpha over types", rel.TypeAlpha);
            text.AppendLine("  Per type: relations, F1 exact, F1 overlap");
            foreach (var t in rel.ByType)
                text.AppendLine(Invariant($"    {t.Name,-24} {t.Relations,5} {F(t.RelationF1Exact),7} {F(t.RelationF1Overlap),7}"));
        }

        text.AppendLine("Per document: annotators, spans, unitizing alpha, token alpha, F1 overlap");
        foreach (var d in r.Documents)
            text.AppendLine(Invariant($"  {d.Id,-30} {d.Annotators,3} {d.Spans,5} {F(d.AlphaU),7} {F(d.TokenAlpha),7} {F(d.SpanF1Overlap),7}"));
        if (r.Groups is { } g)
        {
            text.AppendLine(Invariant($"Groups by {g.Attribute}: token alpha within, mean pairwise alpha"));
            foreach (var w in g.Groups)
                text.AppendLine(Invariant($"  {w.Value,-26} {F(w.TokenAlpha),7} {F(w.MeanPairwiseAlpha),7}"));
            foreach (var b in g.Between)
                text.AppendLine(Invariant($"  {b.A + " vs " + b.B,-26} {"",7} {F(b.MeanPairwiseAlpha),7}"));
        }

        Notes(text, r.Notes);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, double? value) => text.AppendLine(Invariant($"  {name,-26} {F(value),7}"));

    private static void Notes(StringBuilder text, IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
            text.AppendLine(Invariant($"Note: {note}"));
    }

    private static string F(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
