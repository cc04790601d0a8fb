using System.Globalization;
using Annotate.Agreement.Spans;
using Annotate.Agreement.Spans.Gamma;

namespace Annotate.Tests.Agreement;

public class GammaTests
{
    private static LabelledSpan S(string coder, int start, int end, string label = "x", string document = "") => new(document, coder, start, end, label);

    private static Continuum[] One(IEnumerable<LabelledSpan> spans) => [new("", 0, spans.Max(s => s.End))];

    private static GammaResult Gamma(LabelledSpan[] spans, GammaOptions? options = null, string[]? coders = null) =>
        GammaAgreement.Compute(spans, One(spans), options, coders is null ? null : new Dictionary<string, IReadOnlyCollection<string>> { [""] = coders });

    // The four categories of pygamma's tests, in the alphabetical order its matrices use: Alice, Bob, Carol, Jeremy.
    private static Func<string, string, double> Matrix(double[,] m)
    {
        string[] order = ["Alice", "Bob", "Carol", "Jeremy"];
        return (a, b) => m[Array.IndexOf(order, a), Array.IndexOf(order, b)];
    }

    // pygamma-agreement tests/test_alignement.py, test_best_alignment: liza, pierrot and hadrien, Δ∅ = 0.5, alpha = 3,
    // beta = 1 and a precomputed category matrix; pygamma's best alignment has disorder 0.43478875578596043.
    [Fact]
    public void Reproduces_Pygamma_Best_Alignment_Disorder()
    {
        LabelledSpan[] spans =
        [
            S("liza", 1, 5, "Carol"), S("liza", 6, 8, "Bob"), S("liza", 12, 18, "Carol"), S("liza", 7, 20, "Alice"),
            S("pierrot", 2, 6, "Carol"), S("pierrot", 7, 8, "Bob"), S("pierrot", 12, 18, "Alice"), S("pierrot", 8, 10, "Alice"), S("pierrot", 7, 19, "Jeremy"),
            S("hadrien", 1, 6, "Carol"), S("hadrien", 8, 10, "Alice"), S("hadrien", 7, 19, "Jeremy"), S("hadrien", 19, 20, "Alice"),
        ];
        var categories = Matrix(new[,] { { 0, 0.5, 0.3, 0.7 }, { 0.5, 0, 0.6, 0.4 }, { 0.3, 0.6, 0, 0.7 }, { 0.7, 0.4, 0.7, 0 } });

        var result = Gamma(spans, new GammaOptions(Alpha: 3, Beta: 1, DeltaEmpty: 0.5, CategoryDistance: categories, Samples: 5));

        Assert.Equal(0.43478875578596043, result.ObservedDisorder, 1e-5);
    }

    // pygamma-agreement tests/data/AlexPaulSuzan.csv (annotator, category, start, end), used by test_gammas.py and
    // test_sampler.py with alpha = 3, beta = 1, Δ∅ = 1.
    private static readonly LabelledSpan[] AlexPaulSuzan =
    [
        S("Alex", 2, 9, "1"), S("Alex", 11, 17, "2"), S("Alex", 24, 30, "5"), S("Alex", 32, 36, "6"), S("Alex", 36, 44, "6"), S("Alex", 44, 60, "7"),
        S("Paul", 2, 9, "1"), S("Paul", 11, 17, "3"), S("Paul", 19, 25, "5"), S("Paul", 32, 44, "6"),
        S("Suzan", 2, 9, "1"), S("Suzan", 11, 17, "4"), S("Suzan", 21, 27, "5"), S("Suzan", 32, 36, "6"), S("Suzan", 36, 40, "6"), S("Suzan", 40, 44, "6"),
    ];

