using Annotate.Agreement.Spans;

namespace Annotate.Tests.Agreement;

public class UnitizingAlphaTests
{
    private static LabelledSpan S(string coder, int start, int end, string label = "x", string document = "") => new(document, coder, start, end, label);

    private static Continuum[] One(int length, int begin = 0) => [new("", begin, length)];

    // DKPro Agreement, UnitizingAgreementTest.testAgreement (Meyer & Habernal):
    //   r0: -11111111-   r1: --1-1-1---   on a continuum of 10.
    [Fact]
    public void Reproduces_DKPro_UnitizingAgreementTest_Example()
    {
        LabelledSpan[] spans = [S("0", 1, 9, "A"), S("1", 2, 3, "A"), S("1", 4, 5, "A"), S("1", 6, 7, "A")];

        var result = UnitizingAgreement.Alpha(spans, One(10), label: "A");

        Assert.Equal(0.9100, result.ObservedDisagreement, 0.0001);
        Assert.Equal(0.5351, result.ExpectedDisagreement, 0.0001);
        Assert.Equal(-0.7003, result.Alpha.Value, 0.0001);
    }

    // DKPro Agreement, UnitizingAgreementTest.testSingleAnnotationUnit: three coders, continuum 20, one unit [0, 1).
    // D_o = 2·(1 + 1) / (3·2·20²) = 1/600 and D_e = (2/20)·(19 + 20 + 20) / (60·59) = 1/600, so alpha is 0.
    [Fact]
    public void Reproduces_DKPro_Single_Unit_Gives_Zero()
    {
        var result = UnitizingAgreement.Alpha([S("0", 0, 1, "X")], One(20), ["0", "1", "2"]);

        Assert.Equal(1.0 / 600, result.ObservedDisagreement, 12);
        Assert.Equal(1.0 / 600, result.ExpectedDisagreement, 12);
        Assert.Equal(0.0, result.Alpha.Value, 9);
    }

    // DKPro Agreement, UnitizingAgreementTest.testEmptyAnnotationSet: NaN there; here NaN with a reason.
    [Fact]
    public void No_Spans_Is_Undefined_Not_One()
    {
        var result = UnitizingAgreement.Alpha([], One(20), ["0", "1", "2"]);

        Assert.False(result.Alpha.IsDefined);
        Assert.True(double.IsNaN(result.Alpha.Value));
        Assert.NotNull(result.Alpha.Undefined);
    }

    // Krippendorff (2004), Content Analysis 2nd ed., p. 254 worked example, as encoded in DKPro Agreement
    // Krippendorff2004Test.createExample: continuum [150, 450), observers i (0) and j (1), categories c and k.
    private static LabelledSpan[] Krippendorff2004 =>
    [
        S("0", 225, 295, "c"), S("0", 370, 400, "c"), S("1", 220, 300, "c"), S("1", 355, 375, "c"), S("1", 400, 420, "c"),
        S("0", 180, 240, "k"), S("0", 300, 350, "k"), S("1", 180, 240, "k"), S("1", 300, 350, "k"),
    ];

    [Fact]
    public void Reproduces_Krippendorff_2004_Example_Per_Category()
    {
        var byLabel = UnitizingAgreement.AlphaByLabel(Krippendorff2004, One(300, begin: 150));

        // DKPro Krippendorff2004Test.testCategoryAgreement (tolerance 0.0001).
        Assert.Equal(0.0144, byLabel["c"].ObservedDisagreement, 0.0001);
        Assert.Equal(0.0532, byLabel["c"].ExpectedDisagreement, 0.0001);
        Assert.Equal(0.7286, byLabel["c"].Alpha.Value, 0.0001);
        Assert.Equal(0.0000, byLabel["k"].ObservedDisagreement, 0.0001);
        Assert.Equal(0.0490, byLabel["k"].ExpectedDisagreement, 0.0001);
        Assert.Equal(1.0000, byLabel["k"].Alpha.Value, 0.0001);
    }

