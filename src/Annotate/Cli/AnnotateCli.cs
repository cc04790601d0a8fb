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
        var root = new RootCommand("Annotate: collaborative, multi-perspective discourse annotation of news articles.")
        {
            ServeCommand.Create(serve),
            CorpusCommands.Create(),
            ProjectCommands.Create(),
            AgreementCommand.Create(),
            UserCommands.CreateUser(input),
            UserCommands.CreateToken(),
            ExportCommand.Create(),
            ImportCommand.Create(),
            MigrateCommand.Create(),
        };

        // `annotate` alone, or with only options such as --db, means `annotate serve`.
        if (args.Length == 0 || (args[0].StartsWith('-') && !RootOnlyTokens.Contains(args[0])))
        {
            args = ["serve", .. args];
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
