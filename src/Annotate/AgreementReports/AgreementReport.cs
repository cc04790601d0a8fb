using System.Text.Json.Serialization;
using Annotate.Agreement;

namespace Annotate.AgreementReports;

/// <summary>Agreement on one category, as `annotate agreement --format json` prints it.</summary>
public sealed record CategoryFigures(double? PositiveAgreement, double? Alpha);

/// <summary>Bootstrap intervals by coefficient: { "krippendorffAlpha": [low, high] }.</summary>
public sealed record IntervalFigures(double[] KrippendorffAlpha);

/// <summary>
/// The coding-agreement report of `annotate agreement FILE`: a public contract (README). A coefficient that does not
/// apply to the data is null, and <see cref="Notes"/> says why.
/// </summary>
public sealed record AgreementReport(
    int Units,
    int Coders,
    double PairableValues,
    string Level,
    double? PercentAgreement,
    double? KrippendorffAlpha,
    double ObservedDisagreement,
    double ExpectedDisagreement,
    double? CohenKappa,
    double? CohenKappaLinear,
    double? CohenKappaQuadratic,
    double? ScottPi,
    double? BennettS,
    double? FleissKappa,
    double? RandolphKappa,
    double? GwetAC1,
    double? GwetAC2Linear,
    double? GwetAC2Quadratic,
    IReadOnlyDictionary<string, CategoryFigures> PerCategory,
    IReadOnlyList<string> Notes)
{
    /// <summary>The 95% bootstrap interval of alpha (Hayes &amp; Krippendorff 2007), when asked for with --bootstrap.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalFigures? Ci95 { get; init; }

    /// <summary>
    /// The difference function alpha used: the level's name, or "custom" for `--distance` (the command line says;
    /// other reports leave it out).
    /// </summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Distance { get; init; }

    /// <summary>With custom distances: the name of the file they came from.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DistanceFile { get; init; }

    /// <summary>
    /// With custom distances: Cohen's kappa weighted by them. Present only then; when undefined it holds NaN, which
    /// is written as null (and a note says why), so the key is there whenever distances were given.
    /// </summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CohenKappaWeighted { get; init; }

    /// <summary>With custom distances: Gwet's AC2 with agreement weights 1 − d / max d; as <see cref="CohenKappaWeighted"/>.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? GwetAC2Weighted { get; init; }

    /// <summary>The coincidence matrix behind alpha; the agreement view shows it, the command line leaves it out.</summary>
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MatrixFigures? Coincidence { get; init; }

    /// <summary>Computes every coefficient that applies; a numeric level needs numeric values.</summary>
    internal static AgreementReport For(IReadOnlyList<RatingRow> rows, MeasurementLevel level, IReadOnlyList<string>? categories,
        int? bootstrap = null, bool withCoincidences = false) =>
        For(RatingColumns.From(rows), level, categories, bootstrap, withCoincidences);

    /// <summary>Computes every coefficient that applies, from ratings interned into integers (a ratings file).</summary>
    /// <param name="distances">The user's distances between nominal categories, used by alpha, weighted kappa and AC2.</param>
    internal static AgreementReport For(RatingColumns ratings, MeasurementLevel level, IReadOnlyList<string>? categories,
        int? bootstrap = null, bool withCoincidences = false, CategoryDistances? distances = null)
    {
        var notes = new List<string>();
        var table = RatingTables.Build(ratings, level, categories);
        Cli.StageTimings.Current?.Mark("table");
        if (distances?.MissingPair(table.Categories) is { } missing)
        {
            throw new RatingsFileException(
                $"--distance gives no distance between '{missing.A}' and '{missing.B}'; every pair of the categories in use{(categories is null ? "" : " and declared")} needs one.");
        }

        double? Take(string name, Coefficient c)
        {
            if (c.IsDefined)
            {
                return c.Value;
            }

            notes.Add($"{name}: {c.Undefined}");
            return null;
        }

        // The coefficients below are independent: on a large table these run on a second thread while this
        // one computes alpha, the per-category figures and percent agreement.
        var ahead = CoefficientsAhead.Start(table,
            () => CodingAgreement.CohenKappa(table),
            () => CodingAgreement.ScottPi(table),
            () => CodingAgreement.BennettS(table),
            () => CodingAgreement.FleissKappa(table),
            () => CodingAgreement.RandolphKappa(table),
            () => CodingAgreement.GwetAC1(table));
        var alpha = distances is null ? CodingAgreement.KrippendorffAlpha(table, level) : CodingAgreement.KrippendorffAlpha(table, distances);
        var numeric = level != MeasurementLevel.Nominal;
        double? Weighted(string name, Func<Coefficient> compute)
        {
            if (numeric)
            {
                return Take(name, compute());
            }

            notes.Add($"{name}: weights need ordered values; use --level ordinal, interval or ratio.");
            return null;
        }

        var perCategory = CodingAgreement.PerCategory(table).ToDictionary(c => c.Category,
            c => new CategoryFigures(c.SpecificAgreement.IsDefined ? c.SpecificAgreement.Value : null, c.Alpha.IsDefined ? c.Alpha.Value : null), StringComparer.Ordinal);
        return new AgreementReport(
            table.UnitCount, table.CoderCount, alpha.Coincidences.Total, level.ToString().ToLowerInvariant(),
            Take("percentAgreement", CodingAgreement.PercentAgreement(table)),
            Take("krippendorffAlpha", alpha.Alpha), alpha.ObservedDisagreement, alpha.ExpectedDisagreement,
            Take("cohenKappa", ahead.Get(0)),
            Weighted("cohenKappaLinear", () => CodingAgreement.CohenKappa(table, KappaWeighting.Linear)),
            Weighted("cohenKappaQuadratic", () => CodingAgreement.CohenKappa(table, KappaWeighting.Quadratic)),
            Take("scottPi", ahead.Get(1)),
            Take("bennettS", ahead.Get(2)),
            Take("fleissKappa", ahead.Get(3)),
            Take("randolphKappa", ahead.Get(4)),
            Take("gwetAC1", ahead.Get(5)),
            Weighted("gwetAC2Linear", () => CodingAgreement.GwetAC2(table, KappaWeighting.Linear)),
            Weighted("gwetAC2Quadratic", () => CodingAgreement.GwetAC2(table, KappaWeighting.Quadratic)),
            perCategory, notes)
        {
            Ci95 = bootstrap is { } samples && alpha.Alpha.IsDefined && Bootstrap(table, level, distances, samples) is { } ci
                ? new IntervalFigures([ci.Low, ci.High])
                : null,
            CohenKappaWeighted = distances is null ? null : Take("cohenKappaWeighted", CodingAgreement.CohenKappa(table, distances)) ?? double.NaN,
            GwetAC2Weighted = distances is null ? null : Take("gwetAC2Weighted", CodingAgreement.GwetAC2(table, distances)) ?? double.NaN,
            Coincidence = withCoincidences ? MatrixFigures.From(alpha.Coincidences) : null,
        };
    }

    private static AlphaInterval? Bootstrap(RatingTable table, MeasurementLevel level, CategoryDistances? distances, int samples) =>
        distances is null
            ? CodingAgreement.KrippendorffAlphaBootstrap(table, level, samples)
            : CodingAgreement.KrippendorffAlphaBootstrap(table, distances, samples);
}