    [Fact]
    public void Reproduces_Krippendorff_2004_Example_Overall()
    {
        var result = UnitizingAgreement.Alpha(Krippendorff2004, One(300, begin: 150));

        // DKPro Krippendorff2004Test.testAgreement: the book's 0.8591 (tolerance 0.0005). 1 − mean D_o / mean D_e over
        // c and k, the way DKPro combines categories, gives 1 − 0.014444 / (0.053222 + 0.048979) = 0.8587.
        Assert.Equal(0.8591, result.Alpha.Value, 0.0005);
        Assert.Equal(0.8587, result.Alpha.Value, 0.0001);
    }

    // DKPro Krippendorff2004Test.testDistanceMetric2, Krippendorff (2004) p. 254: δ² of single pairs of segments.
    // With one unit per coder, D_o = 2·δ² / (2·1·L²), so D_o·L² is the distance itself.
    [Theory]
    [InlineData(225, 295, 220, 300, 50)] // both units: 5² + 5²
    [InlineData(370, 400, 355, 375, 850)] // both units: 15² + 25²
    [InlineData(0, 0, 400, 420, 400)] // j's unit [400, 420) inside i's gap: 20²
    public void Distance_Between_Two_Coders_Matches_Krippendorff_2004(int start0, int end0, int start1, int end1, double distance)
    {
        var spans = new List<LabelledSpan> { S("1", start1, end1, "c") };
        if (end0 > start0)
        {
            spans.Add(S("0", start0, end0, "c"));
        }

        var result = UnitizingAgreement.Alpha(spans, One(300, begin: 150), ["0", "1"]);

        Assert.Equal(distance, result.ObservedDisagreement * 300 * 300, 6);
    }

    // Krippendorff (1995), Sociological Methodology 25, p. 57 examples A–D (two coders each), as encoded in DKPro
    // Agreement Krippendorff1995Test.createExample(stretch): every offset and length multiplied by the stretch.
    // DKPro truncates each stretched offset and length to an integer: (int)(x · stretch). At stretch 0.5 that leaves
    // some of B's one-character units empty; they are left out (only C is checked at that stretch).
    private static (LabelledSpan[] Spans, Continuum[] Continua) Krippendorff1995(double stretch)
    {
        (int Start, int Length, string Coder, string Label)[] units =
        [
            (2, 8, "0", "A"), (14, 6, "0", "A"), (4, 4, "1", "A"), (15, 2, "1", "A"),
            (0, 18, "0", "B"), (0, 2, "1", "B"), (2, 1, "1", "B"), (3, 1, "1", "B"), (4, 1, "1", "B"), (5, 1, "1", "B"), (6, 3, "1", "B"), (9, 1, "1", "B"),
            (2, 6, "0", "C"), (10, 2, "0", "C"), (14, 4, "0", "C"), (20, 2, "0", "C"),
            (0, 2, "1", "C"), (4, 4, "1", "C"), (10, 4, "1", "C"), (16, 2, "1", "C"), (20, 2, "1", "C"),
            (0, 2, "0", "D"), (2, 8, "0", "D"), (10, 4, "0", "D"), (14, 6, "0", "D"), (20, 4, "0", "D"),
            (0, 4, "1", "D"), (4, 4, "1", "D"), (8, 7, "1", "D"), (15, 2, "1", "D"), (17, 7, "1", "D"),
        ];
        static int Stretch(int x, double stretch) => (int)(x * stretch);
        var spans = units.Select(u => S(u.Coder, Stretch(u.Start, stretch), Stretch(u.Start, stretch) + Stretch(u.Length, stretch), u.Label)).Where(s => s.End > s.Start).ToArray();
        return (spans, One(Stretch(24, stretch)));
    }

    // DKPro Krippendorff1995Test.testAgreement: D_o at stretch 1 (tolerance 0.00001).
    [Theory]
    [InlineData("A", 0.03125)]
    [InlineData("B", 2.26736)]
    [InlineData("C", 0.02777)]
    [InlineData("D", 0.38715)]
    public void Reproduces_Krippendorff_1995_Observed_Disagreement(string label, double expected)
    {
        var (spans, continua) = Krippendorff1995(1);

        var result = UnitizingAgreement.Alpha(spans, continua, label: label);

        Assert.Equal(expected, result.ObservedDisagreement, 0.00001);
    }

