using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

public class CategoryAgreementTests
{
    [Fact]
    public void Specific_Agreement_For_Two_Coders_Is_2a_Over_2a_Plus_b_Plus_c()
    {
        // negative: a = 2 joint uses, 1 disagreement → 4/5; positive: a = 1, 1 disagreement → 2/3; neutral: 1.
        var table = ReliabilityData.TwoCoders(
            ["negative", "positive", "negative", "neutral", "positive"], ["negative", "positive", "negative", "neutral", "negative"]);

        var figures = CodingAgreement.PerCategory(table).ToDictionary(f => f.Category);

        Assert.Equal(0.8, figures["negative"].SpecificAgreement.Value, 12);
        Assert.Equal(2.0 / 3, figures["positive"].SpecificAgreement.Value, 12);
        Assert.Equal(1, figures["neutral"].SpecificAgreement.Value, 12);
    }

    [Fact]
    public void Binarised_Alpha_Equals_Alpha_On_The_Recoded_Data()
    {
        var triples = ReliabilityData.Random(7, units: 50, coders: 4, categories: 4, missing: 0.3);

        var figures = CodingAgreement.PerCategory(RatingTable.FromNominal(triples));

        Assert.All(figures, f =>
        {
            var recoded = RatingTable.FromNominal(triples.Select(t => (t.Unit, t.Coder, t.Value == f.Category ? "yes" : "no")));
            Assert.Equal(CodingAgreement.KrippendorffAlpha(recoded).Alpha.Value, f.Alpha.Value, 12);
        });
    }

    [Fact]
    public void A_Declared_But_Unused_Category_Has_Undefined_Figures()
    {
        var table = ReliabilityData.TwoCoders(["a", "b", "a"], ["a", "b", "b"], ["a", "b", "c"]);

        var unused = CodingAgreement.PerCategory(table).Single(f => f.Category == "c");

        Assert.Equal(0, unused.PairableValues);
        Assert.False(unused.SpecificAgreement.IsDefined);
        Assert.False(unused.Alpha.IsDefined);
    }
}
