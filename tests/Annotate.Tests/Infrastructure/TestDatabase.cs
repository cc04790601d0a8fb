using Microsoft.Data.Sqlite;
using Npgsql;

namespace Annotate.Tests.Infrastructure;

/// <summary>
/// The database a test app runs on: a SQLite file in the test's temp folder, or, with ANNOTATE_TEST_DATABASE=postgres,
/// a fresh database on the PostgreSQL server started once for the test run (<see cref="PostgresTestServer"/>).
/// </summary>
internal static class TestDatabase
{
    /// <summary>
    /// PostgreSQL in the Annotate.Tests.Postgres project (the same tests, compiled again with POSTGRES_SUITE, so that
    /// `dotnet test` runs the suite on both stores), or when ANNOTATE_TEST_DATABASE=postgres.
    /// </summary>
    public static bool UsePostgres { get; } =
#if POSTGRES_SUITE
        true;
#else
        string.Equals(Environment.GetEnvironmentVariable("ANNOTATE_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);
#endif

    /// <summary>What to pass as Annotate:Database or --db: the file path, or a postgres:// URL of a new empty database.</summary>
    /// <param name="template">For <see cref="DatabaseTemplate"/>: a database other ones are later copied from.</param>
    public static string Create(string folder, bool template = false) =>
        UsePostgres ? PostgresTestServer.Instance.CreateDatabase(template ? "template" : "t") : Path.Combine(folder, "data", "annotate.db");

    /// <summary>Closes the pooled connections of every test database, so that a file can be copied or a database copied from.</summary>
    public static void ReleaseConnections()
    {
        SqliteConnection.ClearAllPools();
        if (UsePostgres)
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    public static void Drop(string database)
    {
        if (Annotate.Data.DatabaseTarget.IsPostgres(database))
        {
            PostgresTestServer.Instance.DropDatabase(database);
        }
        else
        {
            // Pooled connections keep the file open; release them before deleting the folder.
            SqliteConnection.ClearAllPools();
        }
    }
}

/// <summary>
/// A throw-away PostgreSQL 15 server (Debian's postgresql package) on a free loopback port, initialised in a temp
/// folder on first use and stopped when the test process exits. initdb refuses root, so as root it runs as the
/// package's postgres user. Databases default to ICU's en-US collation, not C, on purpose: the schema declares its
/// text columns COLLATE "C" (see PostgresSchema), and the tests show that this alone makes text sort by bytes as
/// in SQLite, as it must on a production server created with a language's collation.
/// </summary>
internal sealed class PostgresTestServer
{
    private static readonly Lazy<PostgresTestServer> Lazy = new(Start);
    private int next;

    private PostgresTestServer(int port) => Port = port;

    public static PostgresTestServer Instance => Lazy.Value;

    public int Port { get; }

    private string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public string CreateDatabase(string prefix = "t")
    {
        var name = $"{prefix}{Environment.ProcessId}_{Interlocked.Increment(ref next)}_{Guid.NewGuid().ToString("N")[..8]}";
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-US';", connection);
        command.ExecuteNonQuery();
        return $"postgres://postgres@127.0.0.1:{Port}/{name}";
    }

    /// <summary>
    /// Makes <paramref name="url"/>'s database a copy of <paramref name="templateUrl"/>'s if it has no tables yet
    /// (created by <see cref="CreateDatabase"/> and not touched since). The copy keeps the template's encoding and
    /// collation, which <see cref="CreateDatabase"/> gave it.
    /// </summary>
    public void ReplaceIfEmpty(string url, string templateUrl)
    {
        var name = new Uri(url).AbsolutePath.TrimStart('/');
        var template = new Uri(templateUrl).AbsolutePath.TrimStart('/');
        using (var target = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Pooling=false"))
        {
            target.Open();
            using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public';", target);
            if ((long)tables.ExecuteScalar()! != 0)
            {
                return;
            }
        }

        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        // Two commands: neither may run inside a transaction, which one batch of both would be.
        using var drop = new NpgsqlCommand($"DROP DATABASE {name};", connection);
        drop.ExecuteNonQuery();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template};", connection);
        create.ExecuteNonQuery();
    }

    public void DropDatabase(string url)
    {
        var name = new Uri(url).AbsolutePath.TrimStart('/');
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection);
        command.ExecuteNonQuery();
    }

    private static PostgresTestServer Start()
    {
        // Debian keeps each major version's server programs in /usr/lib/postgresql/N/bin: the newest installed.
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var n) ? n : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        var bin = versions.Append("/usr/local/bin").FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql.");
        // The test host may be killed before its exit handler has removed the folder: sweep stopped servers' folders.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "annotate-pg-*"))
        {
            if (!File.Exists(Path.Combine(stale, "data", "postmaster.pid")))
            {
                TempFolder.Delete(stale);
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "annotate-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres:postgres", folder);
        }

        var port = ServerProcess.FreePort();
        var data = Path.Combine(folder, "data");
        RunAs(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500",
            "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAs(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop");
            TempFolder.Delete(folder);
        };
        return new PostgresTestServer(port);
    }

    private static void RunAs(bool asRoot, string executable, params string[] args)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", executable, .. args]);
        }
        else
        {
            Run(executable, args);
        }
    }

    private static void Run(string executable, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
