using System.CommandLine;
using Annotate.Export;
using Annotate.Projects;
using Spectre.Console;

namespace Annotate.Cli;

/// <summary>
/// `annotate export --project P --format F --out PATH`: a project's annotations as data, straight from the
/// database, with a progress bar on a terminal. PATH ending in .zip gets a zip archive, any other PATH a folder;
/// either is written beside and moved into place, so a failed export never leaves half of one under that name. An
/// existing PATH is replaced only when it is an earlier export holding nothing else (<see cref="ExportMarker"/>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var formats = ExportServices.Listing();
        var project = new Option<string>("--project") { Description = "The project to export (the served corpus is 'default').", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "The format: " + string.Join("; ", formats.Select(f => $"{f.Name} ({f.Description})")) + ".",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong([.. formats.Select(f => f.Name)]);
        var layer = new Option<string?>("--layer") { Description = "For layer-at-a-time formats (conll): the codebook layer to write (default: every span layer)." };
        var output = new Option<FileInfo>("--out") { Description = "A folder to create, or a file ending in .zip (an earlier export there is replaced; anything else is refused).", Required = true, HelpName = "PATH" };
        var spreadsheetSafe = new Option<bool>("--spreadsheet-safe")
        {
            Description = "CSV cells that a spreadsheet would run as a formula (=, +, -, @ …) get a leading apostrophe; false writes raw cells (default: true).",
            DefaultValueFactory = _ => true,
        };
        var document = new Option<string?>("--document") { Description = "One document of the project (its id) instead of all of them." };
        var db = UserCommands.DbOption();
        var command = new Command("export", "Export a project's annotations, every annotator's perspective and the gold layer kept, with a dataset card.")
        {
            project, format, layer, output, spreadsheetSafe, document, db,
        };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var target = Path.GetFullPath(result.GetValue(output)!.ToString());
            var zip = target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            if (Path.GetDirectoryName(target) is { } parent && File.Exists(parent))
                return await UserCommands.FailAsync(io, $"'{parent}' is a file, so nothing can be written inside it.");
            if (zip ? Directory.Exists(target) : File.Exists(target))
                return await UserCommands.FailAsync(io, zip ? $"'{target}' is a folder; name a .zip file or a folder to create." : $"'{target}' is a file; name a folder to create, or a .zip file.");
            if (Refusal(target, zip) is { } refusal)
                return await UserCommands.FailAsync(io, refusal);
            if (await UserCommands.OpenAsync(result.GetValue(db), io, ct) is not { } database)
                return 2;
            var projectId = result.GetValue(project)!;
            if (await new ProjectStore(database, TimeProvider.System).GetAsync(projectId, ct) is null)
                return await UserCommands.FailAsync(io, $"There is no project '{projectId}'.", 1);

            var runner = ExportServices.RunnerFor(database);
            var chosen = runner.Find(result.GetValue(format)!)!;
            var options = new ExportOptions(result.GetValue(layer), result.GetValue(spreadsheetSafe), result.GetValue(document));
            if (await runner.ValidateAsync(projectId, chosen, options, ct) is { } problem)
                return await UserCommands.FailAsync(io, problem.Message);

            // Missing parent folders are made (out/default.zip on a fresh clone); a fresh name beside the target means
            // nothing that was there before is ever overwritten or deleted.
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = $"{target}.partial-{Guid.NewGuid().ToString("N")[..8]}";
            ExportSummary summary;
            try
            {
                summary = ShowsProgress(io)
                    ? await WithProgressBarAsync(p => RunAsync(runner, projectId, chosen, options, partial, zip, p, ct))
                    : await RunAsync(runner, projectId, chosen, options, partial, zip, null, ct);
            }
            catch
            {
                DeletePartial(partial);
                throw;
            }

            // Checked again: the folder may have changed while the export ran.
            if (Refusal(target, zip) is { } late)
            {
                DeletePartial(partial);
                return await UserCommands.FailAsync(io, late);
            }

            Replace(partial, target, zip);
            await io.Output.WriteLineAsync($"Exported {summary.Documents} document(s) of project '{projectId}' as {chosen.Name} to {target}.");
            return 0;
        });
        return command;
    }

    private static async Task<ExportSummary> RunAsync(ExportRunner runner, string projectId, IExportFormat format, ExportOptions options,
        string partial, bool zip, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        if (!zip)
        {
            Directory.CreateDirectory(partial);
            ExportSummary summary;
            var written = new RecordingSink(new FolderSink(partial));
            await using (written)
            {
                summary = await runner.RunAsync(projectId, format, options, written, progress, ct);
            }

            await ExportMarker.WriteAsync(partial, projectId, format.Name, written.Files, ct);
            return summary;
        }

        await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var archive = new ZipSink(file, format.Compression);
        return await runner.RunAsync(projectId, format, options, archive, progress, ct);
    }

    private static string? Refusal(string target, bool zip) =>
        zip ? File.Exists(target) ? ExportMarker.RefuseZip(target) : null
            : Directory.Exists(target) ? ExportMarker.RefuseFolder(target) : null;

    private static void Replace(string partial, string target, bool zip)
    {
        if (zip)
        {
            File.Move(partial, target, overwrite: true);
            return;
        }

        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        Directory.Move(partial, target);
    }

    private static void DeletePartial(string partial)
    {
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        else if (File.Exists(partial))
            File.Delete(partial);
    }

    private static bool ShowsProgress(InvocationConfiguration io) => ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected;

    private static Task<ExportSummary> WithProgressBarAsync(Func<IProgress<(int Done, int Total)>, Task<ExportSummary>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(true).StartAsync(context =>
        {
            var task = context.AddTask("Exporting documents");
            var progress = new Progress<(int Done, int Total)>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            return work(progress);
        });
    }
}
