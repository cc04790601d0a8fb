using Annotate.AgreementReports;

namespace Annotate.Tests.Cli;

/// <summary>
/// A coder who rates a unit twice is an error naming the first such rating in line order and the line of the earlier
/// one: up to 64 coders a bit per coder and unit tells whether there is any; more coders take the bucketing alone.
/// </summary>
public sealed class RatingsDuplicateTests
{
    // Ratings in a shuffled order (units coming back far apart), each (unit, coder) once, then some repeated.
    private static List<(string Unit, string Coder, int Line)> Ratings(int coders, int duplicates, int seed)
    {
        var random = new Random(seed);
        var pairs = (from u in Enumerable.Range(0, 50) from c in Enumerable.Range(0, coders) where random.Next(3) > 0 select (u, c)).ToList();
        for (var d = 0; d < duplicates; d++)
            pairs.Insert(random.Next(pairs.Count / 2, pairs.Count + 1), pairs[random.Next(pairs.Count / 2)]);
        if (!pairs.Contains((49, coders - 1)))
            pairs.Add((49, coders - 1)); // the last coder's bit too
        return [.. pairs.OrderBy(_ => random.Next()).Select((p, i) => ($"u{p.u}", $"c{p.c}", i + 2))];
    }

    private static (int, int, string, string)? Expected(List<(string Unit, string Coder, int Line)> ratings)
    {
        var first = new Dictionary<(string, string), int>();
        foreach (var (unit, coder, line) in ratings)
        {
            if (!first.TryAdd((unit, coder), line))
                return (line, first[(unit, coder)], unit, coder);
        }

        return null;
    }

    private static RatingColumns Columns(List<(string Unit, string Coder, int Line)> ratings)
    {
        var columns = new RatingColumns();
        foreach (var (unit, coder, line) in ratings)
            columns.Add(line, unit, coder, "x");
        return columns;
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(3, 2)]
    [InlineData(63, 0)]
    [InlineData(64, 0)]
    [InlineData(64, 1)]
    [InlineData(65, 0)]
    [InlineData(65, 3)]
    [InlineData(130, 2)]
    public void The_First_Duplicate_Is_The_Earliest_Repeated_Pair(int coders, int duplicates)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var ratings = Ratings(coders, duplicates, seed);

            var found = Columns(ratings).FirstDuplicate();

            Assert.Equal(Expected(ratings), found);
        }
    }

    [Fact]
    public void The_Last_Of_64_Coders_Rating_Twice_Is_Found()
    {
        var ratings = Enumerable.Range(0, 64).Select(c => ("u1", $"c{c}", c + 2)).Append(("u1", "c63", 66)).ToList();

        Assert.Equal((66, 65, "u1", "c63"), Columns(ratings).FirstDuplicate());
    }
}
