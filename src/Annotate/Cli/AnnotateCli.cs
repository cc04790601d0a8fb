using System.CommandLine;

namespace Annotate.Cli;

/// <summary>The `annotate` command line. Later features add agreement, export, import and user commands here.</summary>
internal static class AnnotateCli
{
    private static readonly string[] RootOnlyTokens = ["-h", "--help", "-?", "/?", "--version"];

    public static Task<int> RunAsync(string[] args, Func<string[], Task<int>> serve, TextWriter? output = null, TextWriter? error = null)
    {
        var root = new RootCommand("Annotate: collaborative, multi-perspective discourse annotation of news articles.")
        {
            ServeCommand.Create(serve),
            CorpusCommands.Create(),
            ProjectCommands.Create(),
            AgreementCommand.Create(),
            UserCommands.CreateUser(),
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
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // The web host handles Ctrl+C and SIGTERM itself, with a graceful shutdown.
            ProcessTerminationTimeout = null,
        };
        return root.Parse(args).InvokeAsync(configuration);
    }
}
