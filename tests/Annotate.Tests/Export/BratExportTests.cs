using System.Globalization;
using System.Text;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Export;

/// <summary>The brat export: code-point offsets that match the .txt even outside the BMP, fragments at line breaks.</summary>
public sealed class BratExportTests
{
    private const string Doc = "news.2026-03-04-non-bmp";

    [Fact]
    public async Task Every_Quote_Equals_The_Txt_Sliced_By_Code_Points_Even_Outside_The_BMP()
    {
        using var corpus = new CorpusFolder();
        corpus.Write("codebook.yaml", await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml")));
        corpus.Write("news/2026-03-04-non-bmp.md", CorpusFolder.Article("Non-BMP test", "𝔸 road 😀 closed at the pass.\n\nSecond 𝐓𝐡𝐞 paragraph here."));
        using var app = AnnotateApp.ForCorpus(corpus.Root);
        await using var ana = await HubUser.SignInAsync(app, "Ana");
        var text = await ExportTestData.TextAsync(ana.Http, Doc);
        int At(string s) => text.IndexOf(s, StringComparison.Ordinal);
        await ExportTestData.PutAsync(ana.Http, Doc, new { layer = "frame", label = "blockade", start = At("road"), end = At("road") + 4, note = "two\nlines" });
        await ExportTestData.PutAsync(ana.Http, Doc, new { layer = "frame", label = "security", start = At("😀"), end = At("😀 closed") + 9 });
        await ExportTestData.PutAsync(ana.Http, Doc, new { layer = "frame", label = "legal", start = At("pass."), end = At("Second") + 6 });
        await ExportTestData.PutAsync(ana.Http, Doc, new { layer = "source", label = "social-media", start = At("𝐓𝐡𝐞"), end = At("𝐓𝐡𝐞") + 6 });
        await ExportTestData.PutAsync(ana.Http, Doc, new { layer = "stance", label = "neutral" }, "labels");
        var folder = TempFolder.Create();
        try
        {
            var (exit, _, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "brat", "--out", Path.Combine(folder, "out"), "--db", app.DatabasePath);

            Assert.True(exit == 0, error);
            var brat = Path.Combine(folder, "out", "brat");
            var txt = await File.ReadAllTextAsync(Path.Combine(brat, ana.UserId, "news", "2026-03-04-non-bmp.txt"));
            Assert.Equal(text, txt);
            var points = txt.EnumerateRunes().Select(r => r.ToString()).ToArray(); // as Python indexes a str
            var lines = await File.ReadAllLinesAsync(Path.Combine(brat, ana.UserId, "news", "2026-03-04-non-bmp.ann"));
            var entities = lines.Where(l => l.StartsWith('T')).Select(l => l.Split('\t')).ToList();
            Assert.Equal(5, entities.Count);
            foreach (var entity in entities)
            {
                var fragments = entity[1].Split(' ', 2)[1].Split(';').Select(f => f.Split(' ').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray());
                Assert.Equal(entity[2], string.Join(' ', fragments.Select(f => string.Concat(points[f[0]..f[1]]))));
            }

            var road = entities.Single(e => e[1].StartsWith("frame__blockade ", StringComparison.Ordinal));
            var roadAt = text[..At("road")].EnumerateRunes().Count();
            Assert.Equal($"frame__blockade {roadAt} {roadAt + 4}", road[1]);
            Assert.NotEqual(At("road"), roadAt); // the non-BMP 𝔸 before it makes the two counts differ
            Assert.Contains(";", entities.Single(e => e[2] == "pass. Second")[1], StringComparison.Ordinal); // a fragment per line
            Assert.Contains(entities, e => e[1].StartsWith("stance__neutral ", StringComparison.Ordinal) && e[2] == "𝔸 road 😀 closed at the pass."); // document labels sit on the first line
            Assert.Contains(lines, l => l.EndsWith("\ttwo\\nlines", StringComparison.Ordinal) && l.StartsWith('#'));
            Assert.Contains("frame__protest", await File.ReadAllTextAsync(Path.Combine(brat, "annotation.conf")), StringComparison.Ordinal);
            Assert.Contains("bgColor:#", await File.ReadAllTextAsync(Path.Combine(brat, "visual.conf")), StringComparison.Ordinal);
            Assert.Contains($"{ana.UserId}\tAna", await File.ReadAllTextAsync(Path.Combine(brat, "annotators.tsv"), Encoding.UTF8), StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
