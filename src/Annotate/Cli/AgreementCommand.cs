using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Annotate.Agreement;

namespace Annotate.Cli;

/// <summary>
/// `annotate agreement FILE [--level …] [--categories A,B,C] [--format table|json]`: coding agreement of a
/// `unit,coder,value` CSV file. A public contract, documented in the README; exit code 2 for a malformed file.
/// </summary>
internal static class AgreementCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV file with the header unit,coder,value (other columns ignored; an empty value is a missing rating)." };
        var level = new Option<string>("--level") { Description = "nominal (labels), ordinal, interval or ratio (numbers).", DefaultValueFactory = _ => "nominal" };
        level.AcceptOnlyFromAmong("nominal", "ordinal", "interval", "ratio");
        var categories = new Option<string?>("--categories") { Description = "The full category set, in order, when some were never used (e.g. A,B,C).", HelpName = "A,B,C" };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("agreement", "Inter-annotator agreement of a ratings file: Krippendorff's alpha, kappas, AC1/AC2, per-category figures.")
        {
            file, level, categories, format,
        };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await io.Error.WriteLineAsync($"The file '{path.FullName}' does not exist.");
                return 2;
            }

            try
            {
                using var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                var rows = RatingsCsv.Read(reader);
                var declared = result.GetValue(categories)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var report = AgreementReport.For(rows, Enum.Parse<MeasurementLevel>(result.GetValue(level)!, ignoreCase: true), declared);
                await io.Output.WriteAsync(result.GetValue(format) == "json" ? JsonSerializer.Serialize(report, Json) + "\n" : Table(report));
                return 0;
            }
            catch (RatingsFileException ex)
            {
                await io.Error.WriteLineAsync($"{path.Name}: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string Table(AgreementReport r)
    {
        static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{r.Units} units, {r.Coders} coders, {r.PairableValues:0} pairable values, level {r.Level}");
        foreach (var (name, value) in new (string, double?)[]
        {
            ("Krippendorff's alpha", r.KrippendorffAlpha), ("Percent agreement", r.PercentAgreement), ("Cohen's kappa", r.CohenKappa),
            ("Cohen's kappa, linear", r.CohenKappaLinear), ("Cohen's kappa, quadratic", r.CohenKappaQuadratic), ("Scott's pi", r.ScottPi),
            ("Bennett's S", r.BennettS), ("Fleiss' kappa", r.FleissKappa), ("Randolph's kappa", r.RandolphKappa), ("Gwet's AC1", r.GwetAC1),
            ("Gwet's AC2, linear", r.GwetAC2Linear), ("Gwet's AC2, quadratic", r.GwetAC2Quadratic),
        })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-26} {F(value),7}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  (observed disagreement {r.ObservedDisagreement:0.000}, expected {r.ExpectedDisagreement:0.000})");
        text.AppendLine("Per category: positive agreement, alpha");
        foreach (var (category, figures) in r.PerCategory)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {category,-26} {F(figures.PositiveAgreement),7} {F(figures.Alpha),7}");
        }

        foreach (var note in r.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Note: {note}");
        }

        return text.ToString();
    }
}
