using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class RatingTableTests
{
    [Fact]
    public void Observed_Categories_Are_Sorted_And_Declared_Ones_Keep_Their_Order()
    {
        var observed = RatingTable.FromNominal([("u1", "x", "b"), ("u1", "y", "a"), ("u2", "x", "c")]);
        var declared = RatingTable.FromNominal([("u1", "x", "b"), ("u1", "y", "a")], ["low", "b", "a"]);
        var numeric = RatingTable.FromNumeric([("u1", "x", 10), ("u1", "y", 2.5)]);

        Assert.Equal(["a", "b", "c"], observed.Categories);
        Assert.False(observed.CategoriesDeclared);
        Assert.Equal(["low", "b", "a"], declared.Categories);
        Assert.Equal([2.5, 10], numeric.NumericCategories!);
        Assert.Equal(["2.5", "10"], numeric.Categories);
    }

    [Fact]
    public void Missing_Ratings_Are_Simply_Absent()
    {
        var table = RatingTable.FromNominal([("u1", "x", "a"), ("u1", "y", "a"), ("u2", "y", "b")]);

        Assert.Equal(2, table.UnitCount);
        Assert.Equal(2, table.CoderCount);
        Assert.Equal(3, table.RatingCount);
        Assert.Equal([(1, 1)], table.RatingsOf(1));
    }

    [Fact]
    public void From_Indices_Copies_The_Unit_Names_Unless_Told_To_Keep_Them()
    {
        IReadOnlyList<string> units = ["u1", "u2"];
        int[] unitOf = [1, 0, 1];
        int[] coderOf = [0, 0, 1];
        int[] categoryOf = [0, 1, 1];

        var copied = RatingTable.FromIndices(units, ["x", "y"], ["a", "b"], unitOf, coderOf, categoryOf);
        var kept = RatingTable.FromIndices(units, ["x", "y"], ["a", "b"], unitOf, coderOf, categoryOf, null, false, keepUnits: true);

        Assert.NotSame(units, copied.Units);
        Assert.Same(units, kept.Units);
        Assert.Equal([(0, 1)], kept.RatingsOf(0));
        Assert.Equal([(0, 0), (1, 1)], kept.RatingsOf(1));
        Assert.Throws<ArgumentException>(() => RatingTable.FromIndices(units, ["x"], ["a"], [0, 0], [0, 0], [0, 0], null, false, keepUnits: true));
    }

    [Fact]
    public void From_Indices_Can_Map_Value_Indices_To_Categories()
    {
        IReadOnlyList<string> units = ["u1", "u2", "u3"];
        int[] unitOf = [2, 0, 1, 0, 2];
        int[] coderOf = [0, 0, 1, 1, 1];
        int[] valueOf = [2, 0, 1, 1, 0];
        int[] categoryOfValue = [1, 2, 0];

        var mapped = RatingTable.FromIndices(units, ["x", "y"], ["a", "b", "c"], unitOf, coderOf, valueOf, null, false, keepUnits: true, categoryOfValue);
        var direct = RatingTable.FromIndices(units, ["x", "y"], ["a", "b", "c"], unitOf, coderOf, [.. valueOf.Select(v => categoryOfValue[v])]);

        for (var u = 0; u < 3; u++)
            Assert.Equal(direct.RatingsOf(u), mapped.RatingsOf(u));
        Assert.Equal([(0, 1), (1, 2)], mapped.RatingsOf(0));
        Assert.Throws<ArgumentException>(() => RatingTable.FromIndices(units, ["x", "y"], ["a", "b", "c"], unitOf, coderOf, valueOf, null, false, keepUnits: true, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => RatingTable.FromIndices(units, ["x", "y"], ["a", "b", "c"], unitOf, coderOf, valueOf, null, false, keepUnits: true, [1, 2]));
    }

    [Fact]
    public void A_Coder_Rating_A_Unit_Twice_Is_Rejected()
    {
        Assert.Throws<ArgumentException>(() => RatingTable.FromNominal([("u1", "x", "a"), ("u2", "x", "a"), ("u1", "x", "b")]));
    }

    [Fact]
    public void Values_Outside_The_Declared_Set_And_Non_Finite_Numbers_Are_Rejected()
    {
        Assert.Throws<ArgumentException>(() => RatingTable.FromNominal([("u1", "x", "z")], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => RatingTable.FromNumeric([("u1", "x", 4.0)], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => RatingTable.FromNumeric([("u1", "x", double.NaN)]));
    }
}
