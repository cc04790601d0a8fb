using Annotate.Agreement;
using BenchmarkDotNet.Attributes;

namespace Annotate.Benchmarks;

/// <summary>
/// The agreement core at the scale: 1,000,000 ratings (200,000 units × 5 coders, 10 categories), with
/// about 10% of ratings missing so the incomplete-data paths are the ones measured.
/// </summary>
[MemoryDiagnoser]
public class AgreementBenchmarks
{
    private const int Units = 200_000;
    private const int Coders = 5;
    private const int Categories = 10;
    private List<(string Unit, string Coder, string Value)> nominalTriples = [];
    private RatingTable nominal = null!;
    private RatingTable numeric = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Fixed seed: each unit has a "true" category that coders pick 70% of the time.
        var random = new Random(20261129);
        var unitNames = Enumerable.Range(0, Units).Select(u => "u" + u.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var coderNames = Enumerable.Range(0, Coders).Select(c => "c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var categoryNames = Enumerable.Range(0, Categories).Select(k => "k" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var numericTriples = new List<(string, string, double)>(Units * Coders);
        for (var u = 0; u < Units; u++)
        {
            var truth = random.Next(Categories);
            for (var c = 0; c < Coders; c++)
            {
                if (random.NextDouble() < 0.1)
                {
                    continue;
                }

                var value = random.NextDouble() < 0.7 ? truth : random.Next(Categories);
                nominalTriples.Add((unitNames[u], coderNames[c], categoryNames[value]));
                numericTriples.Add((unitNames[u], coderNames[c], value));
            }
        }

        nominal = RatingTable.FromNominal(nominalTriples);
        numeric = RatingTable.FromNumeric(numericTriples);
    }

    /// <summary>How many ratings were generated (about 900,000 of the million cells).</summary>
    public int Ratings => nominal.RatingCount;

    [Benchmark]
    public RatingTable BuildTable() => RatingTable.FromNominal(nominalTriples);

    [Benchmark]
    public AlphaResult AlphaNominal() => CodingAgreement.KrippendorffAlpha(nominal);

    [Benchmark]
    public AlphaResult AlphaInterval() => CodingAgreement.KrippendorffAlpha(numeric, MeasurementLevel.Interval);

    [Benchmark]
    public AlphaResult AlphaOrdinal() => CodingAgreement.KrippendorffAlpha(numeric, MeasurementLevel.Ordinal);

    [Benchmark]
    public Coefficient FleissKappa() => CodingAgreement.FleissKappa(nominal);

    /// <summary>1,000 bootstrap samples of ordinal alpha (Hayes &amp; Krippendorff 2007).</summary>
    [Benchmark]
    public AlphaInterval? BootstrapOrdinal() => CodingAgreement.KrippendorffAlphaBootstrap(numeric, MeasurementLevel.Ordinal, 1000);
}
