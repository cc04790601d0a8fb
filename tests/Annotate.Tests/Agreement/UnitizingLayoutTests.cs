using Annotate.Agreement.Spans;

namespace Annotate.Tests.Agreement;

public class UnitizingLayoutTests
{
    // Random overlapping spans of four coders and three labels over three documents: one layout must give every
    // pair the alpha of the pair's own layout, bit for bit, and the overall and per-label figures of UnitizingAgreement.
    [Fact]
    public void Pair_Alpha_From_One_Layout_Equals_Each_Pairs_Own_Layout_To_The_Bit()
    {
        var random = new Random(23);
        Continuum[] continua = [new("d2", 0, 400), new("d1", 0, 300), new("d3", 10, 500)];
        string[] coders = ["a", "b", "c", "d"];
        var spans = new List<LabelledSpan>();
        foreach (var continuum in continua)
        {
            foreach (var coder in coders)
            {
                for (var i = 0; i < random.Next(0, 25); i++)
                {
                    var start = continuum.Begin + random.Next(0, continuum.Length - 20);
                    spans.Add(new LabelledSpan(continuum.Document, coder, start, start + random.Next(1, 20), $"l{random.Next(3)}"));
                }
            }
        }

        spans.Add(new LabelledSpan("d1", "d", 5, 9, "only-d"));
        var layout = UnitizingLayout.Build(spans, continua, coders);

        Assert.Equal(UnitizingAgreement.Alpha(spans, continua, coders), layout.Alpha());
        Assert.Equal(UnitizingAgreement.AlphaByLabel(spans, continua, coders), layout.AlphaByLabel());
        for (var i = 0; i < coders.Length; i++)
        {
            for (var j = i + 1; j < coders.Length; j++)
            {
                var own = UnitizingAgreement.Alpha(spans, continua, [coders[i], coders[j]]);
                var shared = layout.PairAlpha(coders[i], coders[j]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(own.Alpha.Value), BitConverter.DoubleToInt64Bits(shared.Alpha.Value));
                Assert.Equal(BitConverter.DoubleToInt64Bits(own.ObservedDisagreement), BitConverter.DoubleToInt64Bits(shared.ObservedDisagreement));
                Assert.Equal(BitConverter.DoubleToInt64Bits(own.ExpectedDisagreement), BitConverter.DoubleToInt64Bits(shared.ExpectedDisagreement));
                Assert.Equal(own.MergedSpans, shared.MergedSpans);
            }
        }
    }
}
