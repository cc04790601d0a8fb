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
}
