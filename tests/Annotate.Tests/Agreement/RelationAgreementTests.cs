using Annotate.Agreement.Relations;

namespace Annotate.Tests.Agreement;

/// <summary>Relation agreement (F1 per type and overall, alpha over types) on a hand-worked example and its properties.</summary>
public class RelationAgreementTests
{
    private static readonly RelationEnd S1 = new(0, 5, "claim"), S2 = new(10, 15, "source"), S3 = new(20, 25, "claim"), S3b = new(21, 25, "claim"), S4 = new(30, 35, "source");

    private static LabelledRelation R(string coder, string type, RelationEnd source, RelationEnd target, string document = "d") =>
        new(document, coder, type, source, target, Directed: type != "with");

    // The worked example (one document, annotators A and B; "with" is undirected, the others directed):
    //   A: said-by S1→S2, said-by S3→S4,  with S1–S4, said-by S2→S4
    //   B: said-by S1→S2, said-by S3b→S4, with S4–S1, said-by S4→S2, denies S2→S4
    // said-by: exact S1→S2 only (S3 ≠ S3b; S2→S4 and S4→S2 point opposite ways): 1 match; overlap adds S3→S4 ~ S3b→S4
    //   (4 + 5 shared positions): 2 matches; 3 + 3 relations: F1 exact 2/6, overlap 4/6.
    // with: S1–S4 and S4–S1 are the same undirected link: 1 match of 1 + 1: F1 1.
    // denies: B's alone: 0 of 0 + 1: F1 0.
    // Overall (micro): exact 2·2/9 = 4/9, overlap 2·3/9 = 6/9.
    // Alpha over types: endpoint pairs both related are (S1,S2) said-by/said-by, {S1,S4} with/with, (S2,S4) said-by/denies
    //   (S3→S4, S3b→S4 and S4→S2 one annotator each). Coincidences: o(sb,sb) = 2, o(w,w) = 2, o(sb,d) = o(d,sb) = 1;
    //   n_d = 1, n_sb = 3, n_w = 2, n = 6. D_o = 2/6; D_e = 2·(1·3 + 1·2 + 3·2)/(6·5) = 22/30; α = 1 − (1/3)/(11/15) = 6/11.
    private static readonly LabelledRelation[] Example =
    [
        R("A", "said-by", S1, S2), R("A", "said-by", S3, S4), R("A", "with", S1, S4), R("A", "said-by", S2, S4),
        R("B", "said-by", S1, S2), R("B", "said-by", S3b, S4), R("B", "with", S4, S1), R("B", "said-by", S4, S2), R("B", "denies", S2, S4),
    ];

    [Fact]
    public void The_Worked_Example_Gives_The_Hand_Computed_F1_Per_Type_And_Overall()
    {
        var result = RelationAgreement.Compute(Example);

        Assert.Equal(9, result.Relations);
        Assert.Equal(4.0 / 9, result.Exact.F1.Value, 12);
        Assert.Equal(6.0 / 9, result.Overlap.F1.Value, 12);
        var byType = result.ByType.ToDictionary(t => t.Type);
        Assert.Equal(["denies", "said-by", "with"], result.ByType.Select(t => t.Type));
        Assert.Equal(2.0 / 6, byType["said-by"].Exact.F1.Value, 12);
        Assert.Equal(4.0 / 6, byType["said-by"].Overlap.F1.Value, 12);
        Assert.Equal(6, byType["said-by"].Relations);
        Assert.Equal(1.0, byType["with"].Exact.F1.Value, 12);
        Assert.Equal(0.0, byType["denies"].Overlap.F1.Value, 12);
    }

    [Fact]
    public void The_Worked_Example_Gives_The_Hand_Computed_Alpha_Over_Types()
    {
        var result = RelationAgreement.Compute(Example);

        Assert.Equal(3, result.SharedPairs);
        Assert.Equal(6.0 / 11, result.Alpha.Value, 12);
        Assert.Equal(2.0 / 6, result.TypeAlpha.ObservedDisagreement, 12);
        Assert.Equal(22.0 / 30, result.TypeAlpha.ExpectedDisagreement, 12);
    }

