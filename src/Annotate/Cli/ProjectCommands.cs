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
        var db = new Option<string?>("--db") { Description = "The SQLite database file or postgres://… server (default: data/annotate.db).", HelpName = "PATH|URL" };
        var command = new Command("mode", "Set a project's visibility: blind (each sees only their own work), open (everyone's), reveal (after a blind round).")
        {
            project, mode, db,
        };
        command.SetAction(async (result, ct) =>
        {
            var database = new Db(result.GetValue(db) ?? DefaultPaths.Database());
            var io = result.InvocationConfiguration;
            if (database.IsSqlite && !File.Exists(database.DatabasePath))
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
        return new Command("project", "Work with projects.") { command, Add(), AddMember(), RemoveMember() };
    }

    private static Command Add()
    {
        var id = new Argument<string>("PROJECT") { Description = "The new project's id: 1–40 of a-z, 0-9 and -." };
        var collection = new Option<string>("--collection") { Description = "The corpus folder (collection) the project owns, with its sub-folders, e.g. wire or courses/week1.", Required = true };
        var name = new Option<string?>("--name") { Description = "A name people see (default: the id)." };
        var owner = new Option<string?>("--owner") { Description = "The user name of an account to make its owner." };
        var db = UserCommands.DbOption();
        var command = new Command("add", "Create a project owning a collection of the corpus; its documents (and their annotations) move to it.") { id, collection, name, owner, db };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var projectId = result.GetValue(id)!;
            var folder = result.GetValue(collection)!.Trim().Trim('/');
            if (!System.Text.RegularExpressions.Regex.IsMatch(projectId, "^[a-z0-9-]{1,40}$"))
                return await UserCommands.FailAsync(io, $"'{projectId}' is not a project id: use 1–40 of a-z, 0-9 and -.");
            if (folder.Length == 0 || folder.Contains("..", StringComparison.Ordinal) || folder.Contains('\\', StringComparison.Ordinal))
                return await UserCommands.FailAsync(io, $"'{result.GetValue(collection)}' is not a collection: give a folder of the corpus such as 'wire'.");
            if (await UserCommands.OpenAsync(result.GetValue(db), io, ct, create: true) is not { } database)
                return 2;
            string? ownerId = null;
            if (result.GetValue(owner) is { } ownerName && (ownerId = (await new Sessions.UserStore(database, TimeProvider.System).FindAccountAsync(ownerName, ct))?.Id) is null)
                return await UserCommands.FailAsync(io, $"There is no account '{ownerName}'.", 1);
            if (await new ProjectStore(database, TimeProvider.System).CreateAsync(projectId, result.GetValue(name) ?? projectId, folder, ct) is not { } moved)
                return await UserCommands.FailAsync(io, $"A project '{projectId}', or one owning '{folder}', exists already.", 1);
            if (ownerId is not null)
                await new ProjectMembers(database, TimeProvider.System).SetAsync(projectId, ownerId, ProjectRoles.Owner, ct);
            await io.Output.WriteLineAsync($"Project '{projectId}' owns '{folder}': {moved} document(s){(moved == 0 ? " (documents arriving there later join it)" : "")}.");
            return 0;
        });
        return command;
    }

    private static Command AddMember()
    {
        var project = new Argument<string>("PROJECT") { Description = "The project id (the served corpus is 'default')." };
        var name = new Argument<string>("NAME") { Description = "The user name of an account." };
        var role = new Option<string>("--role") { Description = "owner, curator, annotator or viewer.", Required = true };
        role.AcceptOnlyFromAmong(ProjectRoles.All);
        var db = UserCommands.DbOption();
        var command = new Command("add-member", "Add an account to a project with a role (or change their role).") { project, name, role, db };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            if (await UserCommands.OpenAsync(result.GetValue(db), io, ct, create: true) is not { } database)
                return 2;
            if (await ResolveAsync(database, result.GetValue(project)!, result.GetValue(name)!, io, ct) is not { } userId)
                return 1;
            await new ProjectMembers(database, TimeProvider.System).SetAsync(result.GetValue(project)!, userId, result.GetValue(role)!, ct);
            await io.Output.WriteLineAsync($"'{result.GetValue(name)}' is now {result.GetValue(role)} of project '{result.GetValue(project)}'.");
            return 0;
        });
        return command;
    }

    private static Command RemoveMember()
    {
        var project = new Argument<string>("PROJECT") { Description = "The project id." };
        var name = new Argument<string>("NAME") { Description = "The user name of an account." };
        var db = UserCommands.DbOption();
        var command = new Command("remove-member", "Remove an account from a project; a running server refuses their next call and drops their live connections within seconds.") { project, name, db };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            if (await UserCommands.OpenAsync(result.GetValue(db), io, ct) is not { } database)
                return 2;
            if (await ResolveAsync(database, result.GetValue(project)!, result.GetValue(name)!, io, ct) is not { } userId)
                return 1;
            var removed = await new ProjectMembers(database, TimeProvider.System).RemoveAsync(result.GetValue(project)!, userId, ct);
            await io.Output.WriteLineAsync(removed ? $"'{result.GetValue(name)}' is no longer a member of project '{result.GetValue(project)}'." : $"'{result.GetValue(name)}' was not a member.");
            return 0;
        });
        return command;
    }

    private static async Task<string?> ResolveAsync(Db database, string projectId, string userName, InvocationConfiguration io, CancellationToken ct)
    {
        if (await new ProjectStore(database, TimeProvider.System).GetAsync(projectId, ct) is null)
        {
            await io.Error.WriteLineAsync($"There is no project '{projectId}'.");
            return null;
        }

        if (await new Sessions.UserStore(database, TimeProvider.System).FindAccountAsync(userName, ct) is not { } account)
        {
            await io.Error.WriteLineAsync($"There is no account '{userName}'.");
            return null;
        }

        return account.Id;
    }
}