    // test_gammas.py, test_gamma_alexpaulsuzan: 6 unitary alignments, disorder 0.96 (±1%), and with the shuffle sampler
    // (precision 5%) gamma between 0.44 and 0.47. Here with enough samples that the sampling error is well inside that.
    [Fact]
    public void Reproduces_Pygamma_AlexPaulSuzan_With_The_Shuffle_Sampler()
    {
        var result = Gamma(AlexPaulSuzan, new GammaOptions(Alpha: 3, Beta: 1, Samples: 2000, Seed: 4772, Sampler: GammaSampler.Shuffle));

        Assert.Equal(6, result.UnitaryAlignments);
        Assert.Equal(0.960625, result.ObservedDisorder, 1e-9); // pygamma: 0.96 ± 1%
        Assert.InRange(result.Gamma.Value, 0.44 - (3 * result.ExpectedStandardError), 0.47 + (3 * result.ExpectedStandardError));
    }

    // test_sampler.py, test_statistical_sampler: the same data with pygamma's default (statistical) sampler gives
    // gamma between 0.41 and 0.42.
    [Fact]
    public void Reproduces_Pygamma_AlexPaulSuzan_With_The_Statistical_Sampler()
    {
        var result = Gamma(AlexPaulSuzan, new GammaOptions(Alpha: 3, Beta: 1, Samples: 2000, Seed: 4778));

        var margin = 3 * result.ExpectedStandardError * result.ObservedDisorder / (result.ExpectedDisorder * result.ExpectedDisorder);
        Assert.InRange(result.Gamma.Value, 0.41 - margin - 0.01, 0.42 + margin + 0.01);
    }

    // test_gammas.py, test_gamma_3by100 (pygamma's default statistical sampler, 30 samples, alpha = 3, beta = 1):
    // 127 unitary alignments and gamma between 0.79 and 0.81. Observed disorder 0.343512 (exact search here); the
    // expected disorder is a sample mean, so gamma is checked within three standard errors of that range.
    [Fact]
    public void Reproduces_Pygamma_3by100()
    {
        var spans = GammaReferenceData.ThreeByHundred.SelectMany(coder => coder.Value.Split(' ').Select(unit =>
        {
            var (start, end) = (unit[1..].Split('-')[0], unit[1..].Split('-')[1]);
            return S(coder.Key, int.Parse(start, CultureInfo.InvariantCulture), int.Parse(end, CultureInfo.InvariantCulture), GammaReferenceData.Labels[unit[0]]);
        })).ToArray();

        var result = Gamma(spans, new GammaOptions(Alpha: 3, Beta: 1, Samples: 30, Seed: 4772));

        Assert.Equal(127, result.UnitaryAlignments);
        Assert.Equal(0.343512, result.ObservedDisorder, 1e-5);
        var margin = 3 * result.ExpectedStandardError * result.ObservedDisorder / (result.ExpectedDisorder * result.ExpectedDisorder);
        Assert.InRange(result.Gamma.Value, 0.79 - margin, 0.81 + margin);
    }

    // test_dissimilarity.py, test_positional_dissimilarity: every pair of liza's and pierrot's units with the positional
    // dissimilarity alone at Δ∅ = 0.5. With one unit each, the best alignment pairs them when that costs less than two
    // lone units (2·Δ∅ = 1), so the observed disorder is min(d, 1).
    [Fact]
    public void Reproduces_Pygamma_Positional_Dissimilarities()
    {
        (int, int)[] liza = [(1, 5), (6, 8), (7, 20), (12, 18)];
        (int, int)[] pierrot = [(2, 6), (7, 8), (7, 19), (8, 10), (12, 18)];
        double[] expected =
        [
            0.03125, 1.62, 0.78125, 2.0, 2.88, 0.5, 0.05555555555555555, 0.36734693877551017, 0.5, 2.0, 0.6245674740484429, 0.36734693877551017,
            0.0008, 0.26888888888888884, 0.06786703601108032, 2.4200000000000004, 2.2959183673469385, 0.05555555555555555, 1.125, 0.0,
        ];
        var i = 0;
        foreach (var (ls, le) in liza)
        {
            foreach (var (ps, pe) in pierrot)
            {
                var result = Gamma([S("liza", ls, le), S("pierrot", ps, pe)], new GammaOptions(Alpha: 1, Beta: 0, DeltaEmpty: 0.5, Samples: 2));
                Assert.Equal(Math.Min(expected[i++], 1.0), result.ObservedDisorder, 1e-9);
            }
        }
    }

