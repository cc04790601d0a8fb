using System.CommandLine;
using Annotate.Annotations;
using Annotate.Corpus;
using Annotate.Export;
using Annotate.Projects;
using Spectre.Console;

namespace Annotate.Cli;

/// <summary>
/// `annotate export --project P --format jsonl --out PATH`: every annotator's perspective as data, straight from the
/// database, with a progress bar on a terminal. The file is written beside and moved into place, so a failed
/// export never leaves half a file under the name asked for.
/// </summary>
internal static class ExportCommand
{
    public static readonly string[] Formats = ["jsonl"];

    public static Command Create()
    {
        var project = new Option<string>("--project") { Description = "The project to export (the served corpus is 'default').", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (one document per line, every annotator's spans, labels and soft labels).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<FileInfo>("--out") { Description = "The file to write (replaced if it exists).", Required = true, HelpName = "PATH" };
        var db = UserCommands.DbOption();
        var command = new Command("export", "Export a project's annotations, every annotator's perspective kept.") { project, format, output, db };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var target = result.GetValue(output)!;
            if (target.Directory is { Exists: false } folder)
                return await UserCommands.FailAsync(io, $"The folder '{folder.FullName}' does not exist.");
            if (await UserCommands.OpenAsync(result.GetValue(db), io, ct) is not { } database)
                return 2;
            var projectId = result.GetValue(project)!;
            if (await new ProjectStore(database, TimeProvider.System).GetAsync(projectId, ct) is null)
                return await UserCommands.FailAsync(io, $"There is no project '{projectId}'.", 1);

            var export = new JsonlExport(database, new DocumentStore(database), new AnnotationStore(database), new AnnotatorStore(database, TimeProvider.System));
            var partial = target.FullName + ".partial";
            int documents;
            await using (var stream = File.Create(partial))
            {
                documents = ShowsProgress(io)
                    ? await WithProgressBarAsync(p => export.WriteAsync(projectId, stream, p, ct))
                    : await export.WriteAsync(projectId, stream, null, ct);
            }

            File.Move(partial, target.FullName, overwrite: true);
            await io.Output.WriteLineAsync($"Exported {documents} document(s) of project '{projectId}' to {target.FullName}.");
            return 0;
        });
        return command;
    }

    private static bool ShowsProgress(InvocationConfiguration io) => ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected;

    private static Task<int> WithProgressBarAsync(Func<IProgress<(int Done, int Total)>, Task<int>> work)
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
