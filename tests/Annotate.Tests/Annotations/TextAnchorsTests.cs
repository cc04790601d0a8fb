using Annotate.Annotations;
using Annotate.Corpus;

namespace Annotate.Tests.Annotations;

public class TextAnchorsTests
{
    private static readonly Block[] OneBlock = [new Block(0, "paragraph", 0, 0, int.MaxValue)];

    [Fact]
    public void Quote_Prefix_And_Suffix_Are_Taken_Around_The_Span()
    {
        var anchor = TextAnchors.At("Dalmor calls it a blockade; Varenia calls it a protest.", 18, 26);

        Assert.Equal("blockade", anchor.Quote);
        Assert.Equal("Dalmor calls it a ", anchor.Prefix);
        Assert.Equal("; Varenia calls it a protest.", anchor.Suffix);
    }

    [Fact]
    public void Context_Never_Starts_Or_Ends_Inside_A_Surrogate_Pair()
    {
        var text = new string('a', 10) + "🚧" + new string('b', 31) + "X" + new string('c', 31) + "🚛" + "d";
        var x = text.IndexOf('X', StringComparison.Ordinal);

        var anchor = TextAnchors.At(text, x, x + 1);

        Assert.False(char.IsLowSurrogate(anchor.Prefix[0]));
        Assert.False(char.IsHighSurrogate(anchor.Suffix[^1]));
    }

    [Theory]
    [InlineData("a🚧b", 2, false)]   // between the two halves of U+1F6A7
    [InlineData("a🚧b", 1, true)]
    [InlineData("a🚧b", 3, true)]
    [InlineData("e\u0301x", 1, false)] // before a combining acute accent
    [InlineData("e\u0301x", 2, true)]
    [InlineData("👨‍👩‍👧!", 3, false)]   // inside a ZWJ family emoji
    [InlineData("👨‍👩‍👧!", 8, true)]
    public void Character_Boundaries_Respect_Surrogates_Combining_Marks_And_Emoji_Sequences(string text, int offset, bool expected)
    {
        Assert.Equal(expected, TextAnchors.IsCharacterBoundary(text, OneBlock, offset));
    }

    [Fact]
    public void Reanchoring_Finds_A_Span_That_Moved()
    {
        var old = TextAnchors.At("The road closure began on Monday.", 9, 16);

        var moved = TextAnchors.Reanchor("Residents say the road closure began early on Monday.", old.Quote, old.Prefix, old.Suffix, old.Start);

        Assert.NotNull(moved);
        Assert.Equal("closure", moved.Quote);
        Assert.Equal(23, moved.Start);
    }

    [Fact]
    public void Reanchoring_Picks_The_Occurrence_Whose_Context_Matches()
    {
        const string text = "A protest in Čelmar. Later, a protest in Hadrick.";
        var second = text.LastIndexOf("protest", StringComparison.Ordinal);
        var old = TextAnchors.At(text, second, second + 7);

        var moved = TextAnchors.Reanchor("Intro. " + text, old.Quote, old.Prefix, old.Suffix, old.Start);

        Assert.Equal(second + 7, moved!.Start);
    }

    [Fact]
    public void Reanchoring_Handles_Non_Bmp_Quotes()
    {
        var old = TextAnchors.At("Day 5 🚧 on the pass 🚛🚛", 6, 8);

        var moved = TextAnchors.Reanchor("Update: day 5 🚧 on the pass 🚛🚛", old.Quote, old.Prefix, old.Suffix, old.Start);

        Assert.Equal("🚧", moved!.Quote);
        Assert.Equal(14, moved.Start);
    }

    [Fact]
    public void A_Quote_That_Is_Gone_Cannot_Be_Reanchored()
    {
        var old = TextAnchors.At("They call it a blockade.", 15, 23);

        Assert.Null(TextAnchors.Reanchor("They call it a protest.", old.Quote, old.Prefix, old.Suffix, old.Start));
    }
}