    // test_dissimilarity.py, test_combi_categorical_dissimilarity: alpha = 3, beta = 1, Δ∅ = 0.5 and another matrix.
    [Fact]
    public void Reproduces_Pygamma_Combined_Dissimilarities()
    {
        (int, int, string)[] liza = [(1, 5, "Carol"), (6, 8, "Bob"), (7, 20, "Alice"), (12, 18, "Carol")];
        (int, int, string)[] pierrot = [(2, 6, "Carol"), (7, 8, "Bob"), (7, 19, "Jeremy"), (8, 10, "Alice"), (12, 18, "Alice")];
        double[] expected =
        [
            0.09375, 5.11, 2.69375, 6.15, 8.790000000000001, 1.75, 0.16666666666666666, 1.3020408163265305, 1.8, 6.3, 2.0237024221453286,
            1.4020408163265305, 0.3524, 0.8066666666666665, 0.20360110803324097, 7.260000000000002, 7.137755102040815, 0.5166666666666666, 3.525, 0.15,
        ];
        var categories = Matrix(new[,] { { 0, 0.6, 0.3, 0.7 }, { 0.6, 0, 0.5, 0.4 }, { 0.3, 0.5, 0, 0.7 }, { 0.7, 0.4, 0.7, 0 } });
        var i = 0;
        foreach (var (ls, le, ll) in liza)
        {
            foreach (var (ps, pe, pl) in pierrot)
            {
                var result = Gamma([S("liza", ls, le, ll), S("pierrot", ps, pe, pl)], new GammaOptions(Alpha: 3, Beta: 1, DeltaEmpty: 0.5, CategoryDistance: categories, Samples: 2));
                Assert.Equal(Math.Min(expected[i++], 1.0), result.ObservedDisorder, 1e-9);
            }
        }
    }

    // test_dissimilarity.py, test_categorical_dissimilarity: labels A and D at distance 0.7, Δ∅ = 0.5, alpha = 0: 0.35.
    [Fact]
    public void Category_Distance_Matrix_Is_Used_And_Scaled_By_Delta_Empty()
    {
        double Distance(string a, string b) => a == b ? 0 : (a, b) is ("A", "D") or ("D", "A") ? 0.7 : 0.5;

        var result = Gamma([S("Carol", 0, 1, "A"), S("John", 0, 1, "D")], new GammaOptions(Alpha: 0, Beta: 1, DeltaEmpty: 0.5, CategoryDistance: Distance, Samples: 2));

        Assert.Equal(0.35, result.ObservedDisorder, 1e-12);
    }

    [Fact]
    public void Category_Distance_Must_Be_A_Distance_In_Zero_To_One()
    {
        LabelledSpan[] spans = [S("a", 0, 1, "A"), S("b", 0, 1, "B")];

        Assert.Throws<ArgumentException>(() => Gamma(spans, new GammaOptions(CategoryDistance: (x, y) => x == y ? 0 : 2)));
        Assert.Throws<ArgumentException>(() => Gamma(spans, new GammaOptions(CategoryDistance: (x, y) => x == y ? 0 : x == "A" ? 0.2 : 0.3)));
        Assert.Throws<ArgumentException>(() => Gamma(spans, new GammaOptions(CategoryDistance: (_, _) => 0.5)));
    }

    [Fact]
    public void Identical_Annotations_Give_Exactly_One()
    {
        LabelledSpan[] spans = [.. new[] { "a", "b", "c" }.SelectMany(c => new[] { S(c, 0, 5, "X"), S(c, 7, 12, "Y"), S(c, 20, 30, "X") })];

        var result = Gamma(spans);

        Assert.Equal(0.0, result.ObservedDisorder);
        Assert.Equal(1.0, result.Gamma.Value);
        Assert.True(result.ExpectedDisorder > 0);
        Assert.Equal(30, result.Samples);
    }