    // DKPro Krippendorff1995Test.testAgreement at stretch 50,000 (L = 1,200,000): the paper's D_e and alpha, which
    // DKPro matches only to 0.005 and 0.02 (its comment: a small error in the paper's D_e, fixed in Krippendorff 2004).
    // The second pair is what DKPro's definition (Krippendorff 2004's D_e) gives, checked to 4 decimals against a
    // literal exact-fraction evaluation of the formulas (as in Sweep_Matches_The_Definition_Computed_By_Brute_Force).
    [Theory]
    [InlineData("A", 0.06990, 0.553, 0.06990, 0.55295)]
    [InlineData("B", 1.17731, -0.926, 1.17578, -0.92838)]
    [InlineData("C", 0.08642, 0.679, 0.09050, 0.69308)]
    [InlineData("D", 0.41445, 0.066, 0.41445, 0.06587)]
    public void Reproduces_Krippendorff_1995_Expected_Disagreement_And_Alpha(string label, double paperExpected, double paperAlpha, double expected, double alpha)
    {
        var (spans, continua) = Krippendorff1995(50_000);

        var result = UnitizingAgreement.Alpha(spans, continua, label: label);

        Assert.Equal(paperExpected, result.ExpectedDisagreement, 0.005);
        Assert.Equal(paperAlpha, result.Alpha.Value, 0.02);
        Assert.Equal(expected, result.ExpectedDisagreement, 0.0001);
        Assert.Equal(alpha, result.Alpha.Value, 0.0001);
    }

    // DKPro Krippendorff1995Test.testVaryingLengths, example C at L = 12, 120, …, 120,000: D_o does not depend on the
    // stretch, D_e converges. DKPro's tolerances: D_e 0.00001 at L = 12 (its own exact value), else 0.005; alpha 0.02.
    [Theory]
    [InlineData(0.5, 0.05494, 0.00001, 0.494)]
    [InlineData(5, 0.08234, 0.005, 0.663)]
    [InlineData(50, 0.08600, 0.005, 0.677)]
    [InlineData(500, 0.08638, 0.005, 0.678)]
    [InlineData(5_000, 0.08642, 0.005, 0.679)]
    public void Reproduces_Krippendorff_1995_Varying_Lengths(double stretch, double expected, double tolerance, double alpha)
    {
        var (spans, continua) = Krippendorff1995(stretch);

        var result = UnitizingAgreement.Alpha(spans, continua, label: "C");

        Assert.Equal(0.02777, result.ObservedDisagreement, 0.00001);
        Assert.Equal(expected, result.ExpectedDisagreement, tolerance);
        Assert.Equal(alpha, result.Alpha.Value, 0.02);
    }

    // Worked by hand. L = 10, A marks [2, 6), B marks [3, 6).
    // D_o: one overlapping pair, δ² = (2 − 3)² + (6 − 6)² = 1, both orders: 2 / (2·1·10²) = 0.01.
    // D_e: N = 2 units (l = 4, 3), Σ l(l − 1) = 12 + 6 = 18; gaps A: 2, 4; B: 3, 4.
    //   l = 4: (2 − 1)(128 − 48 + 4)/3 = 28, gaps ≥ 4: (1 + 1)·16 = 32 → 60.
    //   l = 3: (54 − 27 + 3)/3 = 10, gaps ≥ 3: (1 + 2 + 2)·9 = 45 → 55.
    //   D_e = (2/10)·115 / (20·19 − 18) = 23/362. alpha = 1 − 0.01·362/23 = 969/1150 ≈ 0.8426.
    [Fact]
    public void Hand_Worked_Two_Coder_Example()
    {
        var result = UnitizingAgreement.Alpha([S("A", 2, 6), S("B", 3, 6)], One(10));

        Assert.Equal(0.01, result.ObservedDisagreement, 12);
        Assert.Equal(23.0 / 362, result.ExpectedDisagreement, 12);
        Assert.Equal(969.0 / 1150, result.Alpha.Value, 12);
    }

