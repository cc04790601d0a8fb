using System.CommandLine;
using System.Text;
using System.Text.Json;
using Annotate.Agreement;
using Annotate.Agreement.Spans;
using Annotate.AgreementReports;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Hosting;
using Annotate.Projects;

namespace Annotate.Cli;

/// <summary>
/// `annotate agreement FILE | --spans FILE | --relations FILE | --project P`: agreement of a ratings file, a spans
/// file, a relations file, or a project in the database (one at a time: each prints its own report). A public contract, documented in the README; exit code 2 for bad input, with the line and problem.
/// </summary>
internal static class AgreementCommand
{
    private static readonly JsonSerializerOptions Json = AgreementJson.Options;

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A CSV file with the header unit,coder,value (other columns ignored; an empty value is a missing rating).", Arity = ArgumentArity.ZeroOrOne };
        var level = new Option<string?>("--level") { Description = "nominal (labels, the default), ordinal, interval or ratio (numbers)." };
        level.AcceptOnlyFromAmong("nominal", "ordinal", "interval", "ratio");
        var categories = new Option<string?>("--categories") { Description = "The full category set, in order, when some were never used (e.g. A,B,C).", HelpName = "A,B,C" };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var bootstrap = new Option<int?>("--bootstrap") { Description = "Bootstrap samples for a 95% interval of alpha (Hayes & Krippendorff 2007), 100 to 1,000,000.", HelpName = "N" };
        var spans = new Option<FileInfo?>("--spans") { Description = "A CSV file of spans with the header doc,coder,start,end,label (start inclusive, end exclusive).", HelpName = "FILE" };
        var length = new Option<int?>("--length") { Description = "With --spans: the length of every document's continuum (default: up to its last span's end).", HelpName = "N" };
        var begin = new Option<int>("--begin") { Description = "With --spans: where every continuum begins (default 0).", HelpName = "B", DefaultValueFactory = _ => 0 };
        var relations = new Option<FileInfo?>("--relations") { Description = "A CSV file of relations between spans with the header doc,coder,type,source_start,source_end,source_label,target_start,target_end,target_label[,directed].", HelpName = "FILE" };
        var endLabels = new Option<bool>("--end-labels") { Description = "With --relations: the ends' span labels must match too, not only their offsets." };
        var project = new Option<string?>("--project") { Description = "Everything for a project, straight from the database (see --db).", HelpName = "P" };
        var db = new Option<string?>("--db") { Description = "With --project: the SQLite database file or postgres://… server (default: data/annotate.db).", HelpName = "PATH|URL" };
        var groupBy = new Option<string?>("--group-by") { Description = "With --project: compare perspective groups formed by this annotator attribute.", HelpName = "ATTRIBUTE" };
        var gamma = new GammaCliOptions();
        var distance = new Option<FileInfo?>("--distance") { Description = "With a ratings FILE: a CSV a,b,distance of distances between categories, used by alpha (as δ², not squared), weighted kappa and AC2.", HelpName = "MATRIX.csv" };
        var command = new Command("agreement", "Inter-annotator agreement: Krippendorff's alpha, kappas, AC1/AC2 of a ratings file; unitizing alpha, span F1 and token alpha of spans; relation F1 and alpha over types of relations; or all of it for a project.")
        {
            file, level, categories, format, bootstrap, spans, length, begin, relations, endLabels, project, db, groupBy, distance,
        };
        foreach (var option in gamma.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var json = result.GetValue(format) == "json";
            var samples = result.GetValue(bootstrap);
            if (samples is < 100 or > 1_000_000)
            {
                return await FailAsync(io, $"--bootstrap takes 100 to 1,000,000 samples; {samples} was given.");
            }

            var modes = new[] { result.GetValue(file) is not null, result.GetValue(spans) is not null, result.GetValue(relations) is not null, result.GetValue(project) is not null }.Count(m => m);
            if (modes != 1)
            {
                return await FailAsync(io, "Give exactly one of: a ratings FILE, --spans FILE, --relations FILE, or --project P.");
            }

            if (result.GetValue(endLabels) && result.GetValue(relations) is null)
            {
                return await FailAsync(io, "--end-labels goes with --relations FILE.");
            }

            var (gammaOptions, gammaError) = gamma.Read(result, result.GetValue(spans) is not null);
            if (gammaError is not null)
            {
                return await FailAsync(io, gammaError);
            }

            try
            {
                if (result.GetValue(distance) is not null && result.GetValue(file) is null)
                {
                    return await FailAsync(io, "--distance goes with a ratings FILE, not with --spans, --relations or --project.");
                }

                if (result.GetValue(relations) is { } relationsFile)
                {
                    var report = RelationReport.Of(ReadRelations(relationsFile), result.GetValue(endLabels));
                    await io.Output.WriteAsync(json ? JsonSerializer.Serialize(report, Json) + "\n" : AgreementTables.Relations(report));
                    return 0;
                }

                if (result.GetValue(project) is { } projectId)
                {
                    return await ProjectAsync(io, projectId, result.GetValue(db), result.GetValue(groupBy), samples, json, ct);
                }

                if (result.GetValue(spans) is { } spansFile)
                {
                    var data = ReadSpans(spansFile, result.GetValue(begin), result.GetValue(length));
                    var report = SpanFigures.Report(data);
                    if (gammaOptions is null)
                    {
                        await io.Output.WriteAsync(json ? JsonSerializer.Serialize(report, Json) + "\n" : AgreementTables.Spans(report));
                        return 0;
                    }

                    var spanGamma = SpanGamma.Of(data, gammaOptions);
                    report = report with { Notes = [.. report.Notes, .. spanGamma.Notes] };
                    await io.Output.WriteAsync(json ? WithGamma(report, spanGamma) + "\n" : AgreementTables.Spans(report, spanGamma));
                    return 0;
                }

                var declared = result.GetValue(categories)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var coding = RatingsFileAgreement.Compute(
                    result.GetValue(file)!, Enum.Parse<MeasurementLevel>(result.GetValue(level) ?? "nominal", ignoreCase: true), declared, samples, result.GetValue(distance));
                await io.Output.WriteAsync(json ? AgreementReportWriter.Write(coding) + "\n" : AgreementTables.Coding(coding));
                StageTimings.Current?.Mark("report written");
                return 0;
            }
            catch (RatingsFileException ex)
            {
                return await FailAsync(io, ex.Message);
            }
        });
        return command;
    }

    /// <summary>The --spans JSON with the gamma keys added: gamma, gammaObservedDisorder, gammaExpectedDisorder, gammaPrecision, gammaSamples.</summary>
    private static string WithGamma(SpanReport report, SpanGamma gamma)
    {
        var node = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
        node["gamma"] = gamma.Gamma;
        node["gammaObservedDisorder"] = gamma.ObservedDisorder;
        node["gammaExpectedDisorder"] = gamma.ExpectedDisorder;
        node["gammaPrecision"] = gamma.Precision;
        node["gammaSamples"] = gamma.Samples;
        return node.ToJsonString(Json);
    }

    private static SpanData ReadSpans(FileInfo path, int begin, int? length)
    {
        using var reader = Open(path);
        List<LabelledSpan> spans;
        try
        {
            spans = SpansCsv.Read(reader);
        }
        catch (RatingsFileException ex)
        {
            throw new RatingsFileException($"{path.Name}: {ex.Message}");
        }

        if (begin < 0 || length is <= 0)
        {
            throw new RatingsFileException("--begin must be 0 or more and --length more than 0.");
        }

        var documents = spans.Select(s => s.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var continua = documents.Select(d => new Continuum(d, begin, length ?? Math.Max(0, spans.Where(s => s.Document == d).Max(s => s.End) - begin))).ToList();
        foreach (var span in spans)
        {
            if (span.Start < begin || span.End > begin + (length ?? int.MaxValue - begin))
            {
                throw new RatingsFileException($"{path.Name}: a span of '{span.Coder}' ({span.Start}–{span.End}) lies outside the continuum [{begin}, {begin + length}).");
            }
        }

        var coders = documents.ToDictionary(d => d, d => (IReadOnlyCollection<string>)spans.Where(s => s.Document == d).Select(s => s.Coder).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        return new SpanData(spans, continua, coders, Tokens: null);
    }

    private static RelationsFile ReadRelations(FileInfo path)
    {
        using var reader = Open(path);
        try
        {
            return RelationsCsv.Read(reader);
        }
        catch (RatingsFileException ex)
        {
            throw new RatingsFileException($"{path.Name}: {ex.Message}");
        }
    }

    private static async Task<int> ProjectAsync(InvocationConfiguration io, string projectId, string? dbPath, string? groupBy, int? samples, bool json, CancellationToken ct)
    {
        var database = new Db(dbPath ?? DefaultPaths.Database());
        if (database.IsSqlite && !File.Exists(database.DatabasePath))
        {
            return await FailAsync(io, $"There is no database at '{database.DatabasePath}'. Pass --db PATH.");
        }

        if (groupBy is not null && !AnnotatorStore.AttributeName().IsMatch(groupBy))
        {
            return await FailAsync(io, $"--group-by '{groupBy}' is not an attribute name: use 1–40 characters of a-z, 0-9, _ and -.");
        }

        await Migrator.MigrateAsync(database, ct);
        var projects = new ProjectStore(database, TimeProvider.System);
        if (await projects.GetAsync(projectId, ct) is not { } settings)
        {
            await io.Error.WriteLineAsync($"There is no project '{projectId}'.");
            return 1;
        }

        using var texts = new VersionTexts(new DocumentStore(database));
        var store = new AgreementStore(database, texts, new CodebookStore(database), new AnnotatorStore(database, TimeProvider.System));
        ProjectAgreementReport report;
        try
        {
            // The command line allows 50 times the server's bootstrap (AgreementLimits): it runs on the researcher's machine.
            report = await ProjectAgreement.ComputeAsync(store, settings, null, new AgreementOptions(groupBy, samples), ct);
        }
        catch (AgreementLimitException ex)
        {
            return await FailAsync(io, ex.Message);
        }

        await io.Output.WriteAsync(json ? JsonSerializer.Serialize(report, Json) + "\n" : AgreementTables.Project(report));
        return 0;
    }

    private static StreamReader Open(FileInfo path) => path.Exists
        ? new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true)
        : throw new RatingsFileException($"The file '{path.FullName}' does not exist.");

    private static async Task<int> FailAsync(InvocationConfiguration io, string message)
    {
        await io.Error.WriteLineAsync(message);
        return 2;
    }
}
