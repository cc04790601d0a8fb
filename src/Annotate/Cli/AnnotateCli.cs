using System.CommandLine;

namespace Annotate.Cli;

/// <summary>The `annotate` command line. Later features add agreement, export, import and user commands here.</summary>
internal static class AnnotateCli
{
    private static readonly string[] RootOnlyTokens = ["-h", "--help", "-?", "/?", "--version"];

    /// <summary>Runs on the process's console: standard input is read (for a password) only when it is redirected.</summary>
    public static Task<int> RunAsync(string[] args, Func<string[], Task<int>> serve) =>
        RunAsync(args, serve, Console.Out, Console.Error, Console.IsInputRedirected ? Console.In : null);

    /// <summary>Runs with the given streams, so the commands can run inside another process (the tests) as they run in their own.</summary>
    /// <param name="input">Redirected standard input (a password from a pipe), or null for a terminal (a password is generated).</param>
    public static Task<int> RunAsync(string[] args, Func<string[], Task<int>> serve, TextWriter output, TextWriter error, TextReader? input = null)
    {
        // `annotate` alone, or with only options such as --db, means `annotate serve`.
        if (args.Length == 0 || (args[0].StartsWith('-') && !RootOnlyTokens.Contains(args[0])))
        {
            args = ["serve", .. args];
        }

        // Commands by name, built only when needed: a run that names its command exactly gets only that one (building
        // them all loads the database drivers and more, a noticeable part of a short `annotate agreement FILE`);
        // anything else (root help, --version, a mistyped name) gets them all.
        (string Name, Func<Command> Create)[] commands =
        [
            ("serve", () => ServeCommand.Create(serve)),
            ("corpus", CorpusCommands.Create),
            ("project", ProjectCommands.Create),
            ("agreement", AgreementCommand.Create),
            ("user", () => UserCommands.CreateUser(input)),
            ("token", UserCommands.CreateToken),
            ("export", ExportCommand.Create),
            ("import", ImportCommand.Create),
            ("migrate", MigrateCommand.Create),
        ];
        var root = new RootCommand("Annotate: collaborative, multi-perspective discourse annotation of news articles.");
        var named = commands.Where(c => c.Name == args[0]).ToArray();
        foreach (var (name, create) in named.Length == 1 ? named : commands)
        {
            var command = create();
            root.Subcommands.Add(command.Name == name ? command : throw new InvalidOperationException($"The command '{command.Name}' is listed as '{name}'."));
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // The web host handles Ctrl+C and SIGTERM itself, with a graceful shutdown.
            ProcessTerminationTimeout = null,
        };
        return root.Parse(args).InvokeAsync(configuration);
    }
}