    [Fact]
    public void Perfect_Agreement_Gives_One()
    {
        LabelledSpan[] one = [S("A", 0, 5, "x", "d1"), S("A", 3, 9, "y", "d1"), S("A", 2, 4, "x", "d2")];
        var spans = one.Concat(one.Select(s => s with { Coder = "B" })).Concat(one.Select(s => s with { Coder = "C" })).ToArray();

        var result = UnitizingAgreement.Alpha(spans, [new("d1", 0, 20), new("d2", 0, 10)]);

        Assert.Equal(0, result.ObservedDisagreement);
        Assert.Equal(1, result.Alpha.Value, 12);
    }

    [Fact]
    public void Alpha_Does_Not_Depend_On_Coder_Order_Span_Order_Or_Continuum_Order()
    {
        var (spans, continua) = Krippendorff1995(3);
        var shuffled = spans.OrderBy(s => (s.Start * 7919) % 101).ToArray();
        Continuum[] twoDocuments = [new("b", 0, 30), new("a", 5, 72)];
        var both = spans.Select(s => s with { Document = "a", Start = s.Start + 5, End = s.End + 5 })
            .Concat(shuffled.Select(s => s with { Document = "b", Start = s.Start / 3, End = s.End / 3 }))
            .ToArray();

        var forward = UnitizingAgreement.Alpha(spans, continua, ["0", "1"]);
        var backward = UnitizingAgreement.Alpha(shuffled, continua, ["1", "0"]);
        var documents = UnitizingAgreement.Alpha(both, twoDocuments, ["0", "1"]);
        var documentsReversed = UnitizingAgreement.Alpha(both.Reverse().ToArray(), [.. twoDocuments.Reverse()], ["1", "0"]);

        Assert.Equal(forward.Alpha.Value, backward.Alpha.Value, 12);
        Assert.Equal(forward.ExpectedDisagreement, backward.ExpectedDisagreement, 12);
        Assert.Equal(documents.Alpha.Value, documentsReversed.Alpha.Value, 12);
    }

    [Fact]
    public void Documents_Are_Laid_End_To_End_So_Spans_Never_Pair_Across_Them()
    {
        // A marks [0, 5) in d1, B marks [0, 5) in d2: on the joined continuum (d1 then d2) these are [0, 5) and [10, 15).
        var separate = UnitizingAgreement.Alpha([S("A", 0, 5, document: "d1"), S("B", 0, 5, document: "d2")], [new("d2", 0, 10), new("d1", 0, 10)]);
        var joined = UnitizingAgreement.Alpha([S("A", 0, 5), S("B", 10, 15)], One(20));

        Assert.Equal(joined.ObservedDisagreement, separate.ObservedDisagreement, 12);
        Assert.Equal(joined.ExpectedDisagreement, separate.ExpectedDisagreement, 12);
        Assert.Equal(2.0 * (25 + 25) / (2 * 400), separate.ObservedDisagreement, 12); // each unit lies in the other's gap
    }

    [Fact]
    public void A_Listed_Coder_Without_Spans_Marked_Nothing()
    {
        LabelledSpan[] spans = [S("A", 2, 6), S("B", 2, 6)];

        var twoCoders = UnitizingAgreement.Alpha(spans, One(10));
        var withSilentCoder = UnitizingAgreement.Alpha(spans, One(10), ["A", "B", "C"]);

        Assert.Equal(1, twoCoders.Alpha.Value, 12);
        Assert.True(withSilentCoder.Alpha.Value < 1);
    }

