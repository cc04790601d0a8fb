using System.CommandLine;
using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Import;
using Annotate.Projects;

namespace Annotate.Cli;

/// <summary>
/// `annotate import --project P --format jsonl|brat PATH`: annotations from an export of Annotate (or brat files of
/// another tool) written as their annotators, through the same writer as live edits. Every annotation that cannot
/// be imported is named on stderr. Exit 0: all imported (or already there); 1: some skipped, or no such project;
/// 2: bad input (missing file, unknown format, malformed line, unsafe path), and then nothing is written.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var project = new Option<string>("--project") { Description = "The project to import into (the served corpus is 'default').", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (an export's .jsonl, its folder or .zip) or brat (a brat folder or .zip).", DefaultValueFactory = _ => "jsonl" };
        var annotator = new Option<string?>("--annotator") { Description = "brat: the annotator of a single folder of .txt + .ann (their id and name).", HelpName = "NAME" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report, but write nothing." };
        var addMembers = new Option<bool>("--add-members")
        {
            Description = "Let people who already exist on this server (accounts, people of other projects) become annotators of the project; each is reported. Without it their annotations are refused.",
        };
        var path = new Argument<string>("PATH") { Description = "The file, folder or .zip to import." };
        var db = UserCommands.DbOption();
        var command = new Command("import", "Import annotations (jsonl or brat) into a project, keeping annotators, ids and the gold layer.")
        {
            project, format, annotator, dryRun, addMembers, path, db,
        };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var source = Path.GetFullPath(result.GetValue(path)!);
            var chosen = result.GetValue(format)!;
            if (chosen is not ("jsonl" or "brat"))
                return await UserCommands.FailAsync(io, $"'{chosen}' is not an import format; use jsonl or brat.");
            if (!File.Exists(source) && !Directory.Exists(source))
                return await UserCommands.FailAsync(io, $"There is no file or folder '{source}'.");
            if (await UserCommands.OpenAsync(result.GetValue(db), io, ct) is not { } database)
                return 2;
            var projectId = result.GetValue(project)!;
            if (await new ProjectStore(database, TimeProvider.System).GetAsync(projectId, ct) is null)
                return await UserCommands.FailAsync(io, $"There is no project '{projectId}'.", 1);

            ImportBatch batch;
            try
            {
                batch = chosen == "jsonl" ? await JsonlImportReader.ReadAsync(source, ct) : await BratImportReader.ReadAsync(source, result.GetValue(annotator), ct);
            }
            catch (ImportFormatException e)
            {
                return await UserCommands.FailAsync(io, $"Nothing imported: {e.Message}");
            }

            var documents = new DocumentStore(database);
            using var texts = new VersionTexts(documents);
            var codebooks = new CodebookStore(database);
            var writer = new AnnotationWriter(database, documents, texts, codebooks, new SilentChanges(), TimeProvider.System);
            var people = new ImportPeople(database, TimeProvider.System, result.GetValue(addMembers));
            var relations = new Relations.RelationWriter(database, documents, texts, codebooks, new SilentChanges(), TimeProvider.System);
            var importer = new AnnotationImporter(database, documents, texts, codebooks, writer, people, relations);
            var outcome = await importer.ImportAsync(projectId, batch, result.GetValue(dryRun), ct);
            foreach (var problem in outcome.Problems)
                await io.Error.WriteLineAsync(problem.ToString());
            await io.Output.WriteLineAsync(outcome.Summary());
            if (people.AddedExisting.Count > 0)
                await io.Output.WriteLineAsync($"Existing people made annotators of '{projectId}': {string.Join(", ", people.AddedExisting)}.");
            return outcome.Problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