    [Fact]
    public void A_Directed_Relation_Drawn_The_Other_Way_Does_Not_Match_But_An_Undirected_One_Does()
    {
        var directed = RelationAgreement.Compute([R("A", "said-by", S1, S2), R("B", "said-by", S2, S1)]);
        var undirected = RelationAgreement.Compute([R("A", "with", S1, S2), R("B", "with", S2, S1)]);

        Assert.Equal(0.0, directed.Exact.F1.Value);
        Assert.Equal(0.0, directed.Overlap.F1.Value);
        Assert.Equal(1.0, undirected.Exact.F1.Value);
        Assert.Equal(1.0, undirected.Overlap.F1.Value);
    }

    [Fact]
    public void Overlap_Matching_Is_One_To_One()
    {
        // A's one relation overlaps both of B's: one match, F1 = 2·1 / (1 + 2).
        var result = RelationAgreement.Compute([R("A", "said-by", S3, S4), R("B", "said-by", S3, S4), R("B", "said-by", S3b, S4)]);

        Assert.Equal(1, result.Overlap.Matches);
        Assert.Equal(2.0 / 3, result.Overlap.F1.Value, 12);
    }

    [Fact]
    public void End_Labels_Count_Only_When_Asked()
    {
        var relabelled = new RelationEnd(S2.Start, S2.End, "other");
        LabelledRelation[] relations = [R("A", "said-by", S1, S2), R("B", "said-by", S1, relabelled)];

        Assert.Equal(1.0, RelationAgreement.Compute(relations).Exact.F1.Value);
        Assert.Equal(0.0, RelationAgreement.Compute(relations, endLabels: true).Exact.F1.Value);
        Assert.Equal(0.0, RelationAgreement.Compute(relations, endLabels: true).Overlap.F1.Value);
    }

    [Fact]
    public void An_Annotator_Who_Drew_No_Relation_On_A_Document_They_Annotated_Misses_Them_All()
    {
        var coders = new Dictionary<string, IReadOnlyCollection<string>> { ["d"] = ["A", "B", "C"] };
        // Pairs A–B (1 match of 2), A–C (0 of 1), B–C (0 of 1): F1 = 2·1 / 4.
        var result = RelationAgreement.Compute([R("A", "said-by", S1, S2), R("B", "said-by", S1, S2)], coders);

        Assert.Equal(3, result.CoderPairs);
        Assert.Equal(0.5, result.Exact.F1.Value, 12);
    }

    [Fact]
    public void Relations_Never_Match_Across_Documents()
    {
        var result = RelationAgreement.Compute([R("A", "said-by", S1, S2, "d1"), R("B", "said-by", S1, S2, "d2"), R("B", "said-by", S1, S2, "d1"), R("A", "said-by", S1, S2, "d2")]);

        Assert.Equal(1.0, result.Exact.F1.Value);
        Assert.Equal(4, result.Exact.Counted);
        Assert.Equal(2, result.SharedPairs);
    }

    [Fact]
    public void Identical_Annotators_Agree_Perfectly()
    {
        var one = Example.Where(r => r.Coder == "A").ToList();
        var copies = one.Concat(one.Select(r => r with { Coder = "B" })).Concat(one.Select(r => r with { Coder = "C" })).ToList();

        var result = RelationAgreement.Compute(copies);

        Assert.Equal(1.0, result.Exact.F1.Value);
        Assert.Equal(1.0, result.Overlap.F1.Value);
        Assert.All(result.ByType, t => Assert.Equal(1.0, t.Overlap.F1.Value));
        Assert.Equal(1.0, result.Alpha.Value);
    }

