using Annotate.Export;

namespace Annotate.Tests.Export;

/// <summary>The UTF-16 ⇄ code point converter the code point formats (and import) use.</summary>
public sealed class CodePointsTests
{
    private const string Text = "𝔸 road 😀 closed";

    [Fact]
    public void Offsets_Past_Characters_Outside_The_Basic_Multilingual_Plane_Shift_Back_And_Forth()
    {
        var points = CodePoints.FromUtf16(Text, [17, 0, 11, 3, 8, 10]);
        var units = CodePoints.ToUtf16(Text, [15, 0, 9, 2, 7, 8]);

        Assert.Equal([(0, 0), (3, 2), (8, 7), (10, 8), (11, 9), (17, 15)], points.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.Equal([(0, 0), (2, 3), (7, 8), (8, 10), (9, 11), (15, 17)], units.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.Equal(15, CodePoints.Length(Text));
        Assert.False(CodePoints.SameAsUtf16(Text));
        Assert.True(CodePoints.SameAsUtf16("Čelmar"));
        Assert.Equal(4, CodePoints.FromUtf16("Čelmar", [4])[4]);
    }

    [Fact]
    public void Offsets_Beyond_The_Text_Are_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.FromUtf16(Text, [18]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.ToUtf16(Text, [16]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.ToUtf16("abc", [-1]));
    }
}
