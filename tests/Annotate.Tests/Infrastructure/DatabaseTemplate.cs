using Annotate.Corpus;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Infrastructure;

/// <summary>
/// The database as the app leaves it after its first start on the bundled corpus (schema migrated, corpus and
/// codebook loaded), made once per test process by a real start of the app and copied into each new test app's
/// empty database: a SQLite file copy, or CREATE DATABASE … TEMPLATE on PostgreSQL. That app's own start then finds
/// the schema current and every corpus file unchanged, exactly as on any restart, and does not pay for the first
/// load again (most of a test app's start-up). Only a database nothing has touched yet is filled: a test that runs a
/// command on it first, or serves another corpus, starts from empty as before.
/// </summary>
internal static class DatabaseTemplate
{
    private static readonly Lazy<string> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts the template's content into <paramref name="database"/> if that database is still untouched.</summary>
    public static void FillIfUntouched(string database)
    {
        if (Annotate.Data.DatabaseTarget.IsPostgres(database))
        {
            PostgresTestServer.Instance.ReplaceIfEmpty(database, Template.Value);
        }
        else if (!File.Exists(database))
        {
            // The folder as the app creates it (owner only); File.Copy keeps the template's 0600 mode.
            Annotate.Data.OwnerOnly.CreateFolder(Path.GetDirectoryName(database)!);
            File.Copy(Template.Value, database);
        }
    }

    private static string Build()
    {
        // Off the caller's execution context: this app is started while another one may be configuring its host.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(BuildAsync).GetAwaiter().GetResult();
        }
    }

    private static async Task<string> BuildAsync()
    {
        var folder = TempFolder.Create();
        var database = TestDatabase.Create(folder, template: true);
        using (var app = AnnotateApp.TemplateBuilder(folder, database))
        {
            app.StartServer();
            var status = app.Services.GetRequiredService<CorpusStatus>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (status.Current is not { State: CorpusStatusSnapshot.Idle, LastLoadedAt: not null })
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The template database's corpus did not finish loading in 60 s.");
                }

                await Task.Delay(20);
            }
        }

        if (!TestDatabase.UsePostgres)
        {
            // Everything into the main file, so that copying that one file copies the whole database.
            using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
            {
                connection.Open();
                using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
                checkpoint.ExecuteNonQuery();
            }

            SqliteConnection.ClearAllPools();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolder.Delete(folder);
        return database;
    }
}