    [Fact]
    public void The_Order_Of_Annotators_And_Relations_Changes_Nothing()
    {
        var random = new Random(17);
        for (var round = 0; round < 40; round++)
        {
            var relations = RandomRelations(random);
            var names = new[] { "A", "B", "C", "D" };
            var renamed = names.OrderBy(_ => random.Next()).ToArray();
            var shuffled = relations.Select(r => r with { Coder = renamed[Array.IndexOf(names, r.Coder)] }).OrderBy(_ => random.Next()).ToList();

            var expected = RelationAgreement.Compute(relations);
            var actual = RelationAgreement.Compute(shuffled);

            Assert.Equal(expected.Exact.Matches, actual.Exact.Matches);
            Assert.Equal(expected.Overlap.Matches, actual.Overlap.Matches);
            Assert.Equal(expected.Exact.Counted, actual.Exact.Counted);
            Assert.Equal(expected.ByType.Select(t => (t.Type, t.Exact.Matches, t.Overlap.Matches)), actual.ByType.Select(t => (t.Type, t.Exact.Matches, t.Overlap.Matches)));
            Assert.Equal(expected.SharedPairs, actual.SharedPairs);
            Assert.Equal(expected.Alpha.Value, actual.Alpha.Value, 12);
        }
    }

    [Fact]
    public void No_Relations_Leave_Every_Figure_Undefined_With_The_Reason()
    {
        var result = RelationAgreement.Compute([], new Dictionary<string, IReadOnlyCollection<string>> { ["d"] = ["A", "B"] });

        Assert.True(double.IsNaN(result.Exact.F1.Value));
        Assert.Equal("no relations", result.Exact.F1.Undefined);
        Assert.Equal("no relations", result.Alpha.Undefined);
        Assert.Empty(result.ByType);
    }

    [Fact]
    public void One_Annotator_Leaves_Every_Figure_Undefined_With_The_Reason()
    {
        var result = RelationAgreement.Compute(Example.Where(r => r.Coder == "A").ToList());

        Assert.False(result.Overlap.F1.IsDefined);
        Assert.Contains("fewer than two annotators", result.Overlap.F1.Undefined, StringComparison.Ordinal);
        Assert.Contains("fewer than two annotators", result.Alpha.Undefined, StringComparison.Ordinal);
        Assert.All(result.ByType, t => Assert.False(t.Exact.F1.IsDefined));
    }

    [Fact]
    public void Without_A_Pair_Both_Related_Alpha_Is_Undefined_But_F1_Is_Zero()
    {
        var result = RelationAgreement.Compute([R("A", "said-by", S1, S2), R("B", "said-by", S3, S4)]);

        Assert.Equal(0.0, result.Exact.F1.Value);
        Assert.Equal(0, result.SharedPairs);
        Assert.Equal("no endpoint pair was related by two or more annotators", result.Alpha.Undefined);
    }

    [Fact]
    public void Pieces_Summed_Document_By_Document_Give_The_Figures_Of_All_At_Once()
    {
        var random = new Random(5);
        var relations = RandomRelations(random).Select(r => r with { Document = random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        var sum = new RelationAgreementSum();
        foreach (var document in relations.GroupBy(r => r.Document).OrderBy(g => g.Key, StringComparer.Ordinal))
            sum.Add(RelationAgreement.Piece(document.ToList(), []));

        var whole = RelationAgreement.Compute(relations);
        var summed = sum.Result();

        Assert.Equal(whole.Overlap.Matches, summed.Overlap.Matches);
        Assert.Equal(whole.Exact.Counted, summed.Exact.Counted);
        Assert.Equal(whole.Alpha.Value, summed.Alpha.Value);
    }

    private static List<LabelledRelation> RandomRelations(Random random)
    {
        // Few positions and types, so that exact matches, overlaps, reversed links and shared pairs all happen.
        RelationEnd End() => random.Next(4) switch { 0 => S1, 1 => S2, 2 => S3, _ => random.Next(2) == 0 ? S3b : S4 };
        string[] types = ["said-by", "denies", "with"];
        return [.. Enumerable.Range(0, 30).Select(_ => R(new[] { "A", "B", "C", "D" }[random.Next(4)], types[random.Next(3)], End(), End()))];
    }
}
