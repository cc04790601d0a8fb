using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

// Worked examples with published values. Each expected value names its source; values printed to 3 decimals are
// compared to 3 decimals, values printed to more are compared within 0.0005.
public class PublishedExamplesTests
{
    private const double Tolerance = 0.0005;

    [Fact]
    public void Fleiss_1971_Table_1_Has_Six_Ratings_Per_Patient()
    {
        Assert.Equal(30, PublishedData.Fleiss1971.Length);
        Assert.All(PublishedData.Fleiss1971, row => Assert.Equal(6, row.Sum()));
    }

    [Fact]
    public void Fleiss_Kappa_Reproduces_Fleiss_1971()
    {
        // Fleiss (1971), Psychological Bulletin 76(5): Table 1 (30 patients, 6 raters, 5 diagnoses); overall kappa = .430.
        var table = PublishedData.FromCounts(PublishedData.Fleiss1971, PublishedData.Diagnoses);

        var kappa = CodingAgreement.FleissKappa(table);

        Assert.Equal(0.430, kappa.Value, 3);
    }

    [Fact]
    public void Multirater_Coefficients_Reproduce_IrrCAC_On_The_First_15_Fleiss_Patients()
    {
        // irrCAC (Gwet) README, "Computing agreement coefficients from the distribution of raters": distrib.6raters
        // (= Fleiss 1971 rows 1–15) gives AC1 0.4448007, Fleiss' kappa 0.4139265, Krippendorff's alpha 0.4204384,
        // Brennan-Prediger 0.4388889; vignette "weighting", quadratic weights: AC2 0.4837438.
        var table = PublishedData.FromCounts(PublishedData.Fleiss1971[..15], PublishedData.Diagnoses);

        Assert.Equal(0.4448007, CodingAgreement.GwetAC1(table).Value, Tolerance);
        Assert.Equal(0.4139265, CodingAgreement.FleissKappa(table).Value, Tolerance);
        Assert.Equal(0.4204384, CodingAgreement.KrippendorffAlpha(table).Alpha.Value, Tolerance);
        Assert.Equal(0.4388889, CodingAgreement.BennettS(table).Value, Tolerance);
        Assert.Equal(0.4837438, CodingAgreement.GwetAC2(table, KappaWeighting.Quadratic).Value, Tolerance);
    }

    [Fact]
    public void Raw_Rating_Coefficients_Reproduce_IrrCAC_On_Gwet_2014_Page_120()
    {
        // irrCAC README, "Computing agreement coefficients from raw ratings": cac.raw4raters (Gwet 2014, Handbook, 4th ed.,
        // p. 120; the same 4 raters × 12 units as Krippendorff 2011) gives percent agreement 0.8181818, AC1 0.77544,
        // Fleiss' kappa 0.76117, Krippendorff's alpha 0.74342, Brennan-Prediger 0.77273;
        // vignette "weighting", quadratic weights: AC2 0.914.
        var table = ReliabilityData.Numeric(ReliabilityData.Krippendorff2011);

        Assert.Equal(0.8181818, CodingAgreement.PercentAgreement(table).Value, Tolerance);
        Assert.Equal(0.77544, CodingAgreement.GwetAC1(table).Value, Tolerance);
        Assert.Equal(0.76117, CodingAgreement.FleissKappa(table).Value, Tolerance);
        Assert.Equal(0.74342, CodingAgreement.KrippendorffAlpha(table).Alpha.Value, Tolerance);
        Assert.Equal(0.77273, CodingAgreement.BennettS(table).Value, Tolerance);
        Assert.Equal(0.914, CodingAgreement.GwetAC2(table, KappaWeighting.Quadratic).Value, 3);
    }

    [Fact]
    public void Two_Coder_Coefficients_Reproduce_IrrCAC_On_The_Abstractors_Table()
    {
        // irrCAC README, "Computing agreement Coefficients from Contingency tables": cont3x3abstractors (Gwet 2014) gives
        // Cohen's kappa 0.7964094, Scott's pi 0.7962397, AC1 0.8493305, Brennan-Prediger 0.835,
        // Krippendorff's alpha 0.7972585, percent agreement 0.89.
        var table = PublishedData.FromContingency(PublishedData.Abstractors, PublishedData.AbstractorCategories);

        Assert.Equal(0.7964094, CodingAgreement.CohenKappa(table).Value, Tolerance);
        Assert.Equal(0.7962397, CodingAgreement.ScottPi(table).Value, Tolerance);
        Assert.Equal(0.8493305, CodingAgreement.GwetAC1(table).Value, Tolerance);
        Assert.Equal(0.835, CodingAgreement.BennettS(table).Value, 3);
        Assert.Equal(0.7972585, CodingAgreement.KrippendorffAlpha(table).Alpha.Value, Tolerance);
        Assert.Equal(0.89, CodingAgreement.PercentAgreement(table).Value, 3);
    }

    [Fact]
    public void Quadratic_Weighted_Coefficients_Reproduce_IrrCAC_On_The_Abstractors_Table()
    {
        // irrCAC vignette "Weighted Chance-corrected Agreement Coefficients", quadratic weights on cont3x3abstractors:
        // Cohen's kappa 0.8921569, Gwet's AC2 0.9402369.
        var table = PublishedData.FromContingency(PublishedData.Abstractors, PublishedData.AbstractorCategories);

        Assert.Equal(0.8921569, CodingAgreement.CohenKappa(table, KappaWeighting.Quadratic).Value, Tolerance);
        Assert.Equal(0.9402369, CodingAgreement.GwetAC2(table, KappaWeighting.Quadratic).Value, Tolerance);
    }

    [Fact]
    public void Cohen_Kappa_Reproduces_Artstein_And_Poesio_Table_1()
    {
        // Artstein & Poesio (2008), Table 1 (STAT/IREQ, 100 utterances, A_o = 0.7); kappa 0.348 as asserted for this table
        // by scikit-learn's test_cohen_kappa (sklearn/metrics/tests/test_classification.py).
        var table = PublishedData.FromContingency(PublishedData.ArtsteinPoesioTable1, ["STAT", "IREQ"]);

        Assert.Equal(0.7, CodingAgreement.PercentAgreement(table).Value, 3);
        Assert.Equal(0.348, CodingAgreement.CohenKappa(table).Value, 3);
    }

    [Fact]
    public void Cohen_Kappa_Reproduces_Artstein_And_Poesio_Table_4()
    {
        // Artstein & Poesio (2008), Table 4 (STAT/IREQ/CHCK, 100 utterances); kappa 0.8013 as asserted for this table
        // by scikit-learn's test_cohen_kappa (4 decimals).
        var table = PublishedData.FromContingency(PublishedData.ArtsteinPoesioTable4, ["STAT", "IREQ", "CHCK"]);

        Assert.Equal(0.88, CodingAgreement.PercentAgreement(table).Value, 3);
        Assert.Equal(0.8013, CodingAgreement.CohenKappa(table).Value, Tolerance);
    }
}