    [Fact]
    public void Overlapping_Spans_Of_One_Coder_And_Label_Are_Merged_And_Counted()
    {
        LabelledSpan[] overlapping = [S("A", 2, 5), S("A", 4, 8), S("A", 4, 8), S("A", 8, 9), S("B", 2, 8), S("B", 3, 6, "y")];
        LabelledSpan[] union = [S("A", 2, 8), S("A", 8, 9), S("B", 2, 8), S("B", 3, 6, "y")];

        var merged = UnitizingAgreement.Alpha(overlapping, One(20));
        var expected = UnitizingAgreement.Alpha(union, One(20));

        // [2, 5) ∪ [4, 8) ∪ [4, 8) = [2, 8): two spans merged; [8, 9) only touches it and stays a unit of its own;
        // B's x and y overlap but are different categories, so nothing of B is merged.
        Assert.Equal(2, merged.MergedSpans);
        Assert.Equal(0, expected.MergedSpans);
        Assert.Equal(expected.Alpha.Value, merged.Alpha.Value, 12);
        Assert.Equal(2, UnitizingAgreement.AlphaByLabel(overlapping, One(20))["x"].MergedSpans);
    }

    [Fact]
    public void Overall_Alpha_Is_One_Minus_Mean_Observed_Over_Mean_Expected()
    {
        var byLabel = UnitizingAgreement.AlphaByLabel(Krippendorff2004, One(300, begin: 150));
        var overall = UnitizingAgreement.Alpha(Krippendorff2004, One(300, begin: 150));

        Assert.Equal(byLabel.Values.Average(r => r.ObservedDisagreement), overall.ObservedDisagreement, 12);
        Assert.Equal(byLabel.Values.Average(r => r.ExpectedDisagreement), overall.ExpectedDisagreement, 12);
        Assert.Equal(byLabel["c"].Alpha.Value, UnitizingAgreement.Alpha(Krippendorff2004, One(300, begin: 150), label: "c").Alpha.Value, 12);
    }

    [Fact]
    public void Undefined_Cases_Carry_A_Reason()
    {
        var oneCoder = UnitizingAgreement.Alpha([S("A", 0, 3)], One(10));
        var missingLabel = UnitizingAgreement.Alpha([S("A", 0, 3), S("B", 0, 3)], One(10), label: "nope");
        var noRoom = UnitizingAgreement.Alpha([S("A", 0, 1), S("B", 0, 1)], One(1)); // D_e = 0: one unit of length 1 fills L = 1

        Assert.All([oneCoder, missingLabel, noRoom], r => Assert.True(double.IsNaN(r.Alpha.Value)));
        Assert.Contains("two coders", oneCoder.Alpha.Undefined, StringComparison.Ordinal);
        Assert.Contains("nope", missingLabel.Alpha.Undefined, StringComparison.Ordinal);
        Assert.Contains("expected disagreement", noRoom.Alpha.Undefined, StringComparison.Ordinal);
    }

