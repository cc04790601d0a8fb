using System.Text.Json;
using Annotate.Annotations;
using Annotate.Curation;
using Annotate.Export;
using Annotate.Sessions;
using Annotate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Export;

/// <summary>The CoNLL export: BIO tags per layer and annotator, overlaps and widened spans reported, not lost.</summary>
public sealed class ConllExportTests
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";

    private static ExportSpan Span(string id, string label, int start, int end) =>
        new(id, "ana", "frame", label, start, end, null, JsonDocument.Parse("{}").RootElement, null, null);

    [Fact]
    public void Tags_Follow_The_Tokens_Keep_The_Earliest_Longest_Span_And_Report_The_Rest()
    {
        const string text = "Ana met Ben. Roads closed.\nAgain now";
        var (dropped, widened) = (new List<ConllDropped>(), new List<ConllWidened>());
        ExportSpan[] spans = [Span("b", "blockade", 4, 11), Span("a", "protest", 0, 7), Span("c", "security", 14, 18), Span("d", "economic", 19, 32), Span("e", "legal", 27, 36)];

        var tagged = ConllTagger.Tag("doc", "ana", text, spans, dropped, widened);

        Assert.Equal(["Ana", "met", "Ben", ".", "Roads", "closed", ".", "Again", "now"], tagged.Tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(["B-protest", "I-protest", "O", "O", "B-security", "B-economic", "I-economic", "I-economic", "O"], tagged.Tags);
        Assert.Equal([false, false, false, false, true, false, false, false, false], tagged.BreakBefore); // a sentence break, none inside a span
        Assert.Equal([("b", "a", "overlap"), ("e", "d", "overlap")], dropped.Select(d => (d.SpanId, d.Overlaps, d.Reason)));
        var wide = Assert.Single(widened);
        Assert.Equal(("c", 13, 18), (wide.SpanId, wide.TokenStart, wide.TokenEnd));
    }

    [Fact]
    public async Task Each_Annotator_And_The_Gold_Layer_Get_A_File_Per_Layer_And_Overlaps_Are_Listed()
    {
        using var app = new AnnotateApp();
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        await using var ben = await HubUser.SignInAsync(app, "Ben");
        await ana.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "protest", 0, 10);
        var stacked = await ben.PutSpanAsync(Doc, Guid.NewGuid().ToString(), "blockade", 0, 10);
        var writer = app.Services.GetRequiredService<AnnotationWriter>();
        var provenance = JsonSerializer.Serialize(new Provenance(CurationActions.Created, ana.UserId, "Ana", []), JsonSerializerOptions.Web);
        var gold = await writer.UpsertAsync(Doc, Guid.NewGuid().ToString(), Annotation.SpanKind, new AnnotationRequest("frame", "protest", 0, 10, null, null, null, null, null, null),
            new SessionUser(GoldLayer.AnnotatorId, GoldLayer.Name), CancellationToken.None, provenance);
        Assert.IsType<WriteOutcome.Saved>(gold);
        var folder = TempFolder.Create();
        try
        {
            var all = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "conll", "--out", Path.Combine(folder, "all"), "--db", app.DatabasePath);
            var one = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "conll", "--layer", "frame", "--out", Path.Combine(folder, "one"), "--db", app.DatabasePath);

            Assert.True(all.ExitCode == 0, all.Error);
            Assert.True(one.ExitCode == 0, one.Error);
            var frame = Path.Combine(folder, "all", "conll", "frame");
            Assert.True(File.Exists(Path.Combine(frame, $"{ana.UserId}.conll")));
            Assert.True(File.Exists(Path.Combine(frame, "gold.conll")));
            Assert.True(Directory.Exists(Path.Combine(folder, "all", "conll", "claim")));
            Assert.Equal(["frame"], Directory.GetDirectories(Path.Combine(folder, "one", "conll")).Select(Path.GetFileName));
            var benLines = await File.ReadAllLinesAsync(Path.Combine(frame, $"{ben.UserId}.conll"));
            var start = Array.IndexOf(benLines, $"# document = {Doc}");
            Assert.StartsWith("First\t0\t5\tB-", benLines[start + 1], StringComparison.Ordinal);
            var dropped = await File.ReadAllLinesAsync(Path.Combine(frame, "dropped.tsv"));
            Assert.StartsWith("# 1 span(s)", dropped[0], StringComparison.Ordinal);
            var row = dropped[2].Split('\t');
            Assert.Equal(ben.UserId, row[0]);
            Assert.Equal(Doc, row[1]);
            Assert.Equal("overlap", row[^1]);
            Assert.Equal("protest", row[3]); // "blockade" sorts first on the same stretch and is kept
            Assert.NotEqual(stacked.Id, row[2]);
            Assert.Contains("1 span(s) dropped", await File.ReadAllTextAsync(Path.Combine(frame, "README.txt")), StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
