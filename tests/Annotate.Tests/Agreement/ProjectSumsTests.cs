using Annotate.Agreement;
using Annotate.AgreementReports;

namespace Annotate.Tests.Agreement;

/// <summary>
/// A project's report folded document by document (issue 15, point 4) gives, to the last bit, the figures of
/// summing every document's kept pieces at the end, as the report did before: coder sets that change from document
/// to document (weights 1/2 and 1/3), a layer missing from the first documents, a label first used late.
/// </summary>
public sealed class ProjectSumsTests
{
    private static readonly string[] Words = ["convoy", "pass", "road", "minister", "protest", "the", "a", "of"];

    private static double? Alpha(IEnumerable<CoincidenceMatrix> parts) =>
        CodingAgreement.KrippendorffAlpha(CoincidenceMatrix.Sum(parts)).Alpha is { IsDefined: true } alpha ? alpha.Value : null;

    // Exact comparisons throughout: Assert.Equal of doubles compares every bit.
    [Fact]
    public void The_Folded_Report_Has_The_Figures_Of_Summing_Every_Documents_Pieces()
    {
        var random = new Random(4);
        var documents = new List<AgreementDocument>();
        var annotations = new List<AgreementAnnotation>();
        for (var d = 0; d < 40; d++)
        {
            var id = $"doc-{d:D2}";
            var text = string.Join(' ', Enumerable.Range(0, 120).Select(_ => Words[random.Next(Words.Length)]));
            documents.Add(new AgreementDocument(id, id, 1, text, null));
            var coders = d % 3 == 0 ? new[] { "ana", "ben", "cem" } : ["ana", "ben", "cem", "dia"];
            foreach (var coder in coders)
            {
                annotations.Add(new AgreementAnnotation(id, 1, coder, "document", "stance", random.Next(2) == 0 ? "pro" : "contra", null, null));
                for (var s = 0; s < 6; s++)
                {
                    // "source" appears from the tenth document on, and the label "late" from the thirtieth.
                    var layer = d >= 10 && s % 2 == 0 ? "source" : "frame";
                    var label = d >= 30 && s < 2 ? "late" : $"l{random.Next(3)}";
                    var start = random.Next(0, text.Length - 40);
                    annotations.Add(new AgreementAnnotation(id, 1, coder, "span", layer, label, start, start + random.Next(1, 40)));
                }
            }
        }

        var report = ProjectAgreement.Compute(new AgreementSnapshot("p", "open", documents, annotations, [], 0), null, 0, new AgreementOptions());

        var pieces = documents.Select(d => DocumentPieces.Compute(d, "", annotations.Where(a => a.DocumentId == d.Id).ToList())).ToList();
        Assert.Equal(["frame", "source", "stance"], report.Layers.Select(l => l.Layer).Order(StringComparer.Ordinal));
        foreach (var layer in report.Layers.Where(l => l.Spans is not null))
        {
            var spans = layer.Spans!;
            var parts = pieces.Select(p => p.Layer(layer.Layer)).ToList();
            var tokens = CoincidenceMatrix.Sum(parts.Select(p => p.Tokens));
            Assert.Equal(Alpha([tokens]), spans.TokenAlpha);
            Assert.Equal(MatrixFigures.From(tokens).Cells, spans.Coincidence.Cells);
            Assert.Equal(tokens.Categories, spans.Coincidence.Categories);
            foreach (var label in spans.ByLabel.Where(l => l.Spans > 0))
                Assert.Equal(Alpha(parts.Select(p => p.TokensOf(label.Label))), label.TokenAlpha);
            Assert.Contains(spans.ByLabel, l => l.Label == "late" && l.Spans > 0);
            foreach (var pair in spans.Pairs!)
            {
                var shared = pieces.Where(p => p.Coders.Contains(pair.A) && p.Coders.Contains(pair.B)).Select(p => p.Layer(layer.Layer).Pair(pair.A, pair.B).Tokens);
                Assert.Equal(Alpha(shared), pair.TokenAlpha);
            }
        }
    }
}