    [Fact]
    public void Spans_Outside_Their_Continuum_Or_On_Unknown_Documents_Are_Rejected()
    {
        var outside = Assert.Throws<ArgumentException>(() => UnitizingAgreement.Alpha([S("A", 5, 12), S("B", 0, 3)], One(10)));
        var before = Assert.Throws<ArgumentException>(() => UnitizingAgreement.Alpha([S("A", 2, 4)], One(10, begin: 3)));
        var unknown = Assert.Throws<ArgumentException>(() => UnitizingAgreement.Alpha([S("A", 0, 3, document: "elsewhere")], One(10)));

        Assert.Contains("outside document", outside.Message, StringComparison.Ordinal);
        Assert.Contains("outside document", before.Message, StringComparison.Ordinal);
        Assert.Contains("no continuum", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_Matches_The_Definition_Computed_By_Brute_Force()
    {
        var random = new Random(7);
        for (var round = 0; round < 30; round++)
        {
            var length = random.Next(5, 60);
            var coders = new[] { "A", "B", "C" }.Take(random.Next(2, 4)).ToArray();
            var spans = new List<LabelledSpan>();
            foreach (var coder in coders)
            {
                // Non-overlapping units with random gaps (possibly none) between them.
                var at = random.Next(0, 4);
                while (at < length)
                {
                    var end = Math.Min(length, at + random.Next(1, 8));
                    if (random.Next(3) > 0)
                    {
                        spans.Add(S(coder, at, end));
                    }

                    at = end + random.Next(0, 4);
                }
            }

            var result = UnitizingAgreement.Alpha(spans, One(length), coders);
            var (observed, expected) = BruteForce(spans, coders, length);

            Assert.Equal(observed, result.ObservedDisagreement, 12);
            Assert.Equal(expected, result.ExpectedDisagreement, 12);
        }
    }

    [Fact]
    public void Ten_Thousand_Spans_Over_A_Million_Characters_Are_Computed_Per_Label()
    {
        var random = new Random(11);
        var spans = new List<LabelledSpan>();
        string[] labels = ["claim", "premise", "rebuttal", "backing"];
        for (var c = 0; c < 5; c++)
        {
            for (var i = 0; i < 2_000; i++)
            {
                var start = random.Next(0, 999_000);
                spans.Add(S($"coder{c}", start, start + random.Next(1, 1_000), labels[random.Next(labels.Length)]));
            }
        }

        // Speed is measured by the BenchmarkDotNet benchmarks (docs/benchmarks.md), not here.
        var overall = UnitizingAgreement.Alpha(spans, One(1_000_000));
        var byLabel = UnitizingAgreement.AlphaByLabel(spans, One(1_000_000));

        Assert.True(overall.Alpha.IsDefined);
        Assert.Equal(4, byLabel.Count);
        Assert.True(overall.MergedSpans > 0); // random spans of one coder and label overlap: merged, and counted
    }

    /// <summary>
    /// Krippendorff's formulas read literally: every coder's continuum cut into units and gaps, δ² for every ordered
    /// pair of coders and every pair of segments, and D_e's double sum over units and gaps. Quadratic; small data only.
    /// </summary>
    private static (double Observed, double Expected) BruteForce(List<LabelledSpan> spans, string[] coders, int length)
    {
        var segments = coders.Select(c => Segments(spans.Where(s => s.Coder == c).Select(s => (s.Start, s.End)).Order().ToList(), length)).ToArray();
        double observed = 0;
        for (var i = 0; i < coders.Length; i++)
        {
            for (var j = 0; j < coders.Length; j++)
            {
                if (i == j)
                {
                    continue;
                }

                foreach (var g in segments[i])
                {
                    foreach (var h in segments[j])
                    {
                        observed += Delta(g, h);
                    }
                }
            }
        }

        var units = segments.SelectMany(s => s).Where(s => s.Unit).ToList();
        var gaps = segments.SelectMany(s => s).Where(s => !s.Unit).ToList();
        double sum = 0;
        foreach (var u in units)
        {
            double l = u.End - u.Start;
            sum += (units.Count - 1) * ((2 * l * l * l) - (3 * l * l) + l) / 3;
            sum += l * l * gaps.Where(g => g.End - g.Start >= l).Sum(g => g.End - g.Start - l + 1);
        }

        double ml = coders.Length * length;
        var squared = units.Sum(u => (double)(u.End - u.Start) * (u.End - u.Start - 1));
        return (observed / (coders.Length * (coders.Length - 1.0) * length * length), 2.0 / length * sum / ((ml * (ml - 1)) - squared));
    }

    private static List<(int Start, int End, bool Unit)> Segments(List<(int Start, int End)> units, int length)
    {
        var result = new List<(int, int, bool)>();
        var at = 0;
        foreach (var (start, end) in units)
        {
            if (start > at)
            {
                result.Add((at, start, false));
            }

            result.Add((start, end, true));
            at = end;
        }

        if (at < length)
        {
            result.Add((at, length, false));
        }

        return result;
    }

    // Krippendorff (2004, p. 254): two units that overlap: squared differences of their ends; a unit inside a gap:
    // its squared length; anything else: 0.
    private static double Delta((int Start, int End, bool Unit) g, (int Start, int End, bool Unit) h) => (g.Unit, h.Unit) switch
    {
        (true, true) when g.Start < h.End && h.Start < g.End => Math.Pow(g.Start - h.Start, 2) + Math.Pow(g.End - h.End, 2),
        (true, false) when h.Start <= g.Start && g.End <= h.End => Math.Pow(g.End - g.Start, 2),
        (false, true) when g.Start <= h.Start && h.End <= g.End => Math.Pow(h.End - h.Start, 2),
        _ => 0,
    };
}
