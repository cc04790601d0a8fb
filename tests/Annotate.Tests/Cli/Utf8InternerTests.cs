using System.Text;
using Annotate.AgreementReports;

namespace Annotate.Tests.Cli;

/// <summary>
/// The reader's interner (Utf8Interner): ids in order of first appearance, names made only when read, and room
/// reserved ahead without clearing, which must never show stale bytes.
/// </summary>
public sealed class Utf8InternerTests
{
    private static int Id(Utf8Interner interner, string text) => interner.Id(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Ids_Follow_First_Appearance_And_Names_Follow_Ids()
    {
        var interner = new Utf8Interner();
        string[] texts = ["u1", "a-long-unit-name-of-30-bytes!!", "u1", "été", "", "a-long-unit-name-of-30-bytes!?", "é"];

        var ids = texts.Select(t => Id(interner, t)).ToArray();

        Assert.Equal([0, 1, 0, 2, 3, 4, 5], ids);
        Assert.Equal(["u1", "a-long-unit-name-of-30-bytes!!", "été", "", "a-long-unit-name-of-30-bytes!?", "é"], interner.Names);
    }

    [Fact]
    public void Names_Read_Early_Grow_With_Texts_Added_Later()
    {
        var interner = new Utf8Interner();
        Id(interner, "first");
        var names = interner.Names;
        Assert.Equal("first", names[0]);

        for (var i = 0; i < 1000; i++)
            Id(interner, $"unit {i}");

        Assert.Equal(1001, names.Count);
        Assert.Equal("unit 999", names[1000]);
        Assert.Same(names[1000], names[1000]); // made once
        Assert.Throws<ArgumentOutOfRangeException>(() => names[1001]);
    }

    [Fact]
    public void Reserved_Room_Never_Shows_Stale_Bytes_And_Overflows_Safely()
    {
        // A reused array may hold anything: room reserved uninitialized must only ever be read where written.
        var interner = new Utf8Interner();
        Id(interner, "kept before reserving");
        interner.Reserve(ids: 3, bytes: 8);
        interner.Reserve(ids: 100_000, bytes: 10);
        var texts = Enumerable.Range(0, 5000).Select(i => $"unit-{i}-{new string('x', i % 40)}").ToArray();

        var ids = texts.Select(t => Id(interner, t)).ToArray();

        Assert.Equal(Enumerable.Range(1, 5000), ids);
        Assert.Equal(texts, interner.Names.Skip(1));
        Assert.Equal("kept before reserving", interner.Names[0]);
        Assert.Equal(texts.Sum(t => t.Length) + "kept before reserving".Length, interner.ByteCount);
        Assert.Equal(ids, texts.Select(t => Id(interner, t)));
    }
}