    // A unit against ∅ costs Δ∅ per pair of annotators; one unit and one silent annotator: one unitary alignment of
    // disorder Δ∅, divided by the units per annotator (1/2), as pygamma normalises.
    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(0.5, 1.0)]
    public void A_Unit_Against_Empty_Costs_Delta_Empty(double deltaEmpty, double observed)
    {
        var result = Gamma([S("Martin", 0, 10, "15")], new GammaOptions(DeltaEmpty: deltaEmpty, Samples: 3), ["Martin", "Martino"]);

        Assert.Equal(observed, result.ObservedDisorder, 1e-12);
        Assert.Equal(1, result.UnitaryAlignments);
        Assert.True(result.Gamma.Value <= 0);
    }

    [Fact]
    public void Coder_Order_Does_Not_Matter()
    {
        var renamed = AlexPaulSuzan.Select(s => s with { Coder = s.Coder switch { "Alex" => "z", "Paul" => "a", _ => "m" } }).Reverse().ToArray();

        var one = Gamma(AlexPaulSuzan, new GammaOptions(Samples: 50, Seed: 3));
        var other = Gamma(renamed, new GammaOptions(Samples: 50, Seed: 3));

        Assert.Equal(one.ObservedDisorder, other.ObservedDisorder, 1e-12);
        Assert.Equal(one.ExpectedDisorder, other.ExpectedDisorder, 1e-9);
        Assert.Equal(one.Gamma.Value, other.Gamma.Value, 1e-9);
    }

    [Fact]
    public void Steps_In_Any_Order_Give_What_Compute_Gives_At_Any_Parallelism()
    {
        var options = new GammaOptions(Alpha: 3, Samples: 20, Seed: 5);
        var steps = GammaAgreement.Prepare(AlexPaulSuzan, One(AlexPaulSuzan), options);
        steps.Observe();
        for (var s = steps.Samples - 1; s >= 0; s--)
        {
            steps.Sample(s);
        }

        var stepped = steps.Result();
        var serial = GammaAgreement.Compute(AlexPaulSuzan, One(AlexPaulSuzan), options, limits: new GammaLimits(Parallelism: 1));
        var parallel = GammaAgreement.Compute(AlexPaulSuzan, One(AlexPaulSuzan), options, limits: new GammaLimits(Parallelism: 4));

        Assert.Equal(serial.Gamma.Value, stepped.Gamma.Value);
        Assert.Equal(serial.ExpectedStandardError, stepped.ExpectedStandardError);
        Assert.Equal(serial.Gamma.Value, parallel.Gamma.Value);
    }

    [Fact]
    public void Same_Seed_Same_Result_And_Samples_Report_Their_Precision()
    {
        var one = Gamma(AlexPaulSuzan, new GammaOptions(Samples: 40, Seed: 11));
        var again = Gamma(AlexPaulSuzan, new GammaOptions(Samples: 40, Seed: 11));
        var other = Gamma(AlexPaulSuzan, new GammaOptions(Samples: 40, Seed: 12));

        Assert.Equal(one.Gamma.Value, again.Gamma.Value);
        Assert.NotEqual(one.ExpectedDisorder, other.ExpectedDisorder);
        Assert.InRange(one.ExpectedStandardError, 1e-6, one.ExpectedDisorder / 2);
    }

    // Hand-checked: a [0,10) and b [1,11) overlap; c [0,10) matches a exactly. With Δ∅ = 1 and three annotators,
    // {a, b, c} costs (d(a,b) + d(a,c) + d(b,c)) / 3 = ((2/20)² + 0 + (2/20)²) / 3 = 0.02 / 3; pairing a with c and
    // leaving b alone costs (0 + 1 + 1) / 3 + 1 = 5/3. The best is the triple: observed (0.02/3) / (3/3).
    [Fact]
    public void Best_Alignment_Is_Hand_Checked_On_Three_Annotators()
    {
        var result = Gamma([S("a", 0, 10), S("b", 1, 11), S("c", 0, 10)], new GammaOptions(Samples: 2));

        Assert.Equal(0.02 / 3, result.ObservedDisorder, 1e-12);
        Assert.Equal(1, result.UnitaryAlignments);
    }

    // A greedy choice of the cheapest pair first is not optimal here: b1 fits a1 best, but b1 is also a2's only partner.
    // Exhaustive search over every partition of small random continua agrees with the exact search.
    [Fact]
    public void Best_Alignment_Equals_Exhaustive_Search_On_Small_Continua()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 60; trial++)
        {
            var coders = trial % 2 == 0 ? new[] { "a", "b", "c" } : ["a", "b"];
            var spans = new List<LabelledSpan>();
            foreach (var coder in coders)
            {
                for (var k = random.Next(1, coders.Length == 3 ? 4 : 5); k > 0; k--)
                {
                    var start = random.Next(0, 30);
                    spans.Add(S(coder, start, start + random.Next(1, 12), random.Next(2) == 0 ? "X" : "Y"));
                }
            }

            var distinct = spans.Distinct().ToArray();
            var options = new GammaOptions(Alpha: 1 + (trial % 3), Beta: 1, Samples: 2);

            var result = Gamma(distinct, options, coders);

            Assert.Equal(Exhaustive(distinct, coders, options), result.ObservedDisorder, 1e-9);
        }
    }

    // Every partition of the units into groups with at most one unit per coder; each group costs the mean over coder
    // pairs of d (Δ∅ for a missing side); the best total over the units per coder.
    private static double Exhaustive(LabelledSpan[] units, string[] coders, GammaOptions o)
    {
        double D(LabelledSpan a, LabelledSpan b)
        {
            var p = (Math.Abs(a.Start - b.Start) + Math.Abs(a.End - b.End)) / (double)(a.End - a.Start + b.End - b.Start);
            return (o.Alpha * p * p * o.DeltaEmpty) + (o.Beta * (a.Label == b.Label ? 0 : 1) * o.DeltaEmpty);
        }

        double Cost(List<LabelledSpan> group)
        {
            var pairs = coders.Length * (coders.Length - 1) / 2;
            var sum = 0.0;
            for (var i = 0; i < coders.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var a = group.FirstOrDefault(u => u.Coder == coders[i]);
                    var b = group.FirstOrDefault(u => u.Coder == coders[j]);
                    sum += a is null || b is null ? o.DeltaEmpty : D(a, b);
                }
            }

            return sum / pairs;
        }

        var best = double.PositiveInfinity;
        var groups = new List<List<LabelledSpan>>();
        void Place(int index, double total)
        {
            if (index == units.Length)
            {
                best = Math.Min(best, total + groups.Sum(Cost));
                return;
            }

            foreach (var group in groups.Where(g => g.All(u => u.Coder != units[index].Coder)).ToList())
            {
                group.Add(units[index]);
                Place(index + 1, total);
                group.RemoveAt(group.Count - 1);
            }

            groups.Add([units[index]]);
            Place(index + 1, total);
            groups.RemoveAt(groups.Count - 1);
        }

        Place(0, 0);
        return best / ((double)units.Length / coders.Length);
    }

    [Fact]
    public void Weights_Scale_Their_Part_Of_The_Dissimilarity()
    {
        // Same label, shifted: only the positional part, ((1 + 1) / 20)² = 0.01 per alpha.
        LabelledSpan[] shifted = [S("a", 0, 10, "X"), S("b", 1, 11, "X")];
        // Same extent, other label: only the categorical part, 1 per beta (below 2·Δ∅ when beta < 2).
        LabelledSpan[] relabelled = [S("a", 0, 10, "X"), S("b", 0, 10, "Y")];

        Assert.Equal(0.01, Gamma(shifted, new GammaOptions(Alpha: 1, Samples: 2)).ObservedDisorder, 1e-12);
        Assert.Equal(0.03, Gamma(shifted, new GammaOptions(Alpha: 3, Samples: 2)).ObservedDisorder, 1e-12);
        Assert.Equal(0.0, Gamma(shifted, new GammaOptions(Alpha: 0, Samples: 2)).ObservedDisorder, 1e-12);
        Assert.Equal(1.0, Gamma(relabelled, new GammaOptions(Beta: 1, Samples: 2)).ObservedDisorder, 1e-12);
        Assert.Equal(0.5, Gamma(relabelled, new GammaOptions(Beta: 0.5, Samples: 2)).ObservedDisorder, 1e-12);
        Assert.Equal(2.0, Gamma(relabelled, new GammaOptions(Beta: 3, Samples: 2)).ObservedDisorder, 1e-12); // two lone units are cheaper
    }

    [Fact]
    public void Documents_Pool_Their_Disorders_And_Never_Align_Across()
    {
        LabelledSpan[] first = [S("a", 0, 10, "X", "d1"), S("b", 1, 11, "X", "d1")];
        LabelledSpan[] second = [S("a", 0, 10, "X", "d2"), S("b", 0, 10, "Y", "d2"), S("a", 20, 30, "X", "d2"), S("b", 20, 30, "X", "d2")];
        Continuum[] continua = [new("d1", 0, 40), new("d2", 0, 40)];

        var result = GammaAgreement.Compute([.. first, .. second], continua, new GammaOptions(Samples: 2));

        // d1: 0.01 over 1 unit per coder; d2: 1 + 0 over 2 units per coder; pooled (0.01 + 1) / (1 + 2).
        Assert.Equal(1.01 / 3, result.ObservedDisorder, 1e-12);
        Assert.Equal(3, result.UnitaryAlignments);
    }

    [Fact]
    public void Undefined_Cases_Have_Reasons()
    {
        Assert.False(Gamma([S("a", 0, 5)]).Gamma.IsDefined);
        Assert.False(GammaAgreement.Compute([], [new("", 0, 10)]).Gamma.IsDefined);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gamma([S("a", 0, 5), S("b", 0, 5)], new GammaOptions(Samples: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gamma([S("a", 0, 5), S("b", 0, 5)], new GammaOptions(Alpha: -1)));
    }

    [Fact]
    public void A_Search_Past_Its_Limits_Is_Refused_With_A_Reason()
    {
        // Pure labels (alpha = 0): every unit is a neighbour of every other, so candidates grow as a product.
        LabelledSpan[] spans = [.. new[] { "a", "b", "c", "d" }.SelectMany(c => Enumerable.Range(0, 30).Select(i => S(c, i * 10, (i * 10) + 5, i % 2 == 0 ? "X" : "Y")))];

        var result = GammaAgreement.Compute(spans, One(spans), new GammaOptions(Alpha: 0, Samples: 2), limits: new GammaLimits(MaxCandidates: 10_000));

        Assert.False(result.Gamma.IsDefined);
        Assert.Contains("limits", result.Gamma.Undefined, StringComparison.Ordinal);
    }
    // A class of 40 marking the same words: every subset of their 40 identical units is a candidate (2^39 from the
    // first unit alone). The limit must stop the enumeration as it passes it, not after the first unit's subsets are
    // all listed (that took the test server's memory to 19 GB).
    [Fact]
    public async Task A_Crowd_On_One_Span_Is_Refused_As_Soon_As_The_Candidates_Pass_The_Limit()
    {
        LabelledSpan[] spans = [.. Enumerable.Range(0, 40).Select(c => S($"student{c}", 10, 20, "X"))];

        var result = await Task.Run(() => GammaAgreement.Compute(spans, One(spans), new GammaOptions(Samples: 2), limits: new GammaLimits(MaxCandidates: 100_000)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.Gamma.IsDefined);
        Assert.Contains("100,000 candidate", result.Gamma.Undefined, StringComparison.Ordinal);
    }
}
