using Annotate.Agreement.Spans;

namespace Annotate.Tests.Agreement;

/// <summary>Span-level agreement on small hand-worked examples (the arithmetic is in each test).</summary>
public class SpanAgreementTests
{
    private static LabelledSpan S(string coder, int start, int end, string label, string document = "d") => new(document, coder, start, end, label);

    // A: x[0,5) y[10,20)   B: x[0,5) y[12,20) z[30,35)
    private static readonly LabelledSpan[] TwoCoders = [S("A", 0, 5, "x"), S("A", 10, 20, "y"), S("B", 0, 5, "x"), S("B", 12, 20, "y"), S("B", 30, 35, "z")];

    [Fact]
    public void Exact_F1_Counts_Only_Identical_Spans()
    {
        // One identical span; 2 + 3 spans: F1 = 2·1 / 5.
        var f1 = SpanAgreement.PairwiseF1(TwoCoders, SpanMatching.Exact);

        Assert.Equal(0.4, f1.F1.Value, 12);
        Assert.Equal(1, f1.Matches);
        Assert.Equal(5, f1.Spans);
    }

    [Fact]
    public void Overlap_F1_Matches_Same_Label_Spans_That_Share_Text()
    {
        // x↔x and y[10,20)↔y[12,20): F1 = 2·2 / 5.
        Assert.Equal(0.8, SpanAgreement.PairwiseF1(TwoCoders, SpanMatching.Overlap).F1.Value, 12);
    }

    [Fact]
    public void Per_Label_F1_Includes_Coders_Who_Never_Used_The_Label()
    {
        var byLabel = SpanAgreement.PairwiseF1ByLabel(TwoCoders, SpanMatching.Overlap);

        Assert.Equal(1.0, byLabel["x"].F1.Value, 12);
        Assert.Equal(1.0, byLabel["y"].F1.Value, 12);
        Assert.Equal(0.0, byLabel["z"].F1.Value, 12); // B's z against A's nothing: 0 / (0 + 1)
    }

    [Fact]
    public void A_Listed_Coder_Who_Marked_Nothing_Takes_Part()
    {
        // A and B mark the same span; C read the document and marked nothing. Pairs: A–B one match (2 spans),
        // A–C and B–C no match (1 span each): F1 = 2·1 / 4, and both of C's pairs count a miss.
        LabelledSpan[] spans = [S("A", 0, 5, "x"), S("B", 0, 5, "x")];
        var coders = new Dictionary<string, IReadOnlyCollection<string>> { ["d"] = ["A", "B", "C"] };

        Assert.Equal(1.0, SpanAgreement.PairwiseF1(spans, SpanMatching.Exact).F1.Value, 12);
        Assert.Equal(0.5, SpanAgreement.PairwiseF1(spans, SpanMatching.Exact, null, coders).F1.Value, 12);
        Assert.Equal(2, SpanAgreement.Disagreements(spans, coders).Missed);
    }

    [Fact]
    public void Disagreements_Are_Split_Into_Boundary_Label_Both_And_Missed()
    {
        LabelledSpan[] spans =
        [
            S("A", 0, 5, "x"), S("B", 0, 5, "x"),     // agreement
            S("A", 10, 20, "y"), S("B", 12, 20, "y"), // boundary
            S("A", 30, 35, "x"), S("B", 30, 35, "y"), // label
            S("A", 40, 45, "x"), S("B", 42, 48, "y"), // boundary and label
            S("B", 60, 65, "z"),                      // missed by A
        ];

        var d = SpanAgreement.Disagreements(spans);

        Assert.Equal(new SpanDisagreements(Agreements: 1, Boundary: 1, Label: 1, BoundaryAndLabel: 1, Missed: 1), d);
    }

