using System.CommandLine;
using System.Text.Json;
using Annotate.Corpus;
using Spectre.Console;

namespace Annotate.Cli;

/// <summary>`annotate corpus check DIR`: the corpus-status report on the command line; exit code 1 when there are errors.</summary>
internal static class CorpusCommands
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "The corpus folder to check." };
        var maxSize = new Option<long>("--max-file-size") { Description = "Refuse article files larger than this many bytes.", DefaultValueFactory = _ => 5 * 1024 * 1024 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var check = new Command("check", "Check a corpus folder: every file that cannot be loaded, and why. Exits 1 when there are errors.")
        {
            folder, maxSize, json,
        };
        check.SetAction((result, ct) => CheckAsync(result.GetValue(folder)!, result.GetValue(maxSize), result.GetValue(json), result.InvocationConfiguration, ct));
        return new Command("corpus", "Work with corpus folders.") { check };
    }

    private static async Task<int> CheckAsync(DirectoryInfo folder, long maxSize, bool json, InvocationConfiguration io, CancellationToken ct)
    {
        if (!folder.Exists)
        {
            await io.Error.WriteLineAsync($"The corpus folder '{folder.FullName}' does not exist.");
            return 2;
        }

        if (maxSize <= 0)
        {
            await io.Error.WriteLineAsync("--max-file-size must be a positive number of bytes.");
            return 2;
        }

        var report = ShowsProgress(io)
            ? await WithProgressBarAsync(p => CorpusCheck.Run(folder.FullName, maxSize, p, ct))
            : CorpusCheck.Run(folder.FullName, maxSize, null, ct);
        await io.Output.WriteAsync(json ? JsonSerializer.Serialize(report, JsonSerializerOptions.Web) + "\n" : Format(report));
        return report.Errors > 0 ? 1 : 0;
    }

    private static string Format(CorpusCheckReport report)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(FormattableString.Invariant($"Checked {report.Articles} articles and {report.Codebooks} codebooks in {report.Root} ({report.Seconds:F2} s)."));
        foreach (var problem in report.Problems)
        {
            text.AppendLine(FormattableString.Invariant($"{problem.Severity,-8} {problem.Path}: {problem.Message} [{problem.Code}]"));
        }

        text.AppendLine(FormattableString.Invariant($"{report.Loadable} articles can be loaded; {report.Errors} errors, {report.Warnings} warnings."));
        return text.ToString();
    }

    /// <summary>A progress bar on an interactive terminal only; redirected output stays clean for scripts.</summary>
    private static bool ShowsProgress(InvocationConfiguration io) => ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected;

    private static Task<CorpusCheckReport> WithProgressBarAsync(Func<IProgress<(int Done, int Total)>, CorpusCheckReport> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(true).StartAsync(context =>
        {
            var task = context.AddTask("Checking articles");
            var progress = new Progress<(int Done, int Total)>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            return Task.Run(() => work(progress));
        });
    }
}
