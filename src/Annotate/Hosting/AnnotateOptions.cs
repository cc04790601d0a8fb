namespace Annotate.Hosting;

/// <summary>The "Annotate" configuration section; every key can also come from the environment (Annotate__Corpus) or --corpus/--db.</summary>
internal sealed class AnnotateOptions
{
    public const string Section = "Annotate";

    /// <summary>The corpus folder. Default: the bundled corpus/ of the repository, else corpus/ in the program's folder.</summary>
    public string? Corpus { get; set; }

    /// <summary>The SQLite database file, or a PostgreSQL server (postgres://… or Host=…). Default: data/annotate.db of the repository, else data/ in the program's folder.</summary>
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

    /// <summary>How long a student's personal link (ticket) works after the teacher issued it; then a new one is needed.</summary>
    public double TicketLifetimeDays { get; set; } = 30;

    public TimeSpan TicketLifetime => TimeSpan.FromDays(TicketLifetimeDays);

    /// <summary>
    /// How often live connections are checked against the database (a lost right closes them) and projects' modes
    /// are read for changes made elsewhere. The promise is "within two seconds", so it must be between 0.05 and 1
    /// (checked at start); tests set less so that they do not wait on real seconds.
    /// </summary>
    public double LiveCheckSeconds { get; set; } = 1;

    public TimeSpan LiveCheckInterval => TimeSpan.FromSeconds(LiveCheckSeconds);

    public string CorpusPath => Corpus ?? DefaultPaths.Corpus();

    public string DatabasePath => Database ?? DefaultPaths.Database();
}

/// <summary>
/// Defaults that make `dotnet run --project src/Annotate` work from anywhere: the corpus/ and data/ of the clone the
/// program was built in (the folder holding Annotate.sln above it), else of the program's own folder. Never the
/// working directory, so the database and its cookie keys do not depend on where the command was typed.
/// </summary>
internal static class DefaultPaths
{
    public static string Corpus() => Path.Combine(Root(), "corpus");

    public static string Database() => Path.Combine(Root(), "data", "annotate.db");

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Annotate.sln")))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
