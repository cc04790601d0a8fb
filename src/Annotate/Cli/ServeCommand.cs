using System.CommandLine;
using Annotate.Data;

namespace Annotate.Cli;

internal static class ServeCommand
{
    public static Command Create(Func<string[], Task<int>> serve)
    {
        var corpus = new Option<string?>("--corpus") { Description = "The corpus folder to serve (default: the bundled corpus/ folder).", HelpName = "DIR" };
        var db = new Option<string?>("--db") { Description = "The SQLite database file (default: data/annotate.db; created on first run), or a PostgreSQL server: postgres://user:pass@host:port/db or Host=…;Database=….", HelpName = "PATH|URL" };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default: http://localhost:5000).", HelpName = "URLS" };
        var redis = new Option<string?>("--redis")
        {
            Description = "A Redis server through which several instances share live messages, e.g. 127.0.0.1:6379 (needs sticky sessions; docs/deployment.md).",
            HelpName = "HOST:PORT",
        };
        var command = new Command("serve", "Serve the web app on the corpus (the default command). Other ASP.NET Core options such as --environment pass through.")
        {
            corpus, db, urls, redis,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, _) =>
        {
            var unmatched = result.UnmatchedTokens;
            if (unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"Unknown command or argument '{unmatched[0]}'. Run 'annotate --help' for the commands.");
                return 2;
            }

            // Options become configuration keys, so --db and Annotate__Database in the environment mean the same thing.
            var hostArgs = new List<string>(unmatched);
            if (result.GetValue(corpus) is { } corpusPath)
            {
                hostArgs.Add($"--Annotate:Corpus={Path.GetFullPath(corpusPath)}");
            }

            if (result.GetValue(db) is { } dbPath)
            {
                hostArgs.Add($"--Annotate:Database={(DatabaseTarget.IsPostgres(dbPath) ? dbPath : Path.GetFullPath(dbPath))}");
            }

            if (result.GetValue(redis) is { } backplane)
            {
                hostArgs.Add($"--Annotate:Redis={backplane}");
            }

            if (result.GetValue(urls) is { } addresses)
            {
                hostArgs.Add($"--urls={addresses}");
            }

            return await serve([.. hostArgs]);
        });
        return command;
    }
}
