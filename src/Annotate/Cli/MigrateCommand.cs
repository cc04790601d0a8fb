using System.CommandLine;
using Annotate.Data;

namespace Annotate.Cli;

/// <summary>
/// `annotate migrate --from sqlite:PATH --to postgres://…`: moves a deployment from its SQLite file to PostgreSQL,
/// every table and row, then checks the row counts of both. The target must hold no annotations or documents yet.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The SQLite database to copy: sqlite:PATH or a file path.", Required = true, HelpName = "sqlite:PATH" };
        var to = new Option<string>("--to") { Description = "The PostgreSQL database to fill: postgres://user:password@host:port/database or Host=….", Required = true, HelpName = "postgres://…" };
        var command = new Command("migrate", "Copy a SQLite database into an empty PostgreSQL database (every project, person, annotation and setting).") { from, to };
        command.SetAction(async (result, ct) =>
        {
            var io = result.InvocationConfiguration;
            var sourcePath = result.GetValue(from)!;
            sourcePath = sourcePath.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? sourcePath["sqlite:".Length..] : sourcePath;
            var targetName = result.GetValue(to)!;
            if (DatabaseTarget.IsPostgres(sourcePath) || !File.Exists(Path.GetFullPath(sourcePath)))
                return await UserCommands.FailAsync(io, $"--from must name an existing SQLite file; '{sourcePath}' is not one.");
            if (!DatabaseTarget.IsPostgres(targetName))
                return await UserCommands.FailAsync(io, "--to must name a PostgreSQL database: postgres://user:password@host:port/database or Host=….");

            var source = new Db(sourcePath);
            var target = new Db(targetName);
            try
            {
                await Migrator.MigrateAsync(target, ct);
                var existing = await DatabaseCopy.CountAsync(target, ["Documents", "Annotations"], ct);
                if (existing.Values.Any(n => n > 0))
                    return await UserCommands.FailAsync(io, $"{target.Display} already holds {existing["Documents"]} document(s) and {existing["Annotations"]} annotation(s); migrate into an empty database.");

                var copied = await DatabaseCopy.CopyAsync(source, target, new Progress<CopiedTable>(_ => { }), ct);
                var before = await DatabaseCopy.CountAsync(source, copied.Select(c => c.Table), ct);
                var after = await DatabaseCopy.CountAsync(target, copied.Select(c => c.Table), ct);
                foreach (var table in copied)
                    await io.Output.WriteLineAsync($"{table.Table}: {table.Rows} row(s)");
                var differ = copied.Where(c => before[c.Table] != after[c.Table]).Select(c => $"{c.Table} ({before[c.Table]} → {after[c.Table]})").ToList();
                if (differ.Count > 0)
                    return await UserCommands.FailAsync(io, $"Row counts differ after the copy: {string.Join(", ", differ)}.", 1);
                await io.Output.WriteLineAsync($"Copied {copied.Sum(c => c.Rows)} row(s) of {copied.Count} table(s) from {source.Display} to {target.Display}; row counts match.");
                return 0;
            }
            catch (Npgsql.NpgsqlException ex)
            {
                return await UserCommands.FailAsync(io, $"PostgreSQL refused: {ex.Message} Nothing was copied.", 1);
            }
            catch (Exception ex) when (ex is InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
            {
                return await UserCommands.FailAsync(io, $"{source.Display} cannot be copied: {ex.Message} Nothing was copied.");
            }
        });
        return command;
    }
}
