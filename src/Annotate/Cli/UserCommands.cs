using System.CommandLine;
using Annotate.Data;
using Annotate.Hosting;
using Annotate.Projects;
using Annotate.Sessions;

namespace Annotate.Cli;

/// <summary>
/// `annotate user add NAME [--owner]` and `annotate token create NAME`: set up accounts from a script or a terminal
/// without the web app. Passwords come from standard input (or are generated and printed once); tokens are
/// printed once. Neither is ever logged.
/// </summary>
internal static class UserCommands
{
    /// <param name="input">Redirected standard input, from which the password is read; null: generate one.</param>
    public static Command CreateUser(TextReader? input)
    {
        var name = new Argument<string>("NAME") { Description = "The user name to sign in with." };
        var owner = new Option<bool>("--owner") { Description = "Make the user a server owner and an owner of the served corpus's project." };
        var displayName = new Option<string?>("--display-name") { Description = "The name others see (default: NAME).", HelpName = "NAME" };
        var db = DbOption();
        var add = new Command("add", "Create an account. The password is read from standard input when it is redirected, else generated and printed once.")
        {
            name, owner, displayName, db,
        };
        add.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var userName = result.GetValue(name)!.Trim();
            if (userName.Length is 0 or > 64 || userName.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                return await FailAsync(io, $"'{userName}' is not a user name: 1–64 characters, no spaces.");
            }

            if (await OpenAsync(result.GetValue(db), io, ct, create: true) is not { } database)
            {
                return 2;
            }

            string password;
            var generated = input is null;
            if (input is null)
            {
                password = Passwords.Generate();
            }
            else
            {
                password = (await input.ReadLineAsync(ct) ?? "").TrimEnd('\r', '\n');
                if (Passwords.Problem(password) is { } problem)
                {
                    return await FailAsync(io, $"The password from standard input was refused: {problem}");
                }
            }

            var users = new UserStore(database, TimeProvider.System);
            var isOwner = result.GetValue(owner);
            if (await users.CreateAccountAsync(userName, result.GetValue(displayName)?.Trim() is { Length: > 0 } shown ? shown : userName, Passwords.Hash(password), isOwner, ct) is not { } user)
            {
                return await FailAsync(io, $"The user name '{userName}' is taken.", 1);
            }

            if (isOwner)
            {
                await new ProjectMembers(database, TimeProvider.System).SetAsync(ProjectStore.DefaultProject, user.UserId, ProjectRoles.Owner, ct);
            }

            await io.Output.WriteLineAsync($"Created '{userName}'{(isOwner ? ", a server owner and an owner of project 'default'" : "")}.");
            if (generated)
            {
                await io.Output.WriteLineAsync($"Password (shown once): {password}");
            }

            return 0;
        });
        return new Command("user", "Manage accounts.") { add };
    }

    public static Command CreateToken()
    {
        var name = new Argument<string>("NAME") { Description = "The user name whose rights the token carries." };
        var label = new Option<string>("--label") { Description = "What the token is for (default: \"command line\").", DefaultValueFactory = _ => "command line" };
        var db = DbOption();
        var create = new Command("create", "Create a personal API token for a user; it is printed once. Send it as 'Authorization: Bearer TOKEN'.")
        {
            name, label, db,
        };
        create.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            if (await OpenAsync(result.GetValue(db), io, ct, create: true) is not { } database)
            {
                return 2;
            }

            if (await new UserStore(database, TimeProvider.System).FindAccountAsync(result.GetValue(name)!, ct) is not { } account)
            {
                return await FailAsync(io, $"There is no account '{result.GetValue(name)}'.", 1);
            }

            if (await new ApiTokens(database, TimeProvider.System).CreateAsync(account.Id, result.GetValue(label)!, ct) is not { } token)
            {
                return await FailAsync(io, $"No token created for '{account.UserName}': {ApiTokens.TooManyDetail}", 1);
            }

            await io.Output.WriteLineAsync(token.Token);
            return 0;
        });
        return new Command("token", "Manage personal API tokens.") { create };
    }

    public static Option<string?> DbOption() => new("--db") { Description = "The SQLite database file or a PostgreSQL server, postgres://user:pass@host:port/db (default: data/annotate.db).", HelpName = "PATH|URL" };

    /// <summary>Opens and migrates the database, or explains why not (exit code 2).</summary>
    /// <param name="create">
    /// Whether a missing SQLite file is created (and migrated): the set-up commands (user add, token create, project
    /// add and add-member) run before the first `serve`; commands that read data refuse an empty place instead.
    /// </param>
    public static async Task<Db?> OpenAsync(string? path, InvocationConfiguration io, CancellationToken ct, bool create = false)
    {
        var database = new Db(path ?? DefaultPaths.Database());
        var missing = database.IsSqlite && !File.Exists(database.DatabasePath);
        if (missing && !create)
        {
            await io.Error.WriteLineAsync($"There is no database at '{database.DatabasePath}'. Start the server once, or pass --db PATH.");
            return null;
        }

        await Migrator.MigrateAsync(database, ct);
        if (missing)
        {
            await io.Error.WriteLineAsync($"Created the database {database.DatabasePath}.");
        }

        return database;
    }

    public static async Task<int> FailAsync(InvocationConfiguration io, string message, int exitCode = 2)
    {
        await io.Error.WriteLineAsync(message);
        return exitCode;
    }
}
