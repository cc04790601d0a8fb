using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Annotate.AgreementReports;
using Annotate.Projects;

namespace Annotate.Tests.Agreement;

/// <summary>
/// The project report's figures are pinned on two generated projects (issue 15, point 4): work that makes the report
/// faster must leave every figure as it was, to the last bit. The data has what the per-document pieces must get
/// right: duplicate and overlapping spans of one annotator, exact, shifted and relabelled copies of another's span,
/// stacked labels, a layer someone annotated nothing in, documents with different annotators, document labels.
/// The hashes were taken from the report before the speed work (commit 76c0f0f); on a mismatch the JSON is written
/// to a temporary file to compare with that commit's.
/// </summary>
public sealed class ReportReferenceTests
{
    private static readonly string[] Words = ["convoy", "pass", "road", "minister", "protest", "the", "a", "of", "border", "said", ",", ".", "don't"];
    private static readonly string[] Coders = ["ana", "ben", "cem", "dia", "eli"];

    [Theory]
    [InlineData(false, "F2FBCE0E91F516EA")]
    [InlineData(true, "BBB0A7A44E2083D6")]
    public void The_Report_Of_A_Generated_Project_Has_Its_Reference_Figures(bool sameAnnotatorsEverywhere, string expected)
    {
        var snapshot = Generate(sameAnnotatorsEverywhere);
        var annotators = Coders.Select((c, i) => new Annotator(c, c, new Dictionary<string, string> { ["group"] = i % 2 == 0 ? "x" : "y" })).ToList();
        var json = new StringBuilder();
        foreach (var options in new[] { new AgreementOptions(), new AgreementOptions(GroupBy: "group") })
        {
            var report = ProjectAgreement.Compute(snapshot with { Annotators = annotators }, null, 0, options);
            json.AppendLine(JsonSerializer.Serialize(new { report.Documents, report.Layers, report.Groups, report.Notes }, AgreementJson.Options));
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToString())))[..16];
        if (hash != expected)
        {
            var path = Path.Combine(Path.GetTempPath(), $"report-reference-{sameAnnotatorsEverywhere}-{hash}.json");
            File.WriteAllText(path, json.ToString());
            Assert.Fail($"The report's figures changed (hash {hash}, expected {expected}); the JSON is in {path}.");
        }
    }

    private static AgreementSnapshot Generate(bool sameAnnotatorsEverywhere)
    {
        var random = new Random(sameAnnotatorsEverywhere ? 27 : 28);
        var documents = new List<AgreementDocument>();
        var annotations = new List<AgreementAnnotation>();
        string[] layers = ["frame", "actor", "source"];
        string[][] labels = [["protest", "blockade", "economy"], ["police", "drivers"], ["official"]];
        for (var d = 0; d < 48; d++)
        {
            var id = $"doc-{d:D2}";
            var text = string.Join(' ', Enumerable.Range(0, 150).Select(_ => Words[random.Next(Words.Length)]));
            documents.Add(new AgreementDocument(id, id, 1, text, null));
            var coders = sameAnnotatorsEverywhere ? Coders : Coders.Where(_ => random.Next(4) > 0).DefaultIfEmpty("ana").ToArray();
            var earlier = new List<AgreementAnnotation>();
            foreach (var coder in coders)
            {
                annotations.Add(new AgreementAnnotation(id, 1, coder, "document", "stance", random.Next(3) switch { 0 => "pro", 1 => "contra", _ => "neutral" }, null, null));
                // Someone now and then reads a document and marks nothing in it.
                var spans = random.Next(10) == 0 ? 0 : random.Next(3, 12);
                for (var s = 0; s < spans; s++)
                {
                    AgreementAnnotation span;
                    if (earlier.Count > 0 && random.Next(2) == 0)
                    {
                        // Another's span copied exactly, shifted, relabelled, or both.
                        var other = earlier[random.Next(earlier.Count)];
                        var shift = random.Next(3) == 0 ? random.Next(-4, 5) : 0;
                        var start = Math.Clamp(other.StartOffset!.Value + shift, 0, text.Length - 2);
                        var end = Math.Clamp(other.EndOffset!.Value + (random.Next(3) == 0 ? random.Next(-4, 5) : 0), start + 1, text.Length);
                        var layer = Array.IndexOf(layers, other.Layer);
                        var label = random.Next(4) == 0 ? labels[layer][random.Next(labels[layer].Length)] : other.Label;
                        span = new AgreementAnnotation(id, 1, coder, "span", other.Layer, label, start, end);
                    }
                    else
                    {
                        // The third layer only from the tenth document on: before, everyone's "none" there.
                        var layer = random.Next(d < 10 ? 2 : 3);
                        var start = random.Next(0, text.Length - 40);
                        span = new AgreementAnnotation(id, 1, coder, "span", layers[layer], labels[layer][random.Next(labels[layer].Length)], start, start + random.Next(1, 40));
                    }

                    annotations.Add(span);
                    if (random.Next(8) == 0)
                        annotations.Add(span); // the same span twice
                    if (random.Next(8) == 0)
                        annotations.Add(span with { EndOffset = Math.Min(text.Length, span.EndOffset!.Value + 7) }); // overlapping its own span
                }

                earlier.AddRange(annotations.Where(a => a.DocumentId == id && a.AnnotatorId == coder && a.Kind == "span"));
            }
        }

        return new AgreementSnapshot("p", "open", documents, annotations, [], 0);
    }
}
