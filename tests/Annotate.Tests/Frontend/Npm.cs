using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Frontend;

/// <summary>Runs an npm command in the front end's folder (src/Annotate), as a developer would.</summary>
internal static class Npm
{
    public static string FrontendFolder { get; } = Path.Combine(RepositoryRoot.Path, "src", "Annotate");

    /// <summary>The exit code, and standard output followed by standard error (for the failure message).</summary>
    // Type-aware linting takes about 20 s on an idle machine, and took nearly 4 minutes on a 2-core one running
    // several test suites at once.
    public static Task<(int ExitCode, string Output)> RunAsync(string arguments) =>
        ToolProcess.RunAsync("npm", arguments, FrontendFolder, TimeSpan.FromMinutes(10));
}
