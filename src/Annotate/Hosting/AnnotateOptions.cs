namespace Annotate.Hosting;

/// <summary>The "Annotate" configuration section; every key can also come from the environment (Annotate__Corpus) or --corpus/--db.</summary>
internal sealed class AnnotateOptions
{
    public const string Section = "Annotate";

    /// <summary>The corpus folder. Default: the bundled corpus/ of the repository, else ./corpus.</summary>
    public string? Corpus { get; set; }

    /// <summary>The SQLite database file, or a PostgreSQL server (postgres://… or Host=…). Default: data/annotate.db beside the corpus's repository, else ./data/annotate.db.</summary>
    public string? Database { get; set; }

    /// <summary>Where the cookie-protection keys live. Default: a keys folder beside the SQLite file (with PostgreSQL, in data/).</summary>
    public string? Keys { get; set; }

    /// <summary>Article files larger than this are refused (a 5 MiB article is a book, or a mistake).</summary>
    public long MaxFileSizeBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Whether to watch the corpus folder and load changes without a restart.</summary>
    public bool WatchCorpus { get; set; } = true;

    /// <summary>Live hub connections one person may hold at once on one instance (a browser tab needs one); the next is refused.</summary>
    public int MaxHubConnectionsPerUser { get; set; } = 20;

    /// <summary>
    /// A Redis server (StackExchange.Redis configuration, e.g. "127.0.0.1:6379") through which several instances
    /// share live messages; null for one instance on its own.
    /// </summary>
    public string? Redis { get; set; }

    public string CorpusPath => Corpus ?? DefaultPaths.Corpus();

    public string DatabasePath => Database ?? DefaultPaths.Database();
}

/// <summary>
/// Defaults that make `dotnet run --project src/Annotate` work from anywhere in a clone: look for the folder holding
/// Annotate.sln upwards from the working directory and from the program, and use its corpus/ and data/.
/// </summary>
internal static class DefaultPaths
{
    public static string Corpus() => Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "corpus");

    public static string Database() => Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "data", "annotate.db");

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Annotate.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }
}
