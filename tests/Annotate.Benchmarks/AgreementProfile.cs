using System.Diagnostics;
using Annotate.Agreement;
using Annotate.Agreement.Spans;
using Annotate.AgreementReports;

namespace Annotate.Benchmarks;

/// <summary>
/// Diagnostic: the stages of a project's agreement timed one by one on generated data (1,000 documents of 600 words,
/// 5 annotators × 7 spans each), or with --store the app's report after one save on the seeded SQLite projects of
/// <see cref="AgreementStoreBenchmarks"/>. Single runs with a Stopwatch, to see where time goes; the figures in
/// docs/benchmarks.md come from BenchmarkDotNet.
/// </summary>
internal static class AgreementProfile
{
    public const string Command = "agreement-profile";

    public static int Run(Arguments args)
    {
        args.Only("--store");
        if (args.Has("--store"))
        {
            var bench = new AgreementStoreBenchmarks();
            Time("setup", () => { bench.Setup(); return 0; });
            for (var i = 0; i < 5; i++)
            {
                bench.SaveOneSpan();
                Time("after one save", () => bench.ProjectReportAfterOneSave().Layers.Count);
            }

            bench.Cleanup();
            return 0;
        }

        var random = new Random(1);
        string[] words = ["convoy", "pass", "road", "minister", "protest", "the", "a", "of", "and", "report"];
        string[] labels = ["blockade", "protest", "security", "economic", "humanitarian", "legal"];
        var docs = new List<AgreementDocument>();
        var annotations = new List<AgreementAnnotation>();
        for (var d = 0; d < 1000; d++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 600).Select(_ => words[random.Next(words.Length)]));
            docs.Add(new AgreementDocument("s" + d, "t", 1, text, null));
            for (var a = 0; a < 5; a++)
                for (var s = 0; s < 7; s++)
                {
                    var start = random.Next(0, text.Length - 200);
                    annotations.Add(new AgreementAnnotation("s" + d, 1, "a" + a, "span", "frame", labels[random.Next(labels.Length)], start, start + random.Next(5, 200)));
                }
        }

        var snapshot = new AgreementSnapshot("p", "open", docs, annotations, [], 0);
        Time("tokens", () => docs.Sum(d => d.Tokens.Count));
        Time("compute", () => ProjectAgreement.Compute(snapshot, null, 0, new AgreementOptions()).Layers.Count);
        Time("compute again", () => ProjectAgreement.Compute(snapshot, null, 0, new AgreementOptions()).Layers.Count);
        var byDocument = annotations.GroupBy(a => a.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        List<DocumentPieces> pieces = null!;
        Time("pieces", () => (pieces = docs.Select(d => DocumentPieces.Compute(d, "", byDocument[d.Id])).ToList()).Count);
        Time("combine", () => ProjectAgreement.Combine("p", "open", null, 0, pieces, [], 0, new AgreementOptions()).Layers.Count);
        Time("combine again", () => ProjectAgreement.Combine("p", "open", null, 0, pieces, [], 0, new AgreementOptions()).Layers.Count);
        Time("one piece", () => DocumentPieces.Compute(docs[0], "", byDocument[docs[0].Id]).Coders.Count);
        var spans = annotations.Select(a => new LabelledSpan(a.DocumentId, a.AnnotatorId, (int)a.StartOffset!.Value, (int)a.EndOffset!.Value, a.Label)).ToList();
        var tokens = docs.SelectMany(d => d.Tokens).ToList();
        IReadOnlyCollection<string> five = ["a0", "a1", "a2", "a3", "a4"];
        var coders = docs.ToDictionary(d => d.Id, _ => five);
        TokenRatings ratings = null!;
        Time("token build", () => (ratings = TokenRatings.Build(spans, tokens, coders)).UnitCount);
        Time("token alpha", () => ratings.Alpha().Coincidences.Categories.Count);
        Time("for label + alpha", () => ratings.ForLabel("protest").Alpha().Coincidences.Categories.Count);
        Time("f1 overlap", () => (int)SpanAgreement.PairwiseF1(spans, SpanMatching.Overlap, null, coders).Matches);
        Time("disagreements", () => (int)SpanAgreement.Disagreements(spans, coders).Missed);
        var continua = docs.Select(d => new Continuum(d.Id, 0, d.Text.Length)).ToList();
        Time("unitizing", () => UnitizingAgreement.AlphaByLabel(spans, continua).Count);
        var byDoc = spans.GroupBy(s => s.Document).ToDictionary(g => g.Key, g => g.ToList());
        Time("per doc tokens", () => docs.Sum(d => TokenRatings.Build(byDoc[d.Id], d.Tokens, new Dictionary<string, IReadOnlyCollection<string>> { [d.Id] = five }).Alpha().Coincidences.Categories.Count));
        Time("per doc unitizing", () => docs.Sum(d => UnitizingAgreement.Alpha(byDoc[d.Id], [new Continuum(d.Id, 0, d.Text.Length)]).MergedSpans));
        Time("per doc f1", () => docs.Sum(d => (int)SpanAgreement.PairwiseF1(byDoc[d.Id], SpanMatching.Overlap).Matches));
        Time("pairs filter+f1", () => Enumerable.Range(0, 10).Sum(_ => (int)SpanAgreement.PairwiseF1(spans.Where(s => s.Coder is "a0" or "a1").ToList(), SpanMatching.Overlap, null, coders).Matches));
        Time("pairs unitizing", () => Enumerable.Range(0, 10).Sum(_ => UnitizingAgreement.Alpha(spans.Where(s => s.Coder is "a0" or "a1").ToList(), continua).MergedSpans));
        return 0;
    }

    private static void Time(string what, Func<int> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        Console.WriteLine($"{what,-20} {clock.ElapsedMilliseconds,6} ms ({result})");
    }
}
