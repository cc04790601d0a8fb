using Annotate.Agreement;
using Annotate.Agreement.Spans;

namespace Annotate.Tests.Agreement;

public class TokenAlphaTests
{
    // Four one-character tokens: "a b c d".
    private static readonly Token[] Tokens = [new("d", 0, 1), new("d", 2, 3), new("d", 4, 5), new("d", 6, 7)];

    private static LabelledSpan S(string coder, int start, int end, string label) => new("d", coder, start, end, label);

    [Fact]
    public void Each_Token_Takes_The_Label_Covering_It_Or_None()
    {
        // A: x over tokens 0-1; B: x over token 0. Values: (x,x) (x,none) (none,none) (none,none).
        // Coincidences: o_xx = 2, o_x·none = o_none·x = 1, o_none·none = 4; n_x = 3, n_none = 5, n = 8.
        // D_o = 2/8, D_e = 2·3·5 / (8·7) = 30/56, alpha = 1 − (2/8)/(30/56) = 8/15.
        var alpha = TokenAgreement.Alpha([S("A", 0, 3, "x"), S("B", 0, 1, "x")], Tokens);

        Assert.Equal(8.0 / 15, alpha.Alpha.Value, 12);
    }

    [Fact]
    public void Stacked_Labels_Form_Their_Own_Value_Instead_Of_Being_Dropped()
    {
        LabelledSpan[] spans = [S("A", 0, 1, "x"), S("A", 0, 1, "y"), S("B", 0, 1, "y"), S("B", 0, 1, "x"), S("A", 2, 3, "x"), S("B", 2, 3, "y")];

        var overall = TokenAgreement.Alpha(spans, Tokens);
        var onlyX = TokenAgreement.Alpha(spans, Tokens, "x");

        // Token 0 is "x+y" for both; token 1 is x against y: overall they disagree there, as they do on x alone.
        Assert.True(overall.Alpha.Value < 1);
        Assert.Contains("x+y", overall.Coincidences.Categories);
        Assert.True(onlyX.Alpha.Value < 1);
    }

    [Fact]
    public void Perfect_Token_Agreement_Gives_One()
    {
        var alpha = TokenAgreement.Alpha([S("A", 0, 3, "x"), S("B", 2, 3, "x"), S("B", 0, 1, "x")], Tokens);

        Assert.Equal(1.0, alpha.Alpha.Value, 12);
    }

    [Fact]
    public void Ratings_Built_Once_Give_The_Same_Figures_For_Labels_Subsets_And_Pairs()
    {
        LabelledSpan[] spans = [S("A", 0, 3, "x"), S("A", 0, 1, "y"), S("B", 0, 1, "x"), S("B", 4, 7, "y"), S("C", 2, 5, "x"), S("C", 6, 7, "y")];
        var ratings = TokenRatings.Build(spans, Tokens);

        foreach (var label in new[] { "x", "y" })
        {
            Assert.Equal(TokenAgreement.Alpha(spans, Tokens, label).Alpha.Value, ratings.ForLabel(label).Alpha().Alpha.Value, 12);
        }

        var pair = spans.Where(s => s.Coder is "A" or "C").ToList();
        Assert.Equal(TokenAgreement.Alpha(pair, Tokens).Alpha.Value, ratings.Alpha(["A", "C"]).Alpha.Value, 12);
        Assert.Equal(TokenAgreement.Alpha(pair, Tokens).Alpha.Value, ratings.PairAlpha("A", "C").Value, 12);
        Assert.Equal(ratings.Table().Categories, ratings.Alpha().Coincidences.Categories);
    }

    [Fact]
    public void Someone_Who_Read_A_Document_And_Marked_Nothing_Gives_Its_Tokens_None()
    {
        var coders = new Dictionary<string, IReadOnlyCollection<string>> { ["d"] = ["A", "B"] };

        var ratings = TokenRatings.Build([S("A", 0, 1, "x")], Tokens, coders);

        // A: x none none none; B: none ×4. o_x·none = 1 each way, o_none·none = 6; n = 8, n_x = 1, n_none = 7.
        // D_o = 2/8, D_e = 2·1·7 / (8·7) = 14/56; alpha = 1 − (2/8)/(14/56) = 0.
        Assert.Equal(["A", "B"], ratings.Coders);
        Assert.Equal(0, ratings.Alpha().Alpha.Value, 12);
    }

    [Fact]
    public void Coincidences_Summed_Over_Documents_Give_The_Alpha_Of_All_Documents_Together()
    {
        Token[] second = [new("e", 0, 1), new("e", 2, 3), new("e", 4, 5)];
        LabelledSpan[] spans = [S("A", 0, 3, "x"), S("B", 0, 1, "x"), new("e", "A", 0, 3, "y"), new("e", "B", 2, 5, "y"), new("e", "C", 4, 5, "x")];
        var first = TokenRatings.Build(spans.Where(s => s.Document == "d").ToList(), Tokens);
        var other = TokenRatings.Build(spans.Where(s => s.Document == "e").ToList(), second);
        var together = TokenRatings.Build(spans, [.. Tokens, .. second]);

        var summed = CodingAgreement.KrippendorffAlpha(CoincidenceMatrix.Sum([first.Coincidences(), other.Coincidences()]));

        Assert.Equal(together.Alpha().Alpha.Value, summed.Alpha.Value, 12);
        Assert.Equal(together.Alpha().Coincidences.Categories, summed.Coincidences.Categories);
        Assert.Equal(together.Alpha().Alpha.Value, TokenRatings.Concat([first, other]).Alpha().Alpha.Value, 12);
        Assert.Equal(together.ForLabel("y").Alpha().Alpha.Value, TokenRatings.Concat([first.ForLabel("y"), other.ForLabel("y")]).Alpha().Alpha.Value, 12);
    }
}
