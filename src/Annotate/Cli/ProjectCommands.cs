using System.CommandLine;
using Annotate.Data;
using Annotate.Hosting;
using Annotate.Projects;

namespace Annotate.Cli;

/// <summary>`annotate project mode PROJECT MODE --db PATH`: sets a project's visibility from a script.</summary>
internal static class ProjectCommands
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "The project id (the served corpus is 'default')." };
        var mode = new Argument<string>("MODE") { Description = "blind, open or reveal." };
        mode.AcceptOnlyFromAmong(Visibility.All);
        var db = new Option<string?>("--db") { Description = "The SQLite database file (default: data/annotate.db).", HelpName = "PATH" };
        var command = new Command("mode", "Set a project's visibility: blind (each sees only their own work), open (everyone's), reveal (after a blind round).")
        {
            project, mode, db,
        };
        command.SetAction(async (result, ct) =>
        {
            var database = new Db(result.GetValue(db) ?? DefaultPaths.Database());
            var io = result.InvocationConfiguration;
            if (!File.Exists(database.DatabasePath))
            {
                await io.Error.WriteLineAsync($"There is no database at '{database.DatabasePath}'. Pass --db PATH.");
                return 2;
            }

            await Migrator.MigrateAsync(database, ct);
            var updated = await new ProjectStore(database, TimeProvider.System).SetVisibilityAsync(result.GetValue(project)!, result.GetValue(mode)!, ct);
            if (updated is null)
            {
                await io.Error.WriteLineAsync($"There is no project '{result.GetValue(project)}'.");
                return 1;
            }

            await io.Output.WriteLineAsync($"Project '{updated.Id}' is now {updated.Visibility}. Connected clients see it when they next join a document.");
            return 0;
        });
        return new Command("project", "Work with projects.") { command };
    }
}