    [Fact]
    public void A_Comparison_Pairs_Each_Span_With_The_Kind_Of_Difference_The_Disagreement_Counts_Use()
    {
        LabelledSpan[] reference = [S("K", 0, 5, "x"), S("K", 10, 20, "y"), S("K", 30, 35, "x"), S("K", 40, 45, "x"), S("K", 60, 65, "z")];
        LabelledSpan[] other = [S("A", 0, 5, "x"), S("A", 12, 20, "y"), S("A", 30, 35, "y"), S("A", 42, 48, "y"), S("A", 70, 75, "z")];

        var pairs = SpanComparison.Compare(reference, other).Select(d => (d.Kind, d.Reference?.Start, d.Other?.Start)).ToList();

        Assert.Equal(
        [
            (SpanDifferenceKind.Matched, 0, 0), (SpanDifferenceKind.Boundary, 10, 12), (SpanDifferenceKind.Label, 30, 30),
            (SpanDifferenceKind.BoundaryAndLabel, 40, 42), (SpanDifferenceKind.Missed, 60, null), (SpanDifferenceKind.Extra, null, 70),
        ], pairs.OrderBy(p => p.Kind).ToList());
    }

    [Fact]
    public void Stacked_Spans_Are_Kept_Not_Dropped()
    {
        // Both coders put two labels on the same stretch: both pairs match.
        LabelledSpan[] spans = [S("A", 0, 5, "x"), S("A", 0, 5, "y"), S("B", 0, 5, "y"), S("B", 0, 5, "x")];

        Assert.Equal(1.0, SpanAgreement.PairwiseF1(spans, SpanMatching.Exact).F1.Value, 12);
        Assert.Equal(2, SpanAgreement.Disagreements(spans).Agreements);
    }

    [Fact]
    public void A_Span_Marked_Twice_Matches_Once()
    {
        // A marked the same span twice, B once: 1 match over 3 spans, F1 = 2/3; the spare copy is a miss.
        LabelledSpan[] spans = [S("A", 0, 5, "x"), S("A", 0, 5, "x"), S("B", 0, 5, "x")];

        Assert.Equal(2.0 / 3, SpanAgreement.PairwiseF1(spans, SpanMatching.Exact).F1.Value, 12);
        Assert.Equal(1, SpanAgreement.Disagreements(spans).Missed);
    }

    [Fact]
    public void Three_Coders_Sum_Over_All_Three_Pairs()
    {
        // A, B and C agree on x[0,5); C also has y[10,12). AB: 1 match of 2 spans; AC and BC: 1 match of 3 each.
        // F1 = 2·3 / (2 + 3 + 3) = 0.75.
        LabelledSpan[] spans = [S("A", 0, 5, "x"), S("B", 0, 5, "x"), S("C", 0, 5, "x"), S("C", 10, 12, "y")];

        var f1 = SpanAgreement.PairwiseF1(spans, SpanMatching.Exact);

        Assert.Equal(3, f1.Matches);
        Assert.Equal(8, f1.Spans);
        Assert.Equal(0.75, f1.F1.Value, 12);
    }

    [Fact]
    public void Documents_Are_Compared_Separately()
    {
        // The same offsets in two documents are different spans.
        LabelledSpan[] spans = [S("A", 0, 5, "x", "one"), S("B", 0, 5, "x", "two")];

        Assert.Equal(0, SpanAgreement.PairwiseF1(spans, SpanMatching.Exact).Matches);
    }

    [Fact]
    public void Results_Do_Not_Depend_On_Input_Order()
    {
        var shuffled = TwoCoders.Reverse().ToArray();

        Assert.Equal(SpanAgreement.PairwiseF1(TwoCoders, SpanMatching.Overlap), SpanAgreement.PairwiseF1(shuffled, SpanMatching.Overlap));
        Assert.Equal(SpanAgreement.Disagreements(TwoCoders), SpanAgreement.Disagreements(shuffled));
    }

    [Fact]
    public void Without_Any_Span_F1_Is_Undefined()
    {
        var f1 = SpanAgreement.PairwiseF1([S("A", 0, 5, "x")], SpanMatching.Exact);

        Assert.False(f1.F1.IsDefined);
        Assert.NotNull(f1.F1.Undefined);
    }
}
